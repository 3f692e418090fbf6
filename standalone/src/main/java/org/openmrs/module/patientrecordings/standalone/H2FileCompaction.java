/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the embedded H2 database's file compact while the server runs.
 *
 * <p><b>Why.</b> The server writes every commit to the file at once ({@code WRITE_DELAY=0}: an audited read must not
 * be lost), and H2 then runs none of the housekeeping it otherwise does on its background writer thread. Each commit
 * writes a new chunk holding the pages it changed; pages that never change again, such as the full leaves of the audit
 * trail, keep their chunk in use while the rest of it is dead. Left alone, a file under steady use held about ten
 * times its live data (a fill rate of 9 % after a quarter of an hour of reads and uploads), and finding room for each
 * new chunk in the growing file took a measurable share of every commit.
 *
 * <p><b>What.</b> Every {@link #INTERVAL}, when the chunks hold less than {@link #TARGET_FILL_RATE} % live data, the
 * live pages of the sparsest chunks are written again (at most {@link #WRITE_LIMIT} bytes a run, so that commits wait
 * little for the store's lock), and the emptied chunks become free space that later commits reuse once H2's retention
 * time has passed. The file stops growing beyond what its data needs; it does not shrink, not even on closing.
 */
final class H2FileCompaction implements AutoCloseable {

    /** The share of the chunks' space, in percent, that should hold live data. */
    static final int TARGET_FILL_RATE = 50;

    /** The most bytes of live pages one run writes again. */
    static final int WRITE_LIMIT = 4 * 1024 * 1024;

    /** The time between two runs. */
    static final Duration INTERVAL = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(H2FileCompaction.class);

    /** Compacts nothing: the database is not an H2 file in this process. */
    private static final H2FileCompaction NONE = new H2FileCompaction(null, null);

    private final MVStore store;
    private final BackgroundThread thread;

    private H2FileCompaction(MVStore store, BackgroundThread thread) {
        this.store = store;
        this.thread = thread;
    }

    /**
     * Starts compacting the database behind the data source when it is an H2 database in a file, embedded in this
     * process (whichever form its URL takes: {@code jdbc:h2:file:…}, {@code jdbc:h2:./…}, {@code jdbc:h2:~/…});
     * otherwise (another database, H2 in memory or over TCP) does nothing.
     *
     * @param jdbcUrl the database's URL
     * @return what to close before the database
     */
    static H2FileCompaction startIfH2File(DataSource dataSource, String jdbcUrl) {
        Objects.requireNonNull(dataSource, "dataSource");
        if (!jdbcUrl.startsWith("jdbc:h2:")) {
            return NONE;
        }
        MVStore store = storeOf(dataSource);
        if (store == null || store.getFileStore() == null) {
            return NONE;
        }
        // A run is bounded by the write limit, so closing waits up to 30 s for one under way before it interrupts it.
        H2FileCompaction compaction =
                new H2FileCompaction(store, new BackgroundThread("h2-compaction", Duration.ofSeconds(30)));
        compaction.thread.every(INTERVAL, INTERVAL, compaction::runLogged);
        return compaction;
    }

    /** The store of the H2 database the pool's connections are open on, or null when it is not in this process. */
    static MVStore storeOf(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            JdbcConnection h2 = connection.unwrap(JdbcConnection.class);
            if (!(h2.getSession() instanceof SessionLocal session)) {
                return null;
            }
            return session.getDatabase().getStore().getMvStore();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the H2 database's store", e);
        }
    }

    /**
     * One run: when the chunks hold less than the target share of live data, writes the live pages of the sparsest
     * again, up to the write limit.
     *
     * @return whether anything was written again
     */
    static boolean compactOnce(MVStore store) {
        if (store.isClosed()) {
            return false;
        }
        FileStore<?> file = store.getFileStore();
        if (file == null || file.getChunksFillRate() >= TARGET_FILL_RATE) {
            return false;
        }
        return store.compact(TARGET_FILL_RATE, WRITE_LIMIT);
    }

    private void runLogged() {
        try {
            long began = System.nanoTime();
            if (compactOnce(store)) {
                LOG.debug(
                        "event=database_compacted chunksFillRate={} fileBytes={} durationMs={}",
                        store.getFileStore().getChunksFillRate(),
                        store.getFileStore().size(),
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began));
            }
        } catch (RuntimeException e) {
            // The database goes on working; the next run tries again.
            LOG.warn("event=database_compaction_failed cause={}", e.toString());
        }
    }

    /** @return whether this compacts a database, rather than being the one for other databases */
    boolean isRunning() {
        return thread != null && thread.isRunning();
    }

    /** Stops the runs; one under way finishes first (it is bounded by the write limit). */
    @Override
    public void close() {
        if (thread != null) {
            thread.close();
        }
    }
}
