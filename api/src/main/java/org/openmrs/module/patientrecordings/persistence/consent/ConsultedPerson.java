/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.persistence.consent;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A row of {@code patientrecordings_consent_consulted}: one person consulted about a best-interests decision. */
@Embeddable
class ConsultedPerson {

    @Column(name = "consulted_name", length = ConsentRow.AUDIENCE_LENGTH)
    String name;

    @Column(name = "consulted_role", length = ConsentRow.AUDIENCE_LENGTH)
    String role;

    ConsultedPerson() {}

    ConsultedPerson(String name, String role) {
        this.name = name;
        this.role = role;
    }
}
