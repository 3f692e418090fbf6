/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.openmrs.service;

import java.lang.reflect.Method;
import org.openmrs.Patient;
import org.openmrs.api.APIException;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.springframework.aop.MethodBeforeAdvice;

/**
 * Advice on OpenMRS' {@code PatientService} (declared in config.xml): refuses {@code purgePatient} for a patient
 * who has recordings, because a recording is a clinical record entry that cannot be deleted (REC-1). Voiding the
 * patient remains possible.
 */
public final class PatientPurgeGuard implements MethodBeforeAdvice {

    @Override
    public void before(Method method, Object[] args, Object target) {
        if ("purgePatient".equals(method.getName())
                && args.length > 0
                && args[0] instanceof Patient patient
                && patient.getUuid() != null
                && PatientServiceAdvice.events().hasRecordings(PatientId.of(patient.getUuid()))) {
            throw new APIException("patientrecordings.error.purgeRefused", new Object[] {patient.getUuid()});
        }
    }
}
