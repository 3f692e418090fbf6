/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.openmrs.port;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.openmrs.api.StorageService;
import org.openmrs.module.patientrecordings.port.ContentBackend;

/**
 * {@link ContentBackend} over OpenMRS' {@link StorageService}, so that the host decides between its local store and
 * S3. The storage service has no rename and does not keep the metadata it is given, so the commit protocol is kept
 * in three objects per key, all under the module's group:
 *
 * <ol>
 *   <li>{@code pending/<key>}: written first, holding the instant the write started;
 *   <li>{@code objects/<key>}: the (already encrypted) bytes;
 *   <li>{@code committed/<key>}: written last, holding the length and the commit instant. Its presence is the
 *       commit: readers see the object only once it exists. Then the pending marker is removed.
 * </ol>
 *
 * A crash leaves a pending marker or an object without a commit marker; {@link #list} reports those as
 * {@link Temporary} for the sweeper. Durability (fsync) is the storage service's: the local store copies without
 * forcing, so the host's file system and backups decide what survives a power loss. S3 listings return at most one
 * page of keys per folder.
 */
public final class StorageServiceContentBackend implements ContentBackend {

    private static final String PENDING = "pending/";
    private static final String OBJECTS = "objects/";
    private static final String COMMITTED = "committed/";

    private final Supplier<StorageService> storage;
    private final Supplier<String> group;
    private final Clock clock;

    /**
     * @param storage the host's storage service, looked up when used (it is not a Spring bean of this module)
     * @param group the storage group (folder) the module writes under
     * @param clock for the instants kept in the markers
     */
    public StorageServiceContentBackend(Supplier<StorageService> storage, Supplier<String> group, Clock clock) {
        this.storage = Objects.requireNonNull(storage, "storage");
        this.group = Objects.requireNonNull(group, "group");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public long write(String key, InputStream content) throws IOException {
        ContentBackend.requireValidKey(key);
        Objects.requireNonNull(content, "content");
        StorageService store = storage.get();
        String g = group.get();
        if (exists(key)) {
            throw new FileAlreadyExistsException(key);
        }
        // Leftovers of an abandoned write to the same key would make saveData fail.
        purge(store, g, OBJECTS + key);
        purge(store, g, PENDING + key);
        save(store, g, PENDING + key, clock.instant().toString());
        ObservedInputStream observed = new ObservedInputStream(content);
        try {
            store.saveData(observed, null, g, OBJECTS + key);
        } catch (IOException | RuntimeException e) {
            purgeQuietly(store, g, OBJECTS + key, e);
            purgeQuietly(store, g, PENDING + key, e);
            observed.rethrowFailure();
            throw e;
        }
        save(store, g, COMMITTED + key, observed.count() + " " + clock.instant());
        purgeQuietly(store, g, PENDING + key, null);
        return observed.count();
    }

    @Override
    public SeekableByteChannel openForRead(String key) throws IOException {
        ContentBackend.requireValidKey(key);
        StorageService store = storage.get();
        String g = group.get();
        Marker marker = committedMarker(store, g, key);
        String objectKey = g + "/" + OBJECTS + key;
        return new StorageObjectChannel(() -> store.getData(objectKey), marker.size());
    }

    @Override
    public boolean exists(String key) throws IOException {
        ContentBackend.requireValidKey(key);
        return present(storage.get(), group.get(), COMMITTED + key);
    }

    @Override
    public boolean delete(String key) throws IOException {
        ContentBackend.requireValidKey(key);
        StorageService store = storage.get();
        String g = group.get();
        // The commit marker goes first: from then on the object is invisible, whatever happens next.
        boolean existed = purge(store, g, COMMITTED + key);
        purge(store, g, OBJECTS + key);
        purge(store, g, PENDING + key);
        return existed;
    }

    @Override
    public Stream<Entry> list(String prefix) throws IOException {
        Objects.requireNonNull(prefix, "prefix");
        StorageService store = storage.get();
        String g = group.get();
        // Objects before pending markers: a write that starts meanwhile then shows as pending, never as debris.
        Set<String> objects = new HashSet<>(keys(store, g, OBJECTS, prefix));
        List<String> pending = keys(store, g, PENDING, prefix);
        Set<String> committed = new HashSet<>(keys(store, g, COMMITTED, prefix));
        List<Entry> entries = new ArrayList<>();
        for (String key : committed) {
            Marker marker = committedMarker(store, g, key);
            entries.add(new Committed(key, marker.size(), marker.at()));
        }
        for (String key : pending) {
            if (!committed.contains(key)) {
                entries.add(new Temporary(key, key, Instant.parse(read(store, g + "/" + PENDING + key))));
                objects.remove(key);
            }
        }
        for (String key : objects) {
            if (!committed.contains(key)) {
                // An object with neither marker is what an interrupted delete leaves: old by definition.
                entries.add(new Temporary(key, key, Instant.EPOCH));
            }
        }
        return entries.stream();
    }

    @Override
    public void discard(Temporary temporary) throws IOException {
        Objects.requireNonNull(temporary, "temporary");
        StorageService store = storage.get();
        String g = group.get();
        if (present(store, g, COMMITTED + temporary.key())) {
            return;
        }
        purge(store, g, OBJECTS + temporary.key());
        purge(store, g, PENDING + temporary.key());
    }

    private List<String> keys(StorageService store, String g, String area, String prefix) throws IOException {
        List<String> found = new ArrayList<>();
        collect(store, g, area + prefix, found);
        List<String> keys = new ArrayList<>();
        for (String relative : found) {
            String key = relative.substring(area.length());
            if (!key.isEmpty()) {
                keys.add(key);
            }
        }
        return keys;
    }

    /** Lists recursively: the local store lists one folder level and reports folders with a trailing slash. */
    private static void collect(StorageService store, String g, String relativePrefix, List<String> into)
            throws IOException {
        List<String> level;
        try (Stream<String> keys = store.getKeys(g, relativePrefix)) {
            level = keys.map(key -> relativeTo(g, key)).toList();
        } catch (NoSuchFileException e) {
            return;
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof NoSuchFileException) {
                return;
            }
            throw e.getCause();
        }
        for (String key : level) {
            if (key.endsWith("/")) {
                if (!key.equals(relativePrefix)) {
                    collect(store, g, key, into);
                }
            } else {
                into.add(key);
            }
        }
    }

    /** The local store returns keys relative to the group, S3 returns them with the group: accept both. */
    private static String relativeTo(String g, String key) {
        return key.startsWith(g + "/") ? key.substring(g.length() + 1) : key;
    }

    private static Marker committedMarker(StorageService store, String g, String key) throws IOException {
        if (!present(store, g, COMMITTED + key)) {
            throw new NoSuchFileException(key);
        }
        String[] parts = read(store, g + "/" + COMMITTED + key).trim().split(" ");
        return new Marker(Long.parseLong(parts[0]), Instant.parse(parts[1]));
    }

    private static void save(StorageService store, String g, String relative, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        String stored = store.saveData(new ByteArrayInputStream(bytes), null, g, relative);
        if (!stored.equals(g + "/" + relative)) {
            throw new IOException("The storage service stored " + relative + " as " + stored);
        }
    }

    private static String read(StorageService store, String fullKey) throws IOException {
        try (InputStream in = store.getData(fullKey)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static boolean present(StorageService store, String g, String relative) throws IOException {
        try {
            return store.exists(g + "/" + relative);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static boolean purge(StorageService store, String g, String relative) throws IOException {
        return store.purgeData(g + "/" + relative);
    }

    private static void purgeQuietly(StorageService store, String g, String relative, Exception failure) {
        try {
            purge(store, g, relative);
        } catch (IOException | RuntimeException e) {
            if (failure != null) {
                failure.addSuppressed(e);
            }
        }
    }

    private record Marker(long size, Instant at) {}
}
