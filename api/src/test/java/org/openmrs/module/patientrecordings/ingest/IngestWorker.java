/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.ingest;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import org.openmrs.module.patientrecordings.domain.RecordingId;
import org.openmrs.module.patientrecordings.recording.Recording;
import org.openmrs.module.patientrecordings.storage.UploadLimits;

/**
 * The child process of {@link CrashSafetyIT}: opens an {@link IngestSite} and ingests the round's recordings one
 * after another until it is killed. It tells its parent on standard output, one flushed line at a time:
 *
 * <ul>
 *   <li>{@code READY} once the database and store are open;
 *   <li>{@code BEGIN <recordingId>} when a recording (committed, in progress) is about to get its content;
 *   <li>{@code AT <point> <recordingId>} when the ingest reached the crash point it was told; it then waits to be
 *       killed;
 *   <li>{@code COMMITTED <recordingId> <sha256>} after an ingest committed;
 *   <li>{@code DONE} when it ran out of recordings without being killed; it then waits to be killed.
 * </ul>
 *
 * <p>Arguments: {@code <dataDirectory> <jdbcUrl> <round> <seed> <crashPoint|NONE> <crashRecording> <crashByte>}.
 * The crash point holds the ingest of recording number {@code crashRecording} at that {@link IngestPoint}; during
 * the write, once {@code crashByte} bytes of it have been read.
 */
final class IngestWorker {

    /** Recordings a round offers at most, to bound a round that is never killed. */
    static final int RECORDINGS_PER_ROUND = 40;

    private IngestWorker() {}

    public static void main(String[] args) throws Exception {
        Path dataDirectory = Path.of(args[0]);
        String jdbcUrl = args[1];
        int round = Integer.parseInt(args[2]);
        long seed = Long.parseLong(args[3]);
        String crashPoint = args[4];
        int crashRecording = Integer.parseInt(args[5]);
        long crashByte = Long.parseLong(args[6]);
        PrintStream out = System.out;
        try (IngestSite site = IngestSite.open(dataDirectory, jdbcUrl)) {
            say(out, "READY");
            for (int index = 0; index < RECORDINGS_PER_ROUND; index++) {
                RecordingId id = recordingId(round, index);
                site.recordingInProgress(id);
                say(out, "BEGIN " + id);
                IngestObserver observer = index == crashRecording && !"NONE".equals(crashPoint)
                        ? holdAt(out, IngestPoint.valueOf(crashPoint), crashByte, id)
                        : IngestObserver.NONE;
                SeededContent content = SeededContent.of(seed, index);
                Recording committed = site.ingest(observer)
                        .ingest(
                                id,
                                IngestSite.CONTENT_TYPE,
                                content.open(),
                                UploadLimits.none()
                                        .withMaxSize(SeededContent.MAX_SIZE)
                                        .withExpectedSize(content.size()));
                say(out, "COMMITTED " + id + " " + committed.content().sha256());
            }
            say(out, "DONE");
            waitToBeKilled();
        }
    }

    /** The id of recording {@code index} of round {@code round}; {@link #parse} reads it back. */
    static RecordingId recordingId(int round, int index) {
        return RecordingId.of(String.format(Locale.ROOT, "crash-%05d-%03d", round, index));
    }

    /** The round and index a {@link #recordingId} names. */
    static int[] parse(RecordingId id) {
        String[] parts = id.value().split("-");
        return new int[] {Integer.parseInt(parts[1]), Integer.parseInt(parts[2])};
    }

    private static IngestObserver holdAt(PrintStream out, IngestPoint crashPoint, long crashByte, RecordingId id) {
        return (point, plaintextBytes) -> {
            if (point == crashPoint && (point != IngestPoint.DURING_WRITE || plaintextBytes >= crashByte)) {
                say(out, "AT " + point + " " + id);
                waitToBeKilled();
            }
        };
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
