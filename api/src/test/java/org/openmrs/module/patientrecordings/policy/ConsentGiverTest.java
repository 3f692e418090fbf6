/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openmrs.module.patientrecordings.policy.ConsentGiver.Authority;

/** Who may decide for the patient (CON-12). */
class ConsentGiverTest {

    @Test
    @DisplayName(
            "CON-12: only a person with parental responsibility or other legal authority decides as a representative")
    void onlyALegalAuthorityIsARepresentatives() {
        for (Authority authority : Authority.values()) {
            boolean named = authority != Authority.PATIENT && authority != Authority.BEST_INTERESTS;
            assertThat(authority.representative()).as("%s", authority).isEqualTo(named);
        }
        assertThat(ConsentGiver.representative(Authority.COURT_APPOINTED_DEPUTY, "Dana Deputy", "deputy")
                        .authority())
                .isEqualTo(Authority.COURT_APPOINTED_DEPUTY);
        assertThatThrownBy(() -> ConsentGiver.representative(Authority.PATIENT, "Ann", "self"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ConsentGiver.representative(Authority.BEST_INTERESTS, "Dr Who", "clinician"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
