/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.recording;

import java.util.List;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.RecordingId;
import org.openmrs.module.patientrecordings.policy.ConsentFact;

/**
 * The patient's recording consents as the rules see them. Provided by the consent feature, so that recordings need
 * not know how consents are kept.
 */
public interface PatientConsents {

    List<ConsentFact> of(PatientId patient);

    /**
     * The patient's consents as they bear on one of their recordings: a refusal after that recording (CON-7) counts,
     * for it, as a withdrawal at the instant of the refusal, so that its secondary uses end (CON-6) until the patient
     * consents again. Deliberately not a default method: whoever wires the services must supply it.
     */
    List<ConsentFact> bearingOn(PatientId patient, RecordingId recording);

    /**
     * {@link #of} and {@link #bearingOn} from one read of the patient's consents, for a caller that needs both (a
     * recording checked for a use and then shown). By default two reads; a store should answer from one.
     */
    default Both both(PatientId patient, RecordingId recording) {
        return new Both(of(patient), bearingOn(patient, recording));
    }

    /**
     * @param asRecorded the patient's consents as {@link #of} gives them
     * @param bearingOn the same consents as {@link #bearingOn} gives them for the recording
     */
    record Both(List<ConsentFact> asRecorded, List<ConsentFact> bearingOn) {
        public Both {
            asRecorded = List.copyOf(asRecorded);
            bearingOn = List.copyOf(bearingOn);
        }
    }
}
