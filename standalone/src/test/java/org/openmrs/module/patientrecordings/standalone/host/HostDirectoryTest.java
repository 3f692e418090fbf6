/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.function.Consumer;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openmrs.module.patientrecordings.domain.EncounterId;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.RuleViolationException;
import org.openmrs.module.patientrecordings.domain.SiteId;
import org.openmrs.module.patientrecordings.domain.UserId;
import org.openmrs.module.patientrecordings.persistence.Database;
import org.openmrs.module.patientrecordings.port.ClinicalNotes.Note;
import org.openmrs.module.patientrecordings.port.PatientDirectory.Patient;
import org.openmrs.module.patientrecordings.standalone.testing.H2Database;

class HostDirectoryTest {

    private static final Instant NOW = Instant.parse("2026-11-21T09:00:00Z");

    private final Database database = H2Database.open();
    private final HostDirectory host = HostDirectory.over(
            database,
            Clock.fixed(NOW, ZoneOffset.UTC),
            user -> user.value().equals("clinician") ? Optional.of("Ada Lovelace (alovelace)") : Optional.empty());
    private final UserId clinician = UserId.of("clinician");

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void registersAPatientAndReadsThemBack() {
        HostPatient created = host.patients().create(amelia());

        assertThat(host.patients().read(created.id())).contains(created);
        assertThat(created.gender()).isEqualTo(Gender.FEMALE);
        assertThat(created.birthDate()).isEqualTo(LocalDate.of(1984, 3, 12));
        assertThat(host.patients().byIdentifier("MRN-1")).contains(created);
    }

    @Test
    void refusesASecondPatientWithTheSameIdentifier() {
        host.patients().create(amelia());

        assertRefused(() -> host.patients().create(amelia()), ErrorCode.SAF_4, "identifier");
        assertThat(host.patients().count()).isEqualTo(1);
    }

    @Test
    void refusesAPatientWithoutANameOrBornInTheFuture() {
        assertRefused(
                () -> host.patients().create(new NewPatient("MRN-2", " ", "Clarke", null, null)),
                ErrorCode.SAF_4,
                "name.given");
        assertRefused(
                () -> host.patients().create(new NewPatient("MRN-2", "Baby", "Clarke", null, LocalDate.of(2027, 1, 1))),
                ErrorCode.SAF_4,
                "birthDate");
        assertRefused(
                () -> host.patients().create(new NewPatient("MRN 2", "Baby", "Clarke", null, null)),
                ErrorCode.SAF_4,
                "identifier");
    }

    @Test
    void searchesByPartOfTheNameCaseInsensitivelyInNameOrder() {
        host.patients().create(new NewPatient("MRN-1", "Amelia", "Clarke", Gender.FEMALE, null));
        host.patients().create(new NewPatient("MRN-2", "Oliver", "Bennett", Gender.MALE, null));
        host.patients().create(new NewPatient("MRN-3", "Clara", "Hughes", Gender.FEMALE, null));

        assertThat(host.patients().search(new PatientSearch("CLAR", null, null, 0, 10)))
                .extracting(HostPatient::identifier)
                .containsExactly("MRN-1", "MRN-3");
        assertThat(host.patients().search(PatientSearch.all(2)))
                .extracting(HostPatient::identifier)
                .containsExactly("MRN-2", "MRN-1");
        assertThat(host.patients().search(new PatientSearch("%", null, null, 0, 10)))
                .isEmpty();
    }

    @Test
    void thePortReportsTheLatestEncounterAsTheLastTreatmentAndARecordedDeath() {
        HostPatient patient = host.patients().create(amelia());
        host.encounters().create(new NewEncounter(patient.id(), null, Instant.parse("2025-02-01T10:00:00Z"), null));
        host.encounters().create(new NewEncounter(patient.id(), null, Instant.parse("2026-06-30T23:30:00Z"), null));
        host.patients().recordDeath(patient.id(), LocalDate.of(2026, 11, 1));

        Patient seen = host.patients().find(patient.id()).orElseThrow();

        assertThat(seen.lastTreatment()).isEqualTo(LocalDate.of(2026, 6, 30));
        assertThat(seen.deathDate()).isEqualTo(LocalDate.of(2026, 11, 1));
        assertThat(seen.displayName()).isEqualTo("Amelia Clarke");
        assertThat(host.patients().find(PatientId.random())).isEmpty();
    }

    @Test
    void recordsAnEncounterAtASiteAndListsThePatientsLatestFirst() {
        HostPatient patient = host.patients().create(amelia());
        SiteId site =
                host.sites().create(SiteId.of("riverside"), "Riverside Surgery").id();
        HostEncounter older = host.encounters()
                .create(new NewEncounter(patient.id(), site, Instant.parse("2025-01-01T10:00:00Z"), null));
        HostEncounter newer = host.encounters().create(new NewEncounter(patient.id(), site, null, "GP consultation"));

        assertThat(newer.start()).isEqualTo(NOW);
        assertThat(host.encounters().forPatient(patient.id(), 0, 10)).containsExactly(newer, older);
        assertThat(host.encounters().find(newer.id()).orElseThrow().site()).isEqualTo(site);
    }

    @Test
    void refusesAnEncounterOfAnUnknownPatientOrSiteOrInTheFuture() {
        HostPatient patient = host.patients().create(amelia());

        assertRefused(
                () -> host.encounters().create(new NewEncounter(PatientId.random(), null, null, null)),
                ErrorCode.NF_1,
                "subject");
        assertRefused(
                () -> host.encounters().create(new NewEncounter(patient.id(), SiteId.of("nowhere"), null, null)),
                ErrorCode.NF_1,
                "location");
        assertRefused(
                () -> host.encounters().create(new NewEncounter(patient.id(), null, NOW.plusSeconds(60), null)),
                ErrorCode.SAF_4,
                "period.start");
    }

    @Test
    void anEncounterHasANoteOnceOneIsWritten() {
        HostPatient patient = host.patients().create(amelia());
        HostEncounter encounter = host.encounters().create(new NewEncounter(patient.id(), null, null, null));
        assertThat(host.notes().hasNote(encounter.id())).isFalse();

        host.notes().append(new Note(patient.id(), encounter.id(), clinician, NOW, "Headache for three weeks."));

        assertThat(host.notes().hasNote(encounter.id())).isTrue();
        assertThat(host.notes().forEncounter(encounter.id())).singleElement().satisfies(note -> {
            assertThat(note.text()).isEqualTo("Headache for three weeks.");
            assertThat(note.author()).isEqualTo(clinician);
        });
        assertThat(host.notes().forPatient(patient.id())).hasSize(1);
    }

    @Test
    void refusesANoteForAnotherPatientsEncounterOrAnUnknownOne() {
        HostPatient amelia = host.patients().create(amelia());
        HostPatient oliver = host.patients().create(new NewPatient("MRN-9", "Oliver", "Bennett", Gender.MALE, null));
        HostEncounter ameliasVisit = host.encounters().create(new NewEncounter(amelia.id(), null, null, null));

        assertRefused(
                () -> host.notes().append(new Note(oliver.id(), ameliasVisit.id(), clinician, NOW, "Wrong chart")),
                ErrorCode.SAF_4,
                "encounter");
        assertRefused(
                () -> host.notes().append(new Note(oliver.id(), EncounterId.random(), clinician, NOW, "No visit")),
                ErrorCode.NF_1,
                "encounter");
        assertRefused(
                () -> host.notes()
                        .append(new Note(oliver.id(), null, clinician, NOW, "x".repeat(HostNotes.MAX_TEXT + 1))),
                ErrorCode.SAF_4,
                "text");
        assertThat(host.notes().forPatient(oliver.id())).isEmpty();
    }

    @Test
    void notesNameAUserByNameAndLoginAndAnUnknownOneByTheirIdCon8() {
        assertThat(host.notes().nameOf(clinician)).isEqualTo("Ada Lovelace (alovelace)");
        assertThat(host.notes().nameOf(UserId.of("gone-7"))).isEqualTo("gone-7");
    }

    @Test
    void sitesAreFoundByIdAndByPartOfTheirName() {
        host.sites().create(SiteId.of("riverside"), "Riverside Surgery");
        host.sites().create(null, "Hillside Clinic");

        assertThat(host.sites().find(SiteId.of("riverside")).orElseThrow().name())
                .isEqualTo("Riverside Surgery");
        assertThat(host.sites().search("side", 0, 10))
                .extracting(s -> s.name())
                .containsExactly("Hillside Clinic", "Riverside Surgery");
        assertThat(host.sites().search("river", 0, 10)).hasSize(1);
        assertRefused(() -> host.sites().create(SiteId.of("riverside"), "Again"), ErrorCode.SAF_4, "id");
    }

    private static NewPatient amelia() {
        return new NewPatient("MRN-1", "Amelia", "Clarke", Gender.FEMALE, LocalDate.of(1984, 3, 12));
    }

    private static void assertRefused(ThrowingCallable call, ErrorCode code, String location) {
        Consumer<RuleViolationException> check = e -> assertThat(e.reasons()).anySatisfy(reason -> {
            assertThat(reason.code()).isEqualTo(code);
            assertThat(reason.location()).isEqualTo(location);
        });
        assertThatThrownBy(call).isInstanceOfSatisfying(RuleViolationException.class, check);
    }
}
