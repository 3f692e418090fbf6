/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone.host;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import org.openmrs.module.patientrecordings.domain.PatientId;

/** A row of {@code standalone_patient}. */
@Entity
@Table(name = "standalone_patient")
class PatientRow {

    @Id
    @Column(name = "id", length = 64)
    private String id;

    @Column(name = "identifier", nullable = false, length = 64)
    private String identifier;

    @Column(name = "given_name", nullable = false, length = 255)
    private String givenName;

    @Column(name = "family_name", nullable = false, length = 255)
    private String familyName;

    @Column(name = "gender", nullable = false, length = 16)
    private String gender;

    @Column(name = "birth_date")
    private LocalDate birthDate;

    @Column(name = "death_date")
    private LocalDate deathDate;

    protected PatientRow() {}

    static PatientRow of(HostPatient patient) {
        PatientRow row = new PatientRow();
        row.id = patient.id().value();
        row.identifier = patient.identifier();
        row.givenName = patient.givenName();
        row.familyName = patient.familyName();
        row.gender = patient.gender().name();
        row.birthDate = patient.birthDate();
        row.deathDate = patient.deathDate();
        return row;
    }

    void recordDeath(LocalDate date) {
        deathDate = date;
    }

    HostPatient toPatient() {
        return new HostPatient(
                PatientId.of(id), identifier, givenName, familyName, Gender.valueOf(gender), birthDate, deathDate);
    }
}
