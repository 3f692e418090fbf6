/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.openmrs.service;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openmrs.Encounter;
import org.openmrs.Person;
import org.openmrs.api.APIException;
import org.openmrs.api.context.Context;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.hosting.HostPatientEvents;
import org.openmrs.module.patientrecordings.hosting.HostServiceCalls;
import org.springframework.aop.AfterReturningAdvice;
import org.springframework.aop.MethodBeforeAdvice;

/**
 * Advice on OpenMRS' {@code PatientService}, {@code PersonService} and {@code EncounterService} (declared in
 * config.xml): after a merge the recordings follow the preferred patient; after a void, an unvoid, a death or any
 * other save of a patient, a person or an encounter, the retention of the patient's recordings is recomputed (REC-2);
 * before a purge of a patient with recordings the purge is refused (REC-1). What each call means is {@link
 * HostServiceCalls}'; this class only reads the patients out of the arguments. OpenMRS instantiates advice itself, so
 * the module's beans are looked up when needed, and are missing while the module is unavailable.
 */
public final class HostServiceAdvice implements AfterReturningAdvice, MethodBeforeAdvice {

    private final HostServiceCalls calls = new HostServiceCalls(HostServiceAdvice::events);

    @Override
    public void afterReturning(Object returnValue, Method method, Object[] args, Object target) {
        try {
            calls.returned(service(method), method.getName(), patients(method, args));
        } catch (IllegalStateException refused) {
            throw new APIException(
                    "patientrecordings.error.mergeRefused", new Object[] {refused.getMessage()}, refused);
        }
    }

    @Override
    public void before(Method method, Object[] args, Object target) {
        calls.purging(service(method), method.getName(), patients(method, args)).ifPresent(refusal -> {
            throw new APIException(
                    refusal.moduleUnavailable()
                            ? "patientrecordings.error.purgeUnknown"
                            : "patientrecordings.error.purgeRefused",
                    new Object[] {refusal.patient().value()});
        });
    }

    private static String service(Method method) {
        return method.getDeclaringClass().getSimpleName();
    }

    /**
     * The patients of a call: its first argument (a patient, a person or an encounter), and for a merge the patient or
     * the list of patients merged into it too.
     */
    private static List<PatientId> patients(Method method, Object[] args) {
        List<PatientId> patients = new ArrayList<>();
        if (args.length > 0) {
            add(patients, args[0]);
        }
        if (args.length > 1 && method.getName().equals("mergePatients")) {
            add(patients, args[1]);
        }
        return patients;
    }

    private static void add(List<PatientId> patients, Object argument) {
        if (argument instanceof Person person && person.getUuid() != null) {
            patients.add(PatientId.of(person.getUuid()));
        } else if (argument instanceof Encounter encounter
                && encounter.getPatient() != null
                && encounter.getPatient().getUuid() != null) {
            patients.add(PatientId.of(encounter.getPatient().getUuid()));
        } else if (argument instanceof List<?> list) {
            list.forEach(item -> add(patients, item));
        }
    }

    private static Optional<HostPatientEvents> events() {
        return Context.getRegisteredComponents(HostPatientEvents.class).stream().findFirst();
    }
}
