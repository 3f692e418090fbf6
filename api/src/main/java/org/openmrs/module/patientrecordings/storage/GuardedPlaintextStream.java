/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.storage;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * The plaintext of an upload as the encrypting side reads it: counts every byte, hashes it on a second thread
 * ({@link BackgroundDigests}, so hashing overlaps encryption and the write) and enforces the
 * {@link UploadLimits}. A broken limit is thrown from {@code read} <em>instead of</em> the end of the stream, so the
 * final ciphertext segment is never written and the backend never commits (SAF-4).
 */
final class GuardedPlaintextStream extends InputStream {

    private final InputStream plaintext;
    private final UploadLimits limits;
    private final BackgroundDigests digests;
    /** The plaintext's own SHA-256 and SHA-1, or null when it is digested only into digests of a whole. */
    private final MessageDigest sha256;

    private final MessageDigest sha1;
    private long size;
    private boolean ended;
    private String sha256Hex;
    private String sha1Hex;

    /** The plaintext with digests of its own, its SHA-256 and SHA-1. */
    GuardedPlaintextStream(InputStream plaintext, UploadLimits limits) {
        this(plaintext, limits, Digests.sha256(), Digests.sha1(), List.of());
    }

    private GuardedPlaintextStream(
            InputStream plaintext,
            UploadLimits limits,
            MessageDigest sha256,
            MessageDigest sha1,
            List<MessageDigest> others) {
        this.plaintext = Objects.requireNonNull(plaintext, "plaintext");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.sha256 = sha256;
        this.sha1 = sha1;
        List<MessageDigest> all = new ArrayList<>(others);
        if (sha256 != null) {
            all.add(sha256);
            all.add(sha1);
        }
        this.digests = new BackgroundDigests(all);
    }

    /**
     * The plaintext digested into {@code digests} only, without digests of its own: a part of a content whose
     * digests of the whole run on from part to part. It has no {@link #sha256Hex} or {@link #sha1Hex}.
     *
     * @param digests at least one
     * @throws IllegalArgumentException if {@code limits} expects a SHA-256, which only the plaintext's own can check
     */
    static GuardedPlaintextStream digestedOnlyInto(
            InputStream plaintext, UploadLimits limits, List<MessageDigest> digests) {
        if (limits.expectedSha256().isPresent()) {
            throw new IllegalArgumentException("an expected SHA-256 needs the plaintext's own digest");
        }
        return new GuardedPlaintextStream(plaintext, limits, null, null, digests);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (ended) {
            return -1;
        }
        if (len == 0) {
            return 0;
        }
        int n = plaintext.read(b, off, len);
        if (n < 0) {
            finish();
            return -1;
        }
        size += n;
        checkRunningSize();
        digests.update(b, off, n);
        return n;
    }

    /** Ends the hashing thread when the upload fails before its end; does nothing once the stream has ended. */
    void abandon() {
        if (!ended) {
            digests.abandon();
        }
    }

    /** The plaintext length; complete once the stream has ended. */
    long size() {
        return size;
    }

    /** The plaintext SHA-256 in hex; only after the stream has ended, and only if it has digests of its own. */
    String sha256Hex() {
        return Objects.requireNonNull(
                sha256Hex, ended ? "the plaintext has no digests of its own" : "the plaintext has not ended");
    }

    /** The plaintext SHA-1 in hex; only after the stream has ended, and only if it has digests of its own. */
    String sha1Hex() {
        return Objects.requireNonNull(
                sha1Hex, ended ? "the plaintext has no digests of its own" : "the plaintext has not ended");
    }

    private void checkRunningSize() throws ContentRejectedException {
        if (size > limits.maxSize()) {
            throw new ContentRejectedException(
                    ContentRejectedException.Reason.TOO_LARGE,
                    "Upload exceeds the maximum size of " + limits.maxSize() + " bytes");
        }
        if (limits.expectedSize().isPresent() && size > limits.expectedSize().getAsLong()) {
            throw new ContentRejectedException(
                    ContentRejectedException.Reason.LONGER_THAN_DECLARED,
                    "Upload is longer than the declared "
                            + limits.expectedSize().getAsLong() + " bytes");
        }
    }

    private void finish() throws IOException {
        if (limits.expectedSize().isPresent() && size != limits.expectedSize().getAsLong()) {
            throw new ContentRejectedException(
                    ContentRejectedException.Reason.TRUNCATED,
                    "Upload ended after " + size + " of the declared "
                            + limits.expectedSize().getAsLong() + " bytes");
        }
        digests.finish();
        if (sha256 == null) {
            ended = true;
            return;
        }
        String sha256OfUpload = HexFormat.of().formatHex(sha256.digest());
        if (limits.expectedSha256().isPresent()
                && !limits.expectedSha256().get().equals(sha256OfUpload)) {
            throw new ContentRejectedException(
                    ContentRejectedException.Reason.HASH_MISMATCH,
                    "Upload SHA-256 " + sha256OfUpload + " differs from the declared "
                            + limits.expectedSha256().get());
        }
        sha1Hex = HexFormat.of().formatHex(sha1.digest());
        sha256Hex = sha256OfUpload;
        ended = true;
    }
}
