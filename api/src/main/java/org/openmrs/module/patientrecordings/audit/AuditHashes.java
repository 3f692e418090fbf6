/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.openmrs.module.patientrecordings.domain.ErrorCode;

/**
 * The canonical form of a stored audit entry and its SHA-256, the links of the tamper-evident chain (SAF-2).
 *
 * <p>Canonical form, version 1: the UTF-8 bytes of the text {@code patientrecordings-audit-v1;} followed by
 * eleven fields in this order, each written as its UTF-8 byte length in decimal, a colon, the bytes and a
 * semicolon ({@code 5:VIEW;}), or as {@code -;} when absent:
 *
 * <ol>
 *   <li>sequence number, decimal
 *   <li>previous hash, as stored
 *   <li>time, ISO-8601 in UTC as {@link java.time.Instant#toString()} writes it (microsecond precision at most)
 *   <li>user id
 *   <li>patient id, or absent
 *   <li>recording id, or absent
 *   <li>action, the {@link AuditAction} name
 *   <li>purpose code, or absent
 *   <li>outcome, the {@link AuditOutcome.Result} name
 *   <li>outcome codes, the stable codes joined by commas in their sorted order (empty for a success)
 *   <li>detail (empty when none)
 * </ol>
 *
 * <p>The length prefixes make the form unambiguous whatever the fields contain. The hash is the SHA-256 of those
 * bytes in 64 lower-case hex digits. Changing this form breaks every stored chain: a new form needs a new version
 * text and a verifier that knows both.
 */
public final class AuditHashes {

    /** The text that opens the canonical form. */
    public static final String FORM_VERSION = "patientrecordings-audit-v1";

    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

    private AuditHashes() {}

    /** @return the SHA-256 of the canonical form of the entry at this place in the chain */
    public static String hash(long sequence, String previousHash, AuditEntry entry) {
        return HexFormat.of().formatHex(sha256().digest(canonicalForm(sequence, previousHash, entry)));
    }

    /** @return the canonical form described above */
    public static byte[] canonicalForm(long sequence, String previousHash, AuditEntry entry) {
        Objects.requireNonNull(previousHash, "previousHash");
        Objects.requireNonNull(entry, "entry");
        StringBuilder form = new StringBuilder(FORM_VERSION).append(';');
        field(form, Long.toString(sequence));
        field(form, previousHash);
        field(form, entry.at().toString());
        field(form, entry.user().value());
        field(form, entry.patient() == null ? null : entry.patient().value());
        field(form, entry.recording() == null ? null : entry.recording().value());
        field(form, entry.action().name());
        field(form, entry.purpose() == null ? null : entry.purpose().code());
        field(form, entry.outcome().result().name());
        field(form, entry.outcome().codes().stream().map(ErrorCode::code).collect(Collectors.joining(",")));
        field(form, entry.detail());
        return form.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** @return true for 64 lower-case hex digits */
    public static boolean isHash(String value) {
        return value != null && HASH.matcher(value).matches();
    }

    static String requireHash(String value, String what) {
        if (!isHash(value)) {
            throw new IllegalArgumentException(what + " must be 64 lower-case hex digits");
        }
        return value;
    }

    private static void field(StringBuilder form, String value) {
        if (value == null) {
            form.append("-;");
        } else {
            form.append(value.getBytes(StandardCharsets.UTF_8).length)
                    .append(':')
                    .append(value)
                    .append(';');
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }
}
