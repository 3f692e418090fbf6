/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.consent;

import java.util.List;
import java.util.Optional;
import org.openmrs.module.patientrecordings.domain.ConsentId;
import org.openmrs.module.patientrecordings.domain.PatientId;

/** Stores recording consents with their history. There is no delete. */
public interface ConsentRepository {

    Optional<RecordingConsent> find(ConsentId id);

    /**
     * Inserts a consent with version 0, or updates one whose version matches the stored version.
     *
     * @throws org.openmrs.module.patientrecordings.domain.RuleViolationException VER-1 on a concurrent change
     */
    RecordingConsent save(RecordingConsent consent);

    /** The patient's consents, oldest first. */
    List<RecordingConsent> findByPatient(PatientId patient);
}
