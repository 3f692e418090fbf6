/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.recording;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.RecordingId;
import org.openmrs.module.patientrecordings.domain.Versions;

/** Recordings held in memory, with the same optimistic-locking contract as the database. */
public final class InMemoryRecordingRepository implements RecordingRepository {

    private final Map<RecordingId, Recording> recordings = new LinkedHashMap<>();

    @Override
    public synchronized Optional<Recording> find(RecordingId id) {
        return Optional.ofNullable(recordings.get(id));
    }

    @Override
    public synchronized Recording save(Recording recording) {
        Recording stored = recordings.get(recording.id());
        Versions.check(stored == null ? null : stored.version(), recording.version(), "recording " + recording.id());
        Recording saved = recording.toBuilder().version(recording.version() + 1).build();
        recordings.put(saved.id(), saved);
        return saved;
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
