/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.storage;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.openmrs.module.patientrecordings.storage.filesystem.FilesystemContentBackend;

/**
 * Run by {@link ConstantMemoryIT} in a child JVM with a small heap: writes generated content of the given size,
 * reads it back whole and by range, checks every byte by hash, prints its measurements as {@code name=value} lines
 * and exits 0 only if everything matched.
 */
public final class ConstantMemoryMain {

    private static final int BLOCK = 1 << 20;

    private ConstantMemoryMain() {}

    public static void main(String[] args) throws Exception {
        Path directory = Paths.get(args[0]);
        long size = Long.parseLong(args[1]);
        MasterKeyFile masterKey = MasterKeyFile.initialise(directory.resolve("master.key"));
        EncryptedContentStore store = new EncryptedContentStore(
                new FilesystemContentBackend(directory.resolve("content")),
                ContentKeyring.open(directory.resolve("content-keyset.json"), masterKey),
                ContentIntegrityListener.NONE);

        GeneratedContent source = new GeneratedContent(size);
        long writeStart = System.nanoTime();
        StoredContent stored = store.write(source, UploadLimits.none().withExpectedSize(size));
        long writeNanos = System.nanoTime() - writeStart;

        long readStart = System.nanoTime();
        MessageDigest readBack = MessageDigest.getInstance("SHA-256");
        long readSize = 0;
        try (InputStream in = store.openStream(stored.key(), stored.sha256())) {
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                readBack.update(buffer, 0, n);
                readSize += n;
            }
        }
        long readNanos = System.nanoTime() - readStart;

        long rangeOffset = size / 2 - 10;
        int rangeLength = (int) Math.min(3 * BLOCK, size - Math.max(0, rangeOffset));
        boolean rangeMatches = rangeMatches(store, stored.key(), Math.max(0, rangeOffset), rangeLength);

        String sourceSha256 = source.sha256Hex();
        boolean verified = stored.size() == size
                && readSize == size
                && stored.sha256().equals(sourceSha256)
                && HexFormat.of().formatHex(readBack.digest()).equals(sourceSha256)
                && rangeMatches;
        report("bytes", size);
        report("sha256", sourceSha256);
        report("writeMiBPerSecond", mibPerSecond(size, writeNanos));
        report("readMiBPerSecond", mibPerSecond(size, readNanos));
        report("peakHeapBytes", peakHeapUsed());
        report("maxHeapBytes", Runtime.getRuntime().maxMemory());
        report("verified", verified);
        System.exit(verified ? 0 : 1);
    }

    private static boolean rangeMatches(EncryptedContentStore store, String key, long offset, int length)
            throws IOException {
        byte[] expected = new byte[length];
        GeneratedContent.fill(offset, expected);
        try (InputStream in = store.openRange(key, offset, length)) {
            return Arrays.equals(in.readAllBytes(), expected);
        }
    }

    private static long peakHeapUsed() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .map(MemoryPoolMXBean::getPeakUsage)
                .mapToLong(usage -> usage.getUsed())
                .sum();
    }

    private static long mibPerSecond(long bytes, long nanos) {
        return Math.round(bytes / (1024.0 * 1024.0) / (nanos / 1e9));
    }

    private static void report(String name, Object value) {
        System.out.println(name + "=" + value);
    }

    /**
     * Reproducible content of any size without holding it: one random 1 MiB block, each copy stamped with its block
     * number so that reordered or repeated segments would not hash the same. Hashes what it serves.
     */
    static final class GeneratedContent extends InputStream {
        private static final byte[] PATTERN = pattern();

        private final long size;
        private final MessageDigest sha256;
        private long position;

        GeneratedContent(long size) throws Exception {
            this.size = size;
            this.sha256 = MessageDigest.getInstance("SHA-256");
        }

        static void fill(long offset, byte[] target) {
            for (int i = 0; i < target.length; i++) {
                target[i] = byteAt(offset + i);
            }
        }

        private static byte byteAt(long offset) {
            int inBlock = (int) (offset % BLOCK);
            if (inBlock < Long.BYTES) {
                return ByteBuffer.allocate(Long.BYTES).putLong(offset / BLOCK).get(inBlock);
            }
            return PATTERN[inBlock];
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (position == size) {
                return -1;
            }
            int inBlock = (int) (position % BLOCK);
            int n = (int) Math.min(Math.min(len, BLOCK - inBlock), size - position);
            System.arraycopy(PATTERN, inBlock, b, off, n);
            for (int i = inBlock; i < Long.BYTES && i < inBlock + n; i++) {
                b[off + i - inBlock] = byteAt(position + i - inBlock);
            }
            sha256.update(b, off, n);
            position += n;
            return n;
        }

        String sha256Hex() {
            return HexFormat.of().formatHex(sha256.digest());
        }

        private static byte[] pattern() {
            byte[] block = new byte[BLOCK];
            new Random(2024).nextBytes(block);
            return block;
        }
    }
}
