/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.consent;

import java.util.List;
import java.util.Objects;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.RecordingId;
import org.openmrs.module.patientrecordings.policy.ConsentFact;
import org.openmrs.module.patientrecordings.recording.PatientConsents;

/**
 * The patient's consents as kept in the consent repository, for the recording rules. Lets a host wire the
 * recording service before the consent service, which needs it.
 */
public final class StoredPatientConsents implements PatientConsents {

    private final ConsentRepository consents;

    public StoredPatientConsents(ConsentRepository consents) {
        this.consents = Objects.requireNonNull(consents, "consents");
    }

    @Override
    public List<ConsentFact> of(PatientId patient) {
        return consents.findByPatient(patient).stream()
                .map(RecordingConsent::fact)
                .toList();
    }

    /** The consent facts as they bear on one recording: a refusal after it counts as a withdrawal (CON-7). */
    @Override
    public List<ConsentFact> bearingOn(PatientId patient, RecordingId recording) {
        return consents.findByPatient(patient).stream()
                .map(c -> c.factFor(recording))
                .toList();
    }

    /** {@link #of} and {@link #bearingOn} from one read of the repository. */
    @Override
    public Both both(PatientId patient, RecordingId recording) {
        List<RecordingConsent> found = consents.findByPatient(patient);
        return new Both(
                found.stream().map(RecordingConsent::fact).toList(),
                found.stream().map(c -> c.factFor(recording)).toList());
    }
}
