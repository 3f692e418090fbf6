/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.recording;

import java.util.List;
import java.util.Optional;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.RecordingId;

/** Stores recordings. There is no delete: a recording is a clinical record entry (REC-1). */
public interface RecordingRepository {

    Optional<Recording> find(RecordingId id);

    /**
     * Inserts a recording with version 0, or updates one whose version matches the stored version.
     *
     * @return the stored recording with its new version
     * @throws org.openmrs.module.patientrecordings.domain.RuleViolationException VER-1 when someone else changed
     *     it meanwhile, or a new recording's id exists
     */
    Recording save(Recording recording);

    /** The patient's recordings, oldest first. */
    List<Recording> findByPatient(PatientId patient);

    /** Recordings carrying a flag, oldest first (e.g. REC-3's list of recordings without a note). */
    List<Recording> findFlagged(RecordingFlag flag);

    /** Every recording, oldest first, a page at a time. */
    List<Recording> findAll(int offset, int limit);
}
