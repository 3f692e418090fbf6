/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.fhir;

import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Base64BinaryType;
import org.hl7.fhir.r4.model.Extension;
import org.openmrs.module.patientrecordings.recording.RecordedContent;
import org.openmrs.module.patientrecordings.recording.Recording;

/**
 * {@code Media.content}: a link to the streamed bytes, never the bytes (SAF-1, and recordings reach several GB).
 * FHIR R4 {@code Attachment.hash} is SHA-1; the SHA-256 we verify on every read travels in the content-sha256
 * extension. Both are base64, as FHIR's base64Binary wants; we keep them as hex.
 */
public final class MediaContent {

    /** What a recording without content shows as its content type (nothing uploaded yet, or destroyed). */
    static final String NO_CONTENT_TYPE = "application/octet-stream";

    private static final String SUFFIX = "-content";

    private MediaContent() {}

    /** The id of the Binary that streams a recording's content. */
    public static String binaryId(Recording r) {
        return r.id() + SUFFIX;
    }

    /** The recording id a Binary id names, or null when it names none. */
    public static String recordingIdOf(String binaryId) {
        return binaryId != null && binaryId.endsWith(SUFFIX) && binaryId.length() > SUFFIX.length()
                ? binaryId.substring(0, binaryId.length() - SUFFIX.length())
                : null;
    }

    static Attachment write(Recording r, String contentBase) {
        RecordedContent c = r.content();
        Attachment a = new Attachment();
        if (c == null) {
            // What the client declared when it started the recording, until content arrives.
            return a.setContentType(r.declaredContentType() == null ? NO_CONTENT_TYPE : r.declaredContentType());
        }
        a.addExtension(FhirUrls.EXT_CONTENT_SHA256, new Base64BinaryType(base64(c.sha256())));
        return a.setContentType(c.contentType())
                .setUrl(contentBase + "Binary/" + binaryId(r))
                .setSize(Math.toIntExact(Math.min(c.size(), Integer.MAX_VALUE)))
                .setHash(HexFormat.of().parseHex(c.sha1()));
    }

    /**
     * The content type a Media declares for content it does not show (yet): lower case, without parameters; null when
     * it declares none, or only the type that says nothing ({@value #NO_CONTENT_TYPE}).
     */
    static String declaredType(Attachment a) {
        if (a == null || a.hasUrl() || !a.hasContentType()) {
            return null;
        }
        String type = a.getContentType().split(";")[0].trim().toLowerCase(Locale.ROOT);
        return type.isEmpty() || type.equals(NO_CONTENT_TYPE) ? null : type;
    }

    /** The content a Media shows, or null when it shows none. The key is the Binary id: the store's key is ours. */
    static RecordedContent read(Attachment a) {
        if (a == null || !a.hasUrl()) {
            return null;
        }
        Extension sha256 = a.getExtensionByUrl(FhirUrls.EXT_CONTENT_SHA256);
        if (sha256 == null || !a.hasHash() || !a.hasSize() || !a.hasContentType()) {
            throw Refs.invalid("Media.content", "content needs its type, size, SHA-1 hash and SHA-256 extension");
        }
        String url = a.getUrl();
        return new RecordedContent(
                url.substring(url.lastIndexOf('/') + 1),
                a.getContentType(),
                a.getSize(),
                HexFormat.of().formatHex(((Base64BinaryType) sha256.getValue()).getValue()),
                HexFormat.of().formatHex(a.getHash()));
    }

    /** The base64 form of a hex digest, as FHIR shows hashes. */
    public static String base64(String hex) {
        return Base64.getEncoder().encodeToString(HexFormat.of().parseHex(hex));
    }
}
