/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.recording;

import java.util.List;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.policy.ConsentFact;

/**
 * The patient's recording consents as the rules see them. Provided by the consent feature, so that recordings need
 * not know how consents are kept.
 */
@FunctionalInterface
public interface PatientConsents {

    List<ConsentFact> of(PatientId patient);
}
