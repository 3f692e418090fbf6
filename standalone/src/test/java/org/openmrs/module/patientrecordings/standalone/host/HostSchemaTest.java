/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone.host;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.openmrs.module.patientrecordings.persistence.DatabaseSettings;
import org.openmrs.module.patientrecordings.persistence.DatabaseStartException;

class HostSchemaTest {

    @Test
    void aDatabaseThatRefusesTheConnectionIsNamedWithTheUserAndWhatTheDriverSaid() {
        DatabaseSettings settings =
                new DatabaseSettings("jdbc:postgresql://127.0.0.1:5432/test", "no_such_recordings_role", null, 2);

        assertThatThrownBy(() -> HostSchema.migrate(settings))
                .isInstanceOf(DatabaseStartException.class)
                .hasMessageStartingWith(
                        "cannot connect to jdbc:postgresql://127.0.0.1:5432/test as no_such_recordings_role: ")
                .hasMessageNotContaining("migrate");
    }
}
