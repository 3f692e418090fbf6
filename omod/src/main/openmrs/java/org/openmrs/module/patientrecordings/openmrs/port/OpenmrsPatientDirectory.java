/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.openmrs.port;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.openmrs.Encounter;
import org.openmrs.api.context.Context;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.port.PatientDirectory;
import org.openmrs.util.PrivilegeConstants;

/**
 * {@link PatientDirectory} over OpenMRS' {@code PatientService}: the patient's UUID is the {@link PatientId}. Birth
 * and death dates and the latest encounter feed retention (REC-2). A voided patient is unknown here, so nothing new
 * is recorded for them, while their existing recordings keep the retention already computed. The name is read part by
 * part ({@link HostNames}), without core's name layout lookup and its WARN on servers that have none.
 */
public final class OpenmrsPatientDirectory implements PatientDirectory {

    @Override
    public Optional<Patient> find(PatientId id) {
        Objects.requireNonNull(id, "id");
        return HostPrivileges.with(
                () -> {
                    org.openmrs.Patient patient = Context.getPatientService().getPatientByUuid(id.value());
                    if (patient == null || Boolean.TRUE.equals(patient.getVoided())) {
                        return Optional.empty();
                    }
                    return Optional.of(new Patient(
                            id,
                            HostNames.of(patient.getPersonName()),
                            HostDates.localDate(patient.getBirthdate()),
                            HostDates.localDate(patient.getDeathDate()),
                            lastEncounter(patient)));
                },
                PrivilegeConstants.GET_PATIENTS,
                PrivilegeConstants.GET_ENCOUNTERS);
    }

    private static LocalDate lastEncounter(org.openmrs.Patient patient) {
        return Context.getEncounterService().getEncountersByPatient(patient).stream()
                .filter(encounter -> !Boolean.TRUE.equals(encounter.getVoided()))
                .map(Encounter::getEncounterDatetime)
                .filter(Objects::nonNull)
                .map(HostDates::localDate)
                .max(LocalDate::compareTo)
                .orElse(null);
    }
}
