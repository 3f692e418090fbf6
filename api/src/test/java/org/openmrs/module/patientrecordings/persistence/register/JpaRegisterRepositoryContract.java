/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.persistence.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.RecordingId;
import org.openmrs.module.patientrecordings.domain.UserId;
import org.openmrs.module.patientrecordings.persistence.Database;
import org.openmrs.module.patientrecordings.persistence.DatabaseEngine;
import org.openmrs.module.patientrecordings.persistence.RepositoryDatabase;
import org.openmrs.module.patientrecordings.policy.LegalAuthority;
import org.openmrs.module.patientrecordings.register.Disclosure;
import org.openmrs.module.patientrecordings.register.LegalHold;
import org.openmrs.module.patientrecordings.register.RegisterFilter;
import org.openmrs.module.patientrecordings.register.RegisterRepository;
import org.openmrs.module.patientrecordings.register.RegisterRepositoryContract;

/** The register repository contract against {@link JpaRegisterRepository} on a real database of its own. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JpaRegisterRepositoryContract extends RegisterRepositoryContract {

    private RepositoryDatabase database;

    abstract DatabaseEngine engine();

    @BeforeAll
    void createDatabase() {
        database = RepositoryDatabase.create(engine());
    }

    @AfterAll
    void dropDatabase() {
        database.close();
    }

    private Database opened;

    @Override
    protected RegisterRepository emptyRepository() {
        opened = database.emptied();
        return new JpaRegisterRepository(opened);
    }

    @Test
    void rowsSavedBeforeTheSearchColumnsExistedAreFoundOnceTheirColumnsAreFilledIn() throws Exception {
        PatientId patient = PatientId.random();
        RecordingId recording = RecordingId.random();
        Instant at = Instant.parse("2026-03-02T09:00:00Z");
        LegalHold hold = registers.save(
                new LegalHold("h-1", patient, LegalAuthority.CLAIM, "C-1", UserId.of("records"), at, null, null, null));
        Disclosure disclosure = registers.save(new Disclosure(
                "d-1", patient, List.of(recording), null, "The patient", "SAR-1", UserId.of("records"), at));
        try (Connection connection = opened.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM patientrecordings_register_recording");
            statement.executeUpdate("UPDATE patientrecordings_register_entry SET made_at = NULL, recorded_by = NULL,"
                    + " staff_id = NULL, basis = NULL");
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        }
        RegisterFilter claims = new RegisterFilter(patient, null, UserId.of("records"), null, true, at, null, "CLAIM");
        RegisterFilter aboutRecording = new RegisterFilter(null, null, null, recording, null, null, null, null);

        assertThat(registers.search(LegalHold.class, claims, at, 0, 10).entries())
                .containsExactly(hold);
        assertThat(registers.search(Disclosure.class, aboutRecording, at, 0, 10).entries())
                .containsExactly(disclosure);
    }
}
