/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.policy;

import java.util.Objects;
import org.openmrs.module.patientrecordings.domain.PatientId;

/**
 * What the rules need to know about the patient.
 *
 * @param id never null
 * @param known whether the host's patient directory knows the patient (SAF-4 refuses unknown patients)
 * @param standingObjection whether the patient has a current standing objection to being recorded (CON-10)
 */
public record PatientFacts(PatientId id, boolean known, boolean standingObjection) {

    public PatientFacts {
        Objects.requireNonNull(id, "id");
    }
}
