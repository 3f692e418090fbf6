/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.support;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.port.PatientDirectory;

/** The host's patients, whose death and latest treatment a test can record. */
public final class FakePatientDirectory implements PatientDirectory {

    private final Map<PatientId, Patient> patients = new LinkedHashMap<>();

    @Override
    public synchronized Optional<Patient> find(PatientId id) {
        return Optional.ofNullable(patients.get(id));
    }

    public synchronized Patient add(Patient patient) {
        patients.put(patient.id(), patient);
        return patient;
    }

    public synchronized void recordDeath(PatientId id, LocalDate died) {
        Patient p = existing(id);
        patients.put(id, new Patient(id, p.displayName(), p.birthDate(), died, p.lastTreatment()));
    }

    public synchronized void recordTreatment(PatientId id, LocalDate treated) {
        Patient p = existing(id);
        patients.put(id, new Patient(id, p.displayName(), p.birthDate(), p.deathDate(), treated));
    }

    private Patient existing(PatientId id) {
        Patient p = patients.get(id);
        if (p == null) {
            throw new IllegalArgumentException("no patient " + id + " in the test directory");
        }
        return p;
    }
}
