/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.hosting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openmrs.module.patientrecordings.hosting.PersonNames.Parts;

class PersonNamesTest {

    @Test
    void aNameIsItsPartsInWrittenOrder() {
        assertThat(PersonNames.display(new Parts("Dr", "Ada", "Augusta", null, "King", " ", "Jr", "MD")))
                .isEqualTo("Dr Ada Augusta King Jr MD");
        assertThat(PersonNames.display(new Parts(null, "Amelia", null, "van", "Clarke", null, null, null)))
                .isEqualTo("Amelia van Clarke");
    }

    @Test
    void aNameWithoutPartsIsNone() {
        assertThat(PersonNames.display(new Parts(null, " ", null, null, "", null, null, null)))
                .isNull();
    }

    @Test
    void aClinicianIsNamedWithTheirJobRole() {
        assertThat(PersonNames.user(
                        "Ada King",
                        List.of("Authenticated", "Organizational: Doctor", "Application: Records Vitals"),
                        "ada"))
                .isEqualTo("Ada King (Doctor)");
    }

    @Test
    void withoutJobRolesTheOtherRolesNameWhatTheUserDoes() {
        assertThat(PersonNames.user("Super User", List.of("System Developer", "Authenticated"), "admin"))
                .isEqualTo("Super User (System Developer)");
        assertThat(PersonNames.user("Ada King", List.of("Authenticated"), "ada"))
                .isEqualTo("Ada King");
    }

    @Test
    void aUserWithoutANameIsNamedByTheFallback() {
        assertThat(PersonNames.user(null, List.of("Clinician"), "daemon")).isEqualTo("daemon (Clinician)");
    }
}
