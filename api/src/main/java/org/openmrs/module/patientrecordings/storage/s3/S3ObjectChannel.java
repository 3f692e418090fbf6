/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.storage.s3;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Objects;
import org.openmrs.module.patientrecordings.storage.PositionedReadChannel;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * One S3 object as a read-only seekable channel, by ranged GETs. A GET asks for everything from the position on
 * ({@code bytes=p-}) and is read for as long as reads stay sequential, so a full read is one request; a seek drops it
 * and the next read starts a new one there. Each GET carries the object's ETag ({@code If-Match}), so a channel never
 * mixes bytes of two versions of an object.
 */
final class S3ObjectChannel extends PositionedReadChannel {

    private static final int COPY_BUFFER = 64 * 1024;

    private final S3Client s3;
    private final String bucket;
    private final String key;
    private final String eTag;
    private ResponseInputStream<GetObjectResponse> body;
    private long bodyPosition;
    private byte[] copyBuffer;

    S3ObjectChannel(S3Client s3, String bucket, String key, long size, String eTag) {
        super(size);
        this.s3 = Objects.requireNonNull(s3, "s3");
        this.bucket = Objects.requireNonNull(bucket, "bucket");
        this.key = Objects.requireNonNull(key, "key");
        this.eTag = eTag;
    }

    @Override
    public synchronized int read(ByteBuffer dst) throws IOException {
        ensureOpen();
        long position = currentPosition();
        long size = knownSize();
        if (position >= size) {
            return -1;
        }
        if (!dst.hasRemaining()) {
            return 0;
        }
        if (body == null || bodyPosition != position) {
            reopenAt(position);
        }
        int n;
        try {
            n = readBody(dst, (int) Math.min(dst.remaining(), size - position));
        } catch (IOException | SdkException e) {
            // The next read starts a fresh GET rather than reading a broken connection.
            dropBody();
            throw e instanceof IOException io ? io : new IOException("S3 read of " + key + " failed", e);
        }
        if (n < 0) {
            dropBody();
            throw new EOFException("S3 object " + key + " ended at " + position + " of " + size + " bytes");
        }
        advance(n);
        bodyPosition = position + n;
        return n;
    }

    private int readBody(ByteBuffer dst, int wanted) throws IOException {
        if (dst.hasArray()) {
            int n = body.read(dst.array(), dst.arrayOffset() + dst.position(), wanted);
            if (n > 0) {
                dst.position(dst.position() + n);
            }
            return n;
        }
        if (copyBuffer == null) {
            copyBuffer = new byte[COPY_BUFFER];
        }
        int n = body.read(copyBuffer, 0, Math.min(wanted, copyBuffer.length));
        if (n > 0) {
            dst.put(copyBuffer, 0, n);
        }
        return n;
    }

    @Override
    protected void release() {
        dropBody();
    }

    private void reopenAt(long start) throws IOException {
        dropBody();
        try {
            body = s3.getObject(request -> {
                request.bucket(bucket).key(key).range("bytes=" + start + "-");
                if (eTag != null) {
                    request.ifMatch(eTag);
                }
            });
            bodyPosition = start;
        } catch (SdkException e) {
            throw new IOException("S3 read of " + key + " at " + start + " failed", e);
        }
    }

    private void dropBody() {
        if (body != null) {
            // Abort rather than close: closing would drain the rest of an open-ended range over the network.
            body.abort();
            body = null;
        }
    }
}
