/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openmrs.module.patientrecordings.domain.Actor;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.Privilege;
import org.openmrs.module.patientrecordings.domain.Reason;
import org.openmrs.module.patientrecordings.domain.UserId;

/** SAF-3: a refusal for want of a privilege names the user as people know them, not by their id. */
@DisplayName("SAF-3: refusals name the user")
class PrivilegeRefusalNamesTest {

    private static final UserId ID = UserId.of("688b4fc0-1c1d-4b4e-9f6c-0d5b6a1b2c3d");

    @Test
    @DisplayName("a user the host names is named by name and username, never by id")
    void namedUser() {
        Actor ada = new Actor(ID, "Ada Lovelace (alovelace)", Set.of());

        Reason refusal = Privileges.check(ada, Privilege.MANAGE_CONSENT).get(0);

        assertThat(refusal.code()).isEqualTo(ErrorCode.SAF_3);
        assertThat(refusal.message()).contains("Ada Lovelace (alovelace)").doesNotContain(ID.value());
    }

    @Test
    @DisplayName("a user the host does not name is named by id")
    void unnamedUser() {
        Actor someone = new Actor(ID, Set.of());

        assertThat(Privileges.check(someone, Privilege.MANAGE_CONSENT).get(0).message())
                .contains(ID.value());
    }
}
