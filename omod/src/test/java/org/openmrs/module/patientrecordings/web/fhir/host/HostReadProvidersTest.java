/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.web.fhir.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.param.TokenParam;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import org.openmrs.module.patientrecordings.access.AccessGuard;
import org.openmrs.module.patientrecordings.audit.AuditAction;
import org.openmrs.module.patientrecordings.audit.AuditEntry;
import org.openmrs.module.patientrecordings.audit.AuditQuery;
import org.openmrs.module.patientrecordings.audit.InMemoryAuditLog;
import org.openmrs.module.patientrecordings.audit.StoredAuditEntry;
import org.openmrs.module.patientrecordings.domain.Actor;
import org.openmrs.module.patientrecordings.domain.EncounterId;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.RuleViolationException;
import org.openmrs.module.patientrecordings.domain.SiteId;
import org.openmrs.module.patientrecordings.domain.UserId;
import org.openmrs.module.patientrecordings.port.SiteDirectory.Site;

/**
 * The host's patients, encounters and locations over FHIR, as both hosts serve them: from a fake host standing in
 * for OpenMRS' data and privileges, each read and search audited, and a user the host refuses refused with SAF-3 and
 * audited.
 */
class HostReadProvidersTest {

    private static final Instant NOW = Instant.parse("2025-03-10T09:00:00Z");
    private static final PatientId AMELIA = PatientId.of("a1b2c3d4-0000-4000-8000-000000000001");
    private static final SiteId RIVERSIDE = SiteId.of("8d6c993e-c2cc-11de-8d13-0010c6dffd0f");
    private static final EncounterId CONSULTATION = EncounterId.of("e0000000-0000-4000-8000-000000000001");

    private final InMemoryAuditLog audit = new InMemoryAuditLog();
    private final FakeHost host = new FakeHost();
    private final HostAccess access = new HostAccess(new AccessGuard(
            () -> new Actor(UserId.of("integration-engine"), Set.of()), audit, Clock.fixed(NOW, ZoneOffset.UTC)));
    private final HostPatientReadProvider patients = new HostPatientReadProvider(host, access);
    private final HostEncounterReadProvider encounters = new HostEncounterReadProvider(host, access);
    private final HostLocationReadProvider locations = new HostLocationReadProvider(host, access);

    @Test
    void aPatientIsReadWithIdentifiersNameAndDeathAndTheReadIsAudited() {
        Patient patient = patients.read(new IdType("Patient", AMELIA.value()));

        assertThat(patient.getIdPart()).isEqualTo(AMELIA.value());
        assertThat(patient.getIdentifierFirstRep().getValue()).isEqualTo("10000X");
        assertThat(patient.getIdentifierFirstRep().getType().getText()).isEqualTo("OpenMRS ID");
        assertThat(patient.getNameFirstRep().getFamily()).isEqualTo("Clarke");
        assertThat(patient.getNameFirstRep().getGivenAsSingleString()).isEqualTo("Amelia Rose");
        assertThat(patient.getGender()).isEqualTo(AdministrativeGender.FEMALE);
        assertThat(patient.getDeceasedBooleanType().booleanValue()).isTrue();
        assertThat(FhirContext.forR4Cached().newJsonParser().encodeResourceToString(patient))
                .doesNotContain("null");
        assertThat(trail()).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo(AuditAction.VIEW);
            assertThat(e.patient()).isEqualTo(AMELIA);
            assertThat(e.outcome().succeeded()).isTrue();
        });
    }

    @Test
    void aPatientTheHostDoesNotHaveIsNf1AndTheAttemptIsAudited() {
        assertThatThrownBy(() -> patients.read(new IdType("Patient", "nobody-here")))
                .isInstanceOfSatisfying(
                        RuleViolationException.class,
                        e -> assertThat(e.reasons()).extracting(r -> r.code()).containsExactly(ErrorCode.NF_1));
        assertThat(trail())
                .singleElement()
                .satisfies(e -> assertThat(e.detail()).contains("none found"));
    }

    @Test
    void aUserTheHostRefusesIsRefusedWithSaf3AndTheRefusalIsAudited() {
        host.refuse = "Get Patients";

        assertThatThrownBy(() -> patients.read(new IdType("Patient", AMELIA.value())))
                .isInstanceOfSatisfying(
                        RuleViolationException.class,
                        e -> assertThat(e.reasons()).extracting(r -> r.code()).containsExactly(ErrorCode.SAF_3));
        assertThatThrownBy(() -> patients.search(new TokenParam(null, "10000X"), null, null)
                        .getResources(0, 10))
                .isInstanceOf(RuleViolationException.class);
        assertThat(trail()).hasSize(2).allSatisfy(e -> {
            assertThat(e.outcome().succeeded()).isFalse();
            assertThat(e.outcome().codes()).containsExactly(ErrorCode.SAF_3);
            assertThat(e.detail()).doesNotContain("10000X");
        });
    }

    @Test
    void aPatientSearchPassesItsCriteriaToTheHostAndIsAuditedWithoutThem() {
        List<?> found = patients.search(new TokenParam(null, "10000X"), new StringParam("clar"), null)
                .getResources(0, 20);

        assertThat(found).hasSize(1);
        assertThat(host.lastQuery.identifier()).isEqualTo("10000X");
        assertThat(host.lastQuery.name()).isEqualTo("clar");
        assertThat(trail()).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo(AuditAction.SEARCH);
            assertThat(e.detail()).contains("1 found").doesNotContain("clar").doesNotContain("10000X");
        });
    }

    @Test
    void aPatientsEncountersAreSearchedByDateAndLocationAndAuditedAgainstThePatient() {
        List<Encounter> found = encounters.search(new ReferenceParam("Patient/" + AMELIA.value()), null, null, null);
        Encounter read = encounters.read(new IdType("Encounter", CONSULTATION.value()));

        assertThat(found)
                .singleElement()
                .satisfies(e -> assertThat(e.getSubject().getReference()).isEqualTo("Patient/" + AMELIA.value()));
        assertThat(read.getLocationFirstRep().getLocation().getReference()).isEqualTo("Location/" + RIVERSIDE.value());
        assertThat(trail()).hasSize(2).allSatisfy(e -> assertThat(e.patient()).isEqualTo(AMELIA));
    }

    @Test
    void anEncounterSearchWithoutAPatientIsSaf4() {
        assertThatThrownBy(() -> encounters.search(null, null, null, null))
                .isInstanceOfSatisfying(
                        RuleViolationException.class,
                        e -> assertThat(e.reasons()).extracting(r -> r.code()).containsExactly(ErrorCode.SAF_4));
    }

    @Test
    void locationsAreReadAndSearchedByName() {
        Location read = locations.read(new IdType("Location", RIVERSIDE.value()));
        List<?> found = locations.search(new StringParam("River")).getResources(0, 20);

        assertThat(read.getName()).isEqualTo("Riverside Surgery");
        assertThat(found).hasSize(1);
        assertThat(trail())
                .extracting(AuditEntry::action)
                .containsExactlyInAnyOrder(AuditAction.VIEW, AuditAction.SEARCH);
    }

    private List<AuditEntry> trail() {
        return audit.search(AuditQuery.all().page(0, AuditQuery.MAX_LIMIT)).entries().stream()
                .map(StoredAuditEntry::entry)
                .toList();
    }

    /** A host with one patient, one encounter and one location, which may refuse the user its data. */
    private static final class FakeHost implements HostRecords {

        String refuse;
        PatientQuery lastQuery;

        private final HostRecords.Patient amelia = new HostRecords.Patient(
                AMELIA,
                List.of(new Identifier(null, "10000X", null, "OpenMRS ID", true)),
                List.of("Amelia", "Rose"),
                "Clarke",
                AdministrativeGender.FEMALE,
                LocalDate.parse("1984-03-12"),
                true,
                null);
        private final HostRecords.Encounter consultation = new HostRecords.Encounter(
                CONSULTATION, AMELIA, RIVERSIDE, NOW.minusSeconds(3600), "Outpatient consultation");
        private final Site riverside = new Site(RIVERSIDE, "Riverside Surgery");

        private void check() {
            if (refuse != null) {
                throw new Refused(refuse);
            }
        }

        @Override
        public Optional<HostRecords.Patient> patient(PatientId id) {
            check();
            return id.equals(AMELIA) ? Optional.of(amelia) : Optional.empty();
        }

        @Override
        public List<HostRecords.Patient> patients(PatientQuery query, int offset, int count) {
            check();
            lastQuery = query;
            return offset == 0 ? List.of(amelia) : List.of();
        }

        @Override
        public Optional<HostRecords.Encounter> encounter(EncounterId id) {
            check();
            return id.equals(CONSULTATION) ? Optional.of(consultation) : Optional.empty();
        }

        @Override
        public List<HostRecords.Encounter> encounters(PatientId patient) {
            check();
            return patient.equals(AMELIA) ? List.of(consultation) : List.of();
        }

        @Override
        public Optional<Site> location(SiteId id) {
            check();
            return id.equals(RIVERSIDE) ? Optional.of(riverside) : Optional.empty();
        }

        @Override
        public List<Site> locations(String name, int offset, int count) {
            check();
            return offset == 0 ? List.of(riverside) : List.of();
        }
    }
}
