/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.openmrs.service;

import java.lang.reflect.Method;
import java.util.List;
import org.openmrs.Patient;
import org.openmrs.api.context.Context;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.springframework.aop.AfterReturningAdvice;

/**
 * Advice on OpenMRS' {@code PatientService} (declared in config.xml): after {@code mergePatients} the recordings
 * follow the preferred patient; after {@code voidPatient} the void is audited and the recordings stay retained.
 * OpenMRS instantiates advice itself, so the module's beans are looked up when needed.
 */
public final class PatientServiceAdvice implements AfterReturningAdvice {

    @Override
    public void afterReturning(Object returnValue, Method method, Object[] args, Object target) {
        switch (method.getName()) {
            case "mergePatients" -> merged(args);
            case "voidPatient" -> {
                if (args.length > 0 && args[0] instanceof Patient patient) {
                    events().voided(PatientId.of(patient.getUuid()));
                }
            }
            default -> {
                // Other PatientService methods do not concern recordings.
            }
        }
    }

    private static void merged(Object[] args) {
        if (args.length < 2 || !(args[0] instanceof Patient preferred)) {
            return;
        }
        PatientId survivor = PatientId.of(preferred.getUuid());
        if (args[1] instanceof Patient notPreferred) {
            events().merged(survivor, PatientId.of(notPreferred.getUuid()));
        } else if (args[1] instanceof List<?> others) {
            for (Object other : others) {
                if (other instanceof Patient notPreferred) {
                    events().merged(survivor, PatientId.of(notPreferred.getUuid()));
                }
            }
        }
    }

    static HostPatientEvents events() {
        return Context.getRegisteredComponents(HostPatientEvents.class).get(0);
    }
}
