/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.storage;

import java.io.InterruptedIOException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * SHA-256 and SHA-1 of a stream computed on a thread of their own, so that hashing overlaps encryption and the write
 * on a second core. The bytes are handed over as copies through a short queue ({@link #QUEUE_BLOCKS} blocks), so the
 * memory held stays small and constant whatever the size of the upload. One instance per stream, fed by one thread;
 * {@link #finish} or {@link #abandon} ends the hashing thread.
 */
final class BackgroundDigests {

    static final int QUEUE_BLOCKS = 8;

    private static final byte[] END = new byte[0];

    private final BlockingQueue<byte[]> queue = new ArrayBlockingQueue<>(QUEUE_BLOCKS);
    private final MessageDigest sha256 = Digests.sha256();
    private final MessageDigest sha1 = Digests.sha1();
    private final Thread worker;
    private byte[] sha256Result;
    private byte[] sha1Result;
    private boolean ended;

    BackgroundDigests() {
        worker = new Thread(this::hash, "patientrecordings-digests");
        worker.setDaemon(true);
        worker.start();
    }

    /** Hands a copy of the bytes to the hashing thread; waits while the queue is full. */
    void update(byte[] b, int off, int len) throws InterruptedIOException {
        if (ended) {
            throw new IllegalStateException("the digests have ended");
        }
        put(Arrays.copyOfRange(b, off, off + len));
    }

    /**
     * Waits for the hashing thread to hash everything handed over.
     *
     * @return the SHA-256 and the SHA-1, in that order
     */
    byte[][] finish() throws InterruptedIOException {
        if (!ended) {
            ended = true;
            put(END);
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

    private void put(byte[] block) throws InterruptedIOException {
        try {
            queue.put(block);
        } catch (InterruptedException e) {
            abandon();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while handing bytes to the digests");
        }
    }

    private void hash() {
        try {
            for (byte[] block = queue.take(); block != END; block = queue.take()) {
                sha256.update(block);
                sha1.update(block);
            }
            sha256Result = sha256.digest();
            sha1Result = sha1.digest();
        } catch (InterruptedException e) {
            // Abandoned: the upload failed and nobody waits for the digests.
            queue.clear();
        }
    }
}
