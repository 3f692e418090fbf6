/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.storage;

import java.io.InterruptedIOException;
import java.security.MessageDigest;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * SHA-256 and SHA-1 of a stream, and any digests the caller adds, computed on a thread of their own, so that hashing
 * overlaps encryption and the write on a second core. The bytes are copied into blocks of {@value #BLOCK_SIZE} bytes
 * that the hashing thread hands back once hashed: at most {@value #BLOCKS} blocks per stream, allocated once, so the
 * memory held stays small and constant whatever the size of the upload, and the threads meet once a block rather than
 * once a read. One instance per stream, fed by one thread; {@link #finish} or {@link #abandon} ends the hashing thread.
 */
final class BackgroundDigests {

    static final int BLOCK_SIZE = 256 * 1024;

    static final int BLOCKS = 6;

    private static final Block END = new Block(new byte[0], 0);

    /** Room for every block and the end: handing a block over never waits. */
    private final BlockingQueue<Block> full = new ArrayBlockingQueue<>(BLOCKS + 1);

    private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(BLOCKS);
    private final MessageDigest sha256 = Digests.sha256();
    private final MessageDigest sha1 = Digests.sha1();
    private final List<MessageDigest> alongside;
    private final Thread worker;
    private int allocated;
    private byte[] filling;
    private int filled;
    private byte[] sha256Result;
    private byte[] sha1Result;
    private boolean ended;

    BackgroundDigests() {
        this(List.of());
    }

    /**
     * @param alongside further digests to update with every byte on the hashing thread; complete once {@link #finish}
     *     returns, and touched by no other thread until then
     */
    BackgroundDigests(List<MessageDigest> alongside) {
        this.alongside = List.copyOf(alongside);
        worker = new Thread(this::hash, "patientrecordings-digests");
        worker.setDaemon(true);
        worker.start();
    }

    /** Copies the bytes for the hashing thread; waits while every block is still being hashed. */
    void update(byte[] b, int off, int len) throws InterruptedIOException {
        if (ended) {
            throw new IllegalStateException("the digests have ended");
        }
        while (len > 0) {
            if (filling == null) {
                filling = emptyBlock();
                filled = 0;
            }
            int n = Math.min(len, filling.length - filled);
            System.arraycopy(b, off, filling, filled, n);
            filled += n;
            off += n;
            len -= n;
            if (filled == filling.length) {
                handOver();
            }
        }
    }

    /**
     * Waits for the hashing thread to hash everything handed over.
     *
     * @return the SHA-256 and the SHA-1, in that order
     */
    byte[][] finish() throws InterruptedIOException {
        if (!ended) {
            ended = true;
            if (filling != null && filled > 0) {
                handOver();
            }
            full.add(END);
            try {
                worker.join();
            } catch (InterruptedException e) {
                worker.interrupt();
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while the upload's digests were computed");
            }
        }
        if (sha256Result == null) {
            throw new IllegalStateException("the digests were abandoned");
        }
        return new byte[][] {sha256Result.clone(), sha1Result.clone()};
    }

    /** Stops the hashing thread without results (the upload failed); does nothing after {@link #finish}. */
    void abandon() {
        ended = true;
        worker.interrupt();
    }

    /** Whether the hashing thread still runs. */
    boolean hashing() {
        return worker.isAlive();
    }

    private void handOver() {
        full.add(new Block(filling, filled));
        filling = null;
        filled = 0;
    }

    private byte[] emptyBlock() throws InterruptedIOException {
        byte[] block = free.poll();
        if (block != null) {
            return block;
        }
        if (allocated < BLOCKS) {
            allocated++;
            return new byte[BLOCK_SIZE];
        }
        try {
            return free.take();
        } catch (InterruptedException e) {
            abandon();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while handing bytes to the digests");
        }
    }

    private void hash() {
        try {
            for (Block block = full.take(); block != END; block = full.take()) {
                sha256.update(block.bytes, 0, block.length);
                sha1.update(block.bytes, 0, block.length);
                for (MessageDigest digest : alongside) {
                    digest.update(block.bytes, 0, block.length);
                }
                free.add(block.bytes);
            }
            sha256Result = sha256.digest();
            sha1Result = sha1.digest();
        } catch (InterruptedException e) {
            // Abandoned: the upload failed and nobody waits for the digests.
            full.clear();
        }
    }

    /** The first {@code length} bytes of {@code bytes}, to hash. */
    private record Block(byte[] bytes, int length) {}
}
