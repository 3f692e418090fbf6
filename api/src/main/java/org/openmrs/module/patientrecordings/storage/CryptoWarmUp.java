/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.storage;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.StreamingAead;
import com.google.crypto.tink.streamingaead.AesGcmHkdfStreamingParameters;
import com.google.crypto.tink.streamingaead.PredefinedStreamingAeadParameters;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;

/**
 * Runs the content store's crypto paths (AES-GCM through Tink's streaming AEAD both ways, SHA-256, SHA-1) over
 * throwaway data with a throwaway key, so that the JIT compiles them, and the CPU's AES and GHASH intrinsics are in
 * use, before the first real upload: a cold JVM otherwise ingests its first GiB at about a third of the warm speed.
 * Nothing is stored and no content key is touched.
 */
public final class CryptoWarmUp {

    private static final int ROUND_BYTES = 4 * 1024 * 1024;

    /**
     * The JIT hands AES-GCM, GHASH and the digests to the CPU's instructions only inside methods it has compiled
     * fully, which takes some thousands of calls of the methods around them; with the store's 1 MiB segments that is
     * gigabytes of cold, ten times slower work. So the warm-up first runs the same code with small segments and small
     * updates: {@value #COMPILE_CALLS} of each.
     */
    private static final int COMPILE_CALLS = 24_000;

    private static final int COMPILE_SEGMENT_BYTES = 4 * 1024;
    private static final byte[] ASSOCIATED_DATA =
            "org.openmrs.module.patientrecordings:warm-up".getBytes(StandardCharsets.UTF_8);

    private CryptoWarmUp() {}

    /** Told how the warm-up ended, on its own thread; the host logs it. */
    public interface Outcome {
        /** Every byte went through every path and came back unchanged. */
        void warmed(long bytes, Duration took);

        /** The warm-up stopped; uploads still work, only the first one runs cold. */
        void failed(Exception cause);
    }

    /**
     * Starts the warm-up on a low-priority daemon thread and returns at once.
     *
     * @param bytes how many bytes to encrypt, decrypt and hash (rounded up to whole rounds of 4 MiB)
     * @param outcome told how it ended
     */
    public static Thread startInBackground(long bytes, Outcome outcome) {
        Thread thread = new Thread(
                () -> {
                    long began = System.nanoTime();
                    try {
                        long done = run(bytes);
                        outcome.warmed(done, Duration.ofNanos(System.nanoTime() - began));
                    } catch (IOException | GeneralSecurityException | RuntimeException e) {
                        outcome.failed(e);
                    }
                },
                "patientrecordings-crypto-warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
        return thread;
    }

    /**
     * Encrypts, decrypts and hashes {@code bytes} of throwaway data, checking that every round comes back unchanged.
     *
     * @return how many bytes went through each path
     * @throws IllegalStateException if a round does not come back unchanged
     */
    public static long run(long bytes) throws IOException, GeneralSecurityException {
        TinkRegistration.ensureRegistered();
        MessageDigest sha256 = digest("SHA-256");
        MessageDigest sha1 = digest("SHA-1");
        compile(sha256, sha1);
        StreamingAead aead = KeysetHandle.generateNew(PredefinedStreamingAeadParameters.AES256_GCM_HKDF_1MB)
                .getPrimitive(StreamingAead.class);
        byte[] plaintext = new byte[ROUND_BYTES];
        byte[] back = new byte[ROUND_BYTES];
        ByteArrayOutputStream ciphertext = new ByteArrayOutputStream(ROUND_BYTES + 64 * 1024);
        long done = 0;
        for (int round = 0; done < bytes; round++) {
            Arrays.fill(plaintext, (byte) round);
            roundTrip(aead, plaintext, back, ciphertext, "round " + round);
            sha256.update(plaintext);
            sha1.update(plaintext);
            done += ROUND_BYTES;
        }
        sha256.digest();
        sha1.digest();
        return done;
    }

    /**
     * The same AES-GCM streaming code with small segments, both ways, and the digests in small updates, each
     * {@value #COMPILE_CALLS} times, so that the JIT compiles the code around the CPU's instructions.
     */
    private static void compile(MessageDigest sha256, MessageDigest sha1) throws IOException, GeneralSecurityException {
        StreamingAead small = KeysetHandle.generateNew(AesGcmHkdfStreamingParameters.builder()
                        .setKeySizeBytes(32)
                        .setDerivedAesGcmKeySizeBytes(32)
                        .setHkdfHashType(AesGcmHkdfStreamingParameters.HashType.SHA256)
                        .setCiphertextSegmentSizeBytes(COMPILE_SEGMENT_BYTES)
                        .build())
                .getPrimitive(StreamingAead.class);
        byte[] plaintext = new byte[ROUND_BYTES];
        byte[] back = new byte[ROUND_BYTES];
        long segmentsPerRound = ROUND_BYTES / (COMPILE_SEGMENT_BYTES - 64);
        ByteArrayOutputStream ciphertext = new ByteArrayOutputStream(2 * ROUND_BYTES);
        for (long segments = 0; segments < COMPILE_CALLS; segments += segmentsPerRound) {
            roundTrip(small, plaintext, back, ciphertext, "compile round at segment " + segments);
        }
        for (int i = 0; i < COMPILE_CALLS; i++) {
            sha256.update(plaintext, 0, COMPILE_SEGMENT_BYTES);
            sha1.update(plaintext, 0, COMPILE_SEGMENT_BYTES);
        }
    }

    /** Encrypts the plaintext and decrypts it again into {@code back}, checking that it came back unchanged. */
    private static void roundTrip(
            StreamingAead aead, byte[] plaintext, byte[] back, ByteArrayOutputStream ciphertext, String which)
            throws IOException, GeneralSecurityException {
        ciphertext.reset();
        try (OutputStream out = aead.newEncryptingStream(ciphertext, ASSOCIATED_DATA)) {
            out.write(plaintext);
        }
        try (InputStream in =
                aead.newDecryptingStream(new ByteArrayInputStream(ciphertext.toByteArray()), ASSOCIATED_DATA)) {
            if (in.readNBytes(back, 0, back.length) != back.length || in.read() != -1) {
                throw new IllegalStateException("the warm-up " + which + " came back with another length");
            }
        }
        if (!Arrays.equals(plaintext, back)) {
            throw new IllegalStateException("the warm-up " + which + " came back changed");
        }
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every Java runtime", e);
        }
    }
}
