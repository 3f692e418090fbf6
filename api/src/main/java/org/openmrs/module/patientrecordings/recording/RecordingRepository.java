/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.recording;

import java.util.List;
import java.util.Optional;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.RecordingId;

/**
 * Stores recordings. There is no delete: a recording is a clinical record entry (REC-1). Every save keeps the version
 * it makes, with the time of the save on the repository's clock ({@link Recording#lastUpdated()}), so that every
 * earlier version stays readable; versions are never changed or removed.
 */
public interface RecordingRepository {

    Optional<Recording> find(RecordingId id);

    /**
     * Inserts a recording with version 0, or updates one whose version matches the stored version, and keeps the new
     * version in the recording's history in the same transaction. The last-change time is the repository clock's;
     * whatever the recording carried is ignored.
     *
     * @return the stored recording with its new version and last-change time
     * @throws org.openmrs.module.patientrecordings.domain.RuleViolationException VER-1 when someone else changed
     *     it meanwhile, or a new recording's id exists
     */
    Recording save(Recording recording);

    /**
     * One version of a recording, as it was saved.
     *
     * @return empty when the recording or that version does not exist
     */
    Optional<Recording> findVersion(RecordingId id, long version);

    /** Every version of a recording, newest first; empty when it does not exist. */
    List<Recording> history(RecordingId id);

    /** The patient's recordings, oldest first. */
    List<Recording> findByPatient(PatientId patient);

    /** Recordings carrying a flag, oldest first (e.g. REC-3's list of recordings without a note). */
    List<Recording> findFlagged(RecordingFlag flag);

    /** Every recording, oldest first, a page at a time. */
    List<Recording> findAll(int offset, int limit);
}
