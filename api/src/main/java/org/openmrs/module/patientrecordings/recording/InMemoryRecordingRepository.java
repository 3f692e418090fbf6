/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.recording;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.RecordingId;
import org.openmrs.module.patientrecordings.domain.Versions;

/**
 * Recordings held in memory, with the same contract as the database: optimistic locking, every version kept, the
 * last-change time taken from the clock to the microsecond (as the database columns keep it).
 */
public final class InMemoryRecordingRepository implements RecordingRepository {

    private final Map<RecordingId, Recording> recordings = new LinkedHashMap<>();
    private final Map<RecordingId, List<Recording>> versions = new LinkedHashMap<>();
    private final Clock clock;

    /** A repository on the system clock. */
    public InMemoryRecordingRepository() {
        this(Clock.systemUTC());
    }

    /** @param clock the source of every save's last-change time */
    public InMemoryRecordingRepository(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public synchronized Optional<Recording> find(RecordingId id) {
        return Optional.ofNullable(recordings.get(id));
    }

    @Override
    public synchronized Recording save(Recording recording) {
        Recording stored = recordings.get(recording.id());
        Versions.check(stored == null ? null : stored.version(), recording.version(), "recording " + recording.id());
        Recording saved = recording.toBuilder()
                .version(recording.version() + 1)
                .lastUpdated(clock.instant().truncatedTo(ChronoUnit.MICROS))
                .build();
        recordings.put(saved.id(), saved);
        versions.computeIfAbsent(saved.id(), id -> new ArrayList<>()).add(saved);
        return saved;
    }

    @Override
    public synchronized Optional<Recording> findVersion(RecordingId id, long version) {
        return versions.getOrDefault(id, List.of()).stream()
                .filter(r -> r.version() == version)
                .findFirst();
    }

    @Override
    public synchronized List<Recording> history(RecordingId id) {
        List<Recording> newestFirst = new ArrayList<>(versions.getOrDefault(id, List.of()));
        Collections.reverse(newestFirst);
        return List.copyOf(newestFirst);
    }

    @Override
    public synchronized List<Recording> findByPatient(PatientId patient) {
        return recordings.values().stream()
                .filter(r -> r.patient().equals(patient))
                .toList();
    }

    @Override
    public synchronized List<Recording> findFlagged(RecordingFlag flag) {
        return recordings.values().stream().filter(r -> r.hasFlag(flag)).toList();
    }

    @Override
    public synchronized List<Recording> findAll(int offset, int limit) {
        return recordings.values().stream().skip(offset).limit(limit).toList();
    }
}
