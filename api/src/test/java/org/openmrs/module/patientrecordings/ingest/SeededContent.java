/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;

/**
 * The content of one recording of a crash-safety run, made again from its seed whenever needed: the worker uploads
 * it, the checker recomputes its SHA-256, and neither holds it whole in memory.
 *
 * @param seed the run's seed for the round
 * @param index which recording of the round
 * @param size the content's length, 0 to {@link #MAX_SIZE} bytes
 */
record SeededContent(long seed, int index, long size) {

    /** Three 1 MiB encryption segments, and a little more. */
    static final int MAX_SIZE = 3 * 1024 * 1024 + 4096;

    private static final int BLOCK = 8192;

    /** The content of recording {@code index} of the round with seed {@code seed}. */
    static SeededContent of(long seed, int index) {
        return new SeededContent(seed, index, new Random(mix(seed, index)).nextInt(MAX_SIZE + 1));
    }

    /** A fresh stream of the content. */
    InputStream open() {
        return new Stream(new Random(mix(seed, index) ^ 0x5DEECE66DL), size);
    }

    /** The content's SHA-256, lowercase hex. */
    String sha256() {
        MessageDigest digest = IngestSite.sha256();
        try (InputStream in = new DigestInputStream(open(), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static long mix(long seed, int index) {
        return seed * 1_000_003L + index;
    }

    /** Random bytes made a fixed block at a time, so that how the reader asks for them does not change them. */
    private static final class Stream extends InputStream {
        private final Random random;
        private final byte[] block = new byte[BLOCK];
        private long remaining;
        private int position = BLOCK;

        Stream(Random random, long size) {
            this.random = random;
            this.remaining = size;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (remaining == 0) {
                return -1;
            }
            if (position == BLOCK) {
                random.nextBytes(block);
                position = 0;
            }
            int n = (int) Math.min(Math.min(length, BLOCK - position), remaining);
            System.arraycopy(block, position, buffer, offset, n);
            position += n;
            remaining -= n;
            return n;
        }
    }
}
