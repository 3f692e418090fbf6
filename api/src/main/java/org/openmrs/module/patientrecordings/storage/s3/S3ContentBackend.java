/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.storage.s3;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.openmrs.module.patientrecordings.port.ContentBackend;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.NoSuchUploadException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Content in one bucket of an S3-compatible object store.
 *
 * <p><b>Write</b>: content that fits in one part is sent with a single PUT, which S3 applies atomically. Larger
 * content is streamed as a multipart upload, one part in memory at a time (so memory does not grow with the size);
 * the uploaded parts are the temporary object, invisible to readers, and completing the upload is the atomic commit.
 * The store keeps each part durably before acknowledging it. On failure the upload is aborted; an upload abandoned by
 * a crash is listed as {@link Temporary} (handle: the upload id) for the sweeper.
 *
 * <p><b>Read</b>: ranged GETs behind a {@link SeekableByteChannel}; see {@link S3ObjectChannel}.
 *
 * <p>Store failures ({@link SdkException}) are reported as {@link IOException}s.
 */
public final class S3ContentBackend implements ContentBackend {

    /** Part size used unless another is given: 8 MiB, up to about 78 GiB per object (S3 allows 10,000 parts). */
    public static final int DEFAULT_PART_SIZE = 8 * 1024 * 1024;

    /** S3's smallest part size for all parts but the last. */
    public static final int MIN_PART_SIZE = 5 * 1024 * 1024;

    private static final int MAX_PARTS = 10_000;
    private static final int NOT_FOUND = 404;

    private final S3Client s3;
    private final String bucket;
    private final int partSize;

    /** Stores content in {@code bucket} (which must exist), with parts of {@link #DEFAULT_PART_SIZE}. */
    public S3ContentBackend(S3Client s3, String bucket) {
        this(s3, bucket, DEFAULT_PART_SIZE);
    }

    /** Stores content in {@code bucket} (which must exist), with parts of {@code partSize} bytes. */
    public S3ContentBackend(S3Client s3, String bucket, int partSize) {
        this.s3 = Objects.requireNonNull(s3, "s3");
        this.bucket = Objects.requireNonNull(bucket, "bucket");
        if (partSize < MIN_PART_SIZE) {
            throw new IllegalArgumentException("partSize must be at least " + MIN_PART_SIZE + ": " + partSize);
        }
        this.partSize = partSize;
    }

    @Override
    public long write(String key, InputStream content) throws IOException {
        Objects.requireNonNull(content, "content");
        if (exists(key)) {
            throw new FileAlreadyExistsException(key);
        }
        byte[] part = new byte[partSize];
        int length = content.readNBytes(part, 0, partSize);
        if (length < partSize) {
            call(
                    "S3 write of " + key,
                    () -> s3.putObject(
                            request -> request.bucket(bucket).key(key).contentLength((long) length),
                            body(part, length)));
            return length;
        }
        return writeMultipart(key, content, part);
    }

    @Override
    public SeekableByteChannel openForRead(String key) throws IOException {
        HeadObjectResponse head = head(key);
        if (head == null) {
            throw new NoSuchFileException(key);
        }
        return new S3ObjectChannel(s3, bucket, key, head.contentLength(), head.eTag());
    }

    @Override
    public boolean exists(String key) throws IOException {
        return head(key) != null;
    }

    @Override
    public boolean delete(String key) throws IOException {
        if (!exists(key)) {
            return false;
        }
        call(
                "S3 delete of " + key,
                () -> s3.deleteObject(request -> request.bucket(bucket).key(key)));
        return true;
    }

    @Override
    public Stream<Entry> list(String prefix) {
        Objects.requireNonNull(prefix, "prefix");
        Stream<Entry> committed = stream(() -> s3.listObjectsV2Paginator(
                                request -> request.bucket(bucket).prefix(prefix))
                        .contents()
                        .iterator())
                .filter(object -> isValidKey(object.key()))
                .map(object -> new Committed(object.key(), object.size(), object.lastModified()));
        Stream<Entry> temporary = stream(() -> s3.listMultipartUploadsPaginator(
                                request -> request.bucket(bucket).prefix(prefix))
                        .uploads()
                        .iterator())
                .filter(upload -> isValidKey(upload.key()))
                .map(upload -> new Temporary(upload.key(), upload.uploadId(), upload.initiated()));
        return Stream.concat(committed, temporary);
    }

    @Override
    public void discard(Temporary temporary) throws IOException {
        try {
            s3.abortMultipartUpload(
                    request -> request.bucket(bucket).key(temporary.key()).uploadId(temporary.handle()));
        } catch (NoSuchUploadException e) {
            // Already gone: discarding is idempotent.
        } catch (SdkException e) {
            throw new IOException("S3 abort of upload " + temporary.handle() + " failed", e);
        }
    }

    private long writeMultipart(String key, InputStream content, byte[] part) throws IOException {
        String uploadId = call(
                        "S3 write of " + key,
                        () -> s3.createMultipartUpload(
                                request -> request.bucket(bucket).key(key)))
                .uploadId();
        try {
            List<CompletedPart> parts = new ArrayList<>();
            long total = 0;
            for (int length = partSize; length > 0; length = content.readNBytes(part, 0, partSize)) {
                if (parts.size() == MAX_PARTS) {
                    throw new IOException(
                            "Content for " + key + " exceeds " + MAX_PARTS + " parts of " + partSize + " bytes");
                }
                parts.add(uploadPart(key, uploadId, parts.size() + 1, part, length));
                total += length;
            }
            call(
                    "S3 write of " + key,
                    () -> s3.completeMultipartUpload(request -> request.bucket(bucket)
                            .key(key)
                            .uploadId(uploadId)
                            .multipartUpload(upload -> upload.parts(parts))));
            return total;
        } catch (IOException | RuntimeException | Error e) {
            abortQuietly(key, uploadId, e);
            throw e;
        }
    }

    private CompletedPart uploadPart(String key, String uploadId, int number, byte[] part, int length)
            throws IOException {
        String eTag = call(
                        "S3 write of " + key + " (part " + number + ")",
                        () -> s3.uploadPart(
                                request -> request.bucket(bucket)
                                        .key(key)
                                        .uploadId(uploadId)
                                        .partNumber(number)
                                        .contentLength((long) length),
                                body(part, length)))
                .eTag();
        return CompletedPart.builder().partNumber(number).eTag(eTag).build();
    }

    private void abortQuietly(String key, String uploadId, Throwable primary) {
        try {
            s3.abortMultipartUpload(request -> request.bucket(bucket).key(key).uploadId(uploadId));
        } catch (RuntimeException e) {
            primary.addSuppressed(e);
        }
    }

    /** The object's metadata, or null if there is no object under {@code key}. */
    private HeadObjectResponse head(String key) throws IOException {
        ContentBackend.requireValidKey(key);
        try {
            return s3.headObject(request -> request.bucket(bucket).key(key));
        } catch (NoSuchKeyException e) {
            return null;
        } catch (S3Exception e) {
            if (e.statusCode() == NOT_FOUND) {
                return null;
            }
            throw new IOException("S3 lookup of " + key + " failed", e);
        } catch (SdkException e) {
            throw new IOException("S3 lookup of " + key + " failed", e);
        }
    }

    private static RequestBody body(byte[] part, int length) {
        // A resettable stream over the part buffer: the SDK can retry without copying the part.
        return RequestBody.fromInputStream(new ByteArrayInputStream(part, 0, length), length);
    }

    private static <T> T call(String what, Supplier<T> request) throws IOException {
        try {
            return request.get();
        } catch (SdkException e) {
            throw new IOException(what + " failed", e);
        }
    }

    /** A lazy stream over a paginated listing; store failures while it is consumed become unchecked I/O. */
    private static <T> Stream<T> stream(Supplier<Iterator<T>> pages) {
        Iterator<T> checked = new Iterator<>() {
            private Iterator<T> delegate;

            @Override
            public boolean hasNext() {
                try {
                    if (delegate == null) {
                        delegate = pages.get();
                    }
                    return delegate.hasNext();
                } catch (SdkException e) {
                    throw new UncheckedIOException(new IOException("S3 listing failed", e));
                }
            }

            @Override
            public T next() {
                hasNext();
                try {
                    return delegate.next();
                } catch (SdkException e) {
                    throw new UncheckedIOException(new IOException("S3 listing failed", e));
                }
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(checked, Spliterator.ORDERED), false);
    }

    private static boolean isValidKey(String key) {
        try {
            ContentBackend.requireValidKey(key);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
