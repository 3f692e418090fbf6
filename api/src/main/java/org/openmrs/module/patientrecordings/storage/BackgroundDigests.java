/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.storage;

import java.io.InterruptedIOException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Digests of a stream computed on threads of their own, so that hashing overlaps encryption and the write on a second
 * core. Two digests or more are shared between two hashing threads, each updating its own, so that the hashing still
 * to do when the stream ends (what the caller waits for) takes half as long. The bytes are copied into blocks of
 * {@value #BLOCK_SIZE} bytes that come back once every hashing thread has hashed them: at most {@value #BLOCKS}
 * blocks per stream, allocated once, so the memory held stays small and constant whatever the size of the upload,
 * and the threads meet once a block rather than once a read. The hashing threads are pooled: a stream of one chunk
 * does not pay for starting a thread. One instance per stream, fed by one thread; {@link #finish} or {@link #abandon}
 * ends its hashing.
 */
final class BackgroundDigests {

    static final int BLOCK_SIZE = 256 * 1024;

    static final int BLOCKS = 6;

    private static final Block END = new Block(new byte[0], 0, new AtomicInteger());

    private static final AtomicInteger THREADS = new AtomicInteger();

    /** Threads kept a minute after their last stream, then ended; daemons, so they never hold the JVM up. */
    private static final ExecutorService HASHING = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "patientrecordings-digests-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    /** Hashing threads per stream at most: the cores this is for, one of them shared with the stream's reader. */
    static final int HASHERS = 2;

    private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(BLOCKS);
    private final List<Hasher> hashers;
    private int allocated;
    private byte[] filling;
    private int filled;
    private boolean ended;
    private boolean complete;

    /**
     * @param digests the digests to update with every byte, on the hashing thread; complete once {@link #finish}
     *     returns, and touched by no other thread until then; at least one
     */
    BackgroundDigests(List<MessageDigest> digests) {
        if (digests.isEmpty()) {
            throw new IllegalArgumentException("at least one digest to compute");
        }
        int count = Math.min(HASHERS, digests.size());
        List<List<MessageDigest>> shares = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            shares.add(new ArrayList<>());
        }
        for (int i = 0; i < digests.size(); i++) {
            shares.get(i % count).add(digests.get(i));
        }
        List<Hasher> started = new ArrayList<>(count);
        for (List<MessageDigest> share : shares) {
            started.add(new Hasher(share));
        }
        this.hashers = List.copyOf(started);
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
     * Waits for the hashing thread to hash everything handed over: the digests given are then complete.
     *
     * @throws IllegalStateException if the digests were abandoned
     */
    void finish() throws InterruptedIOException {
        if (!ended) {
            ended = true;
            if (filling != null && filled > 0) {
                handOver();
            }
            complete = true;
            for (Hasher hasher : hashers) {
                hasher.full.add(END);
            }
            for (Hasher hasher : hashers) {
                try {
                    complete &= hasher.worker.get();
                } catch (InterruptedException e) {
                    abandon();
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while the upload's digests were computed");
                } catch (CancellationException e) {
                    complete = false;
                } catch (ExecutionException e) {
                    abandon();
                    throw new IllegalStateException("the digests failed", e.getCause());
                }
            }
        }
        if (!complete) {
            throw new IllegalStateException("the digests were abandoned");
        }
    }

    /** Stops the hashing without results (the upload failed); does nothing after {@link #finish}. */
    void abandon() {
        ended = true;
        for (Hasher hasher : hashers) {
            hasher.worker.cancel(true);
        }
    }

    /** Whether this stream's hashing still runs. */
    boolean hashing() {
        return hashers.stream().anyMatch(hasher -> !hasher.worker.isDone());
    }

    private void handOver() {
        Block block = new Block(filling, filled, new AtomicInteger(hashers.size()));
        for (Hasher hasher : hashers) {
            hasher.full.add(block);
        }
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

    /** One hashing thread's share of the digests, and the blocks it has yet to hash. */
    private final class Hasher {

        /** Room for every block and the end: handing a block over never waits. */
        private final BlockingQueue<Block> full = new ArrayBlockingQueue<>(BLOCKS + 1);

        private final List<MessageDigest> digests;
        private final Future<Boolean> worker;

        Hasher(List<MessageDigest> digests) {
            this.digests = List.copyOf(digests);
            this.worker = HASHING.submit(this::hash);
        }

        /** @return true once every byte is hashed; false when abandoned */
        private boolean hash() {
            try {
                for (Block block = full.take(); block != END; block = full.take()) {
                    for (MessageDigest digest : digests) {
                        digest.update(block.bytes, 0, block.length);
                    }
                    if (block.hashersLeft.decrementAndGet() == 0) {
                        free.add(block.bytes);
                    }
                }
                return true;
            } catch (InterruptedException e) {
                // Abandoned: the upload failed and nobody waits for the digests.
                full.clear();
                return false;
            }
        }
    }

    /** The first {@code length} bytes of {@code bytes}, to hash, and how many hashing threads have yet to. */
    private record Block(byte[] bytes, int length, AtomicInteger hashersLeft) {}
}
