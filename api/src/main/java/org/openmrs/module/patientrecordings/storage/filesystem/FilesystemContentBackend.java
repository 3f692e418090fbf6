/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.storage.filesystem;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.openmrs.module.patientrecordings.port.ContentBackend;

/**
 * Content in a local directory: one file per key, the key's segments as subdirectories. A write fills a hidden
 * temporary file next to its target ({@code .<name>.<uuid>.tmp}, so the rename never crosses file systems), forces
 * it to disk, renames it into place atomically and forces the directories whose entries changed. Files are readable
 * by the owner only.
 *
 * <p>The rename replaces a file committed under the same key since the existence check; keys are random and written
 * once, so this does not arise in use. The root must be one file system (no mount points inside it).
 */
public final class FilesystemContentBackend implements ContentBackend {

    private static final String TEMPORARY_SUFFIX = ".tmp";
    private static final int UUID_LENGTH = 36;
    private static final int TRANSFER_BUFFER = 256 * 1024;
    private static final long FLUSH_EVERY = 1024L * 1024;

    /** The threads that force content to disk while a write goes on (daemons, created as needed). */
    private static final ExecutorService FLUSHING = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "patientrecordings-content-flush");
        thread.setDaemon(true);
        return thread;
    });

    private final Path root;

    /** Uses {@code root} (created if missing) as the store. */
    public FilesystemContentBackend(Path root) throws IOException {
        this.root = Files.createDirectories(root).toRealPath();
    }

    @Override
    public long write(String key, InputStream content) throws IOException {
        Objects.requireNonNull(content, "content");
        Path target = resolve(key);
        if (Files.exists(target)) {
            throw new FileAlreadyExistsException(key);
        }
        Path directory = target.getParent();
        List<Path> changedDirectories = createDirectories(directory);
        Path temporary = directory.resolve("." + target.getFileName() + "." + UUID.randomUUID() + TEMPORARY_SUFFIX);
        boolean committed = false;
        try {
            long written = writeDurably(temporary, content);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            committed = true;
            for (Path changed : changedDirectories) {
                DurableFiles.fsyncDirectory(changed);
            }
            return written;
        } finally {
            if (!committed) {
                Files.deleteIfExists(temporary);
            }
        }
    }

    @Override
    public SeekableByteChannel openForRead(String key) throws IOException {
        Path file = resolve(key);
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(key);
        }
        try {
            return FileChannel.open(file, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(key);
        }
    }

    @Override
    public boolean exists(String key) {
        return Files.isRegularFile(resolve(key));
    }

    @Override
    public boolean delete(String key) throws IOException {
        Path file = resolve(key);
        if (!Files.isRegularFile(file) || !Files.deleteIfExists(file)) {
            return false;
        }
        DurableFiles.fsyncDirectory(file.getParent());
        return true;
    }

    @Override
    public Stream<Entry> list(String prefix) throws IOException {
        Objects.requireNonNull(prefix, "prefix");
        // Walk only the deepest directory the prefix names in full.
        int lastSlash = prefix.lastIndexOf('/');
        Path start = lastSlash < 0
                ? root
                : root.resolve(prefix.substring(0, lastSlash)).normalize();
        if (!start.startsWith(root) || !Files.isDirectory(start)) {
            return Stream.empty();
        }
        return Files.walk(start)
                .map(this::toEntry)
                .flatMap(Optional::stream)
                .filter(entry -> entry.key().startsWith(prefix));
    }

    @Override
    public void discard(Temporary temporary) throws IOException {
        Path file = root.resolve(temporary.handle()).normalize();
        if (!file.startsWith(root)
                || parseTemporaryName(file.getFileName().toString()).isEmpty()) {
            throw new IllegalArgumentException("Not a temporary object of this store: " + temporary.handle());
        }
        Files.deleteIfExists(file);
    }

    /** The directory this store keeps its files in. */
    public Path root() {
        return root;
    }

    private Path resolve(String key) {
        return root.resolve(ContentBackend.requireValidKey(key));
    }

    /** Creates the missing directories up to {@code directory}; returns every directory whose entries changed. */
    private List<Path> createDirectories(Path directory) throws IOException {
        List<Path> changed = new ArrayList<>();
        Path existing = directory;
        while (!Files.isDirectory(existing)) {
            existing = existing.getParent();
        }
        for (Path p = directory; !p.equals(existing); p = p.getParent()) {
            changed.add(p);
        }
        changed.add(existing);
        Files.createDirectories(directory);
        return changed;
    }

    /**
     * Writes the content, forcing what has been written to disk on a second thread every {@value #FLUSH_EVERY} bytes
     * while more arrives, so that the disk works while the content is still being received and the final force finds
     * little left to write.
     */
    private static long writeDurably(Path temporary, InputStream content) throws IOException {
        try (FileChannel channel = FileChannel.open(
                temporary, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), ownerOnly())) {
            BackgroundFlush flush = new BackgroundFlush(channel);
            try {
                byte[] buffer = new byte[TRANSFER_BUFFER];
                long written = 0;
                long unflushed = 0;
                for (int n = content.read(buffer); n >= 0; n = content.read(buffer)) {
                    ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
                    while (chunk.hasRemaining()) {
                        channel.write(chunk);
                    }
                    written += n;
                    unflushed += n;
                    if (unflushed >= FLUSH_EVERY && flush.startIfIdle()) {
                        unflushed = 0;
                    }
                }
                flush.awaitAndRethrow();
                channel.force(true);
                return written;
            } finally {
                flush.await();
            }
        }
    }

    /** At most one {@code force} of a channel running on a flushing thread; its failure fails the write. */
    private static final class BackgroundFlush {

        private final FileChannel channel;
        private Future<?> running;

        BackgroundFlush(FileChannel channel) {
            this.channel = channel;
        }

        /** Starts a force unless one is still running; a force that failed is rethrown. */
        boolean startIfIdle() throws IOException {
            if (running != null && !running.isDone()) {
                return false;
            }
            awaitAndRethrow();
            running = FLUSHING.submit(() -> {
                channel.force(false);
                return null;
            });
            return true;
        }

        /** Waits for the running force, if any, and rethrows its failure. */
        void awaitAndRethrow() throws IOException {
            if (running == null) {
                return;
            }
            Future<?> done = running;
            running = null;
            try {
                waitFor(done);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof IOException io
                        ? io
                        : new IOException("Forcing content to disk failed", e.getCause());
            }
        }

        /** Waits for the running force, if any, ignoring how it ended: the write is failing for another reason. */
        void await() {
            if (running != null) {
                try {
                    waitFor(running);
                } catch (ExecutionException | IOException e) {
                    // the write is already failing; its own exception is the one to report
                }
                running = null;
            }
        }

        private static void waitFor(Future<?> future) throws ExecutionException, IOException {
            boolean interrupted = false;
            try {
                while (true) {
                    try {
                        future.get();
                        return;
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private Optional<Entry> toEntry(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            if (!attributes.isRegularFile()) {
                return Optional.empty();
            }
            String relative = root.relativize(file)
                    .toString()
                    .replace(file.getFileSystem().getSeparator(), "/");
            String name = file.getFileName().toString();
            String directory = relative.substring(0, relative.length() - name.length());
            Optional<String> temporaryOf = parseTemporaryName(name);
            String key = directory + temporaryOf.orElse(name);
            if (!isValidKey(key)) {
                return Optional.empty();
            }
            return Optional.of(
                    temporaryOf.isPresent()
                            ? new Temporary(
                                    key, relative, attributes.lastModifiedTime().toInstant())
                            : new Committed(
                                    key,
                                    attributes.size(),
                                    attributes.lastModifiedTime().toInstant()));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The name a temporary file is for, if {@code fileName} is one: {@code .<name>.<uuid>.tmp}. */
    private static Optional<String> parseTemporaryName(String fileName) {
        int decoration = 1 + 1 + UUID_LENGTH + TEMPORARY_SUFFIX.length();
        if (!fileName.startsWith(".")
                || !fileName.endsWith(TEMPORARY_SUFFIX)
                || fileName.length() <= decoration
                || fileName.charAt(fileName.length() - (decoration - 1)) != '.') {
            return Optional.empty();
        }
        return Optional.of(fileName.substring(1, fileName.length() - (decoration - 1)));
    }

    private static boolean isValidKey(String key) {
        try {
            ContentBackend.requireValidKey(key);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static FileAttribute<?>[] ownerOnly() {
        return DurableFiles.isPosix()
                ? new FileAttribute<?>[] {
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
                }
                : new FileAttribute<?>[0];
    }
}
