/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.openmrs.module.patientrecordings.disposal.DisposalService;
import org.openmrs.module.patientrecordings.domain.Actor;
import org.openmrs.module.patientrecordings.domain.Privilege;
import org.openmrs.module.patientrecordings.domain.UserId;
import org.openmrs.module.patientrecordings.port.ContentBackend;
import org.openmrs.module.patientrecordings.recording.Recording;

/**
 * The child process of {@link HousekeepingCrashIT}: opens an {@link IngestSite} and runs one housekeeping operation
 * until it is killed. It tells its parent on standard output, one flushed line at a time: {@code READY} once the
 * database and store are open; {@code AT <n> <key>} when the operation reached the n-th removal from the store (before
 * it, or after it, as told) and waits there to be killed; {@code DONE} when the operation finished without being
 * held, and then waits to be killed too.
 *
 * <p>Arguments: {@code <dataDirectory> <jdbcUrl> <operation> <holdAt|-1> <BEFORE|AFTER>}.
 */
final class HousekeepingWorker {

    static final Actor RECORDS_MANAGER = new Actor(UserId.of("records-manager"), EnumSet.of(Privilege.MANAGE_RECORDS));

    /** What the worker runs, each as a host runs it. */
    enum Operation {
        /** The retention sweep as the standalone server's scheduler runs it: outside any unit of work. */
        RETENTION_SWEEP,
        /** Each due recording disposed of in a unit of work of its own, as the administration API's requests do. */
        DISPOSE_EACH_IN_A_UNIT_OF_WORK,
        /** The whole retention sweep in one unit of work, as a host that wraps its scheduled task in one would. */
        RETENTION_SWEEP_IN_A_UNIT_OF_WORK,
        /** The content sweep with no grace period, its clock a minute ahead. */
        CONTENT_SWEEP
    }

    private HousekeepingWorker() {}

    public static void main(String[] args) throws Exception {
        Path dataDirectory = Path.of(args[0]);
        String jdbcUrl = args[1];
        Operation operation = Operation.valueOf(args[2]);
        int holdAt = Integer.parseInt(args[3]);
        boolean after = "AFTER".equals(args[4]);
        PrintStream out = System.out;
        AtomicInteger removals = new AtomicInteger();
        Hold hold = key -> {
            if (removals.getAndIncrement() == holdAt) {
                say(out, "AT " + holdAt + " " + key);
                waitToBeKilled();
            }
        };
        try (IngestSite site = IngestSite.open(dataDirectory, jdbcUrl)) {
            say(out, "READY");
            switch (operation) {
                case RETENTION_SWEEP -> disposal(site, hold, after).sweepReport();
                case DISPOSE_EACH_IN_A_UNIT_OF_WORK -> {
                    DisposalService disposal = disposal(site, hold, after);
                    for (Recording due : HousekeepingCrashIT.due(site)) {
                        site.repositories().database().inUnitOfWork(() -> disposal.dispose(due.id()));
                    }
                }
                case RETENTION_SWEEP_IN_A_UNIT_OF_WORK ->
                    site.repositories()
                            .database()
                            .inUnitOfWork(() -> disposal(site, hold, after).sweepReport());
                case CONTENT_SWEEP ->
                    site.sweeper(
                                    new HeldBackend(site.backend(), hold, after),
                                    Clock.offset(Clock.systemUTC(), Duration.ofMinutes(1)),
                                    Duration.ZERO)
                            .sweep();
            }
            say(out, "DONE");
            waitToBeKilled();
        }
    }

    private static DisposalService disposal(IngestSite site, Hold hold, boolean after) {
        return site.disposal(RECORDS_MANAGER, eraser -> key -> {
            if (!after) {
                hold.reached(key);
            }
            eraser.erase(key);
            if (after) {
                hold.reached(key);
            }
        });
    }

    /** Called at each removal from the store. */
    @FunctionalInterface
    private interface Hold {
        void reached(String key);
    }

    /** The site's backend, holding at a removal (a delete or a discard). */
    private record HeldBackend(ContentBackend backend, Hold hold, boolean after) implements ContentBackend {

        @Override
        public long write(String key, InputStream content) throws IOException {
            return backend.write(key, content);
        }

        @Override
        public SeekableByteChannel openForRead(String key) throws IOException {
            return backend.openForRead(key);
        }

        @Override
        public boolean exists(String key) throws IOException {
            return backend.exists(key);
        }

        @Override
        public boolean delete(String key) throws IOException {
            if (!after) {
                hold.reached(key);
            }
            boolean deleted = backend.delete(key);
            if (after) {
                hold.reached(key);
            }
            return deleted;
        }

        @Override
        public Stream<Entry> list(String prefix) throws IOException {
            // Listed at once, so that a hold does not keep a directory stream open.
            List<Entry> entries;
            try (Stream<Entry> listed = backend.list(prefix)) {
                entries = listed.toList();
            }
            return entries.stream();
        }

        @Override
        public void discard(Temporary temporary) throws IOException {
            if (!after) {
                hold.reached(temporary.key());
            }
            backend.discard(temporary);
            if (after) {
                hold.reached(temporary.key());
            }
        }
    }

    private static void say(PrintStream out, String line) {
        out.println(line);
        out.flush();
    }

    private static void waitToBeKilled() {
        while (true) {
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
