/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openmrs.module.patientrecordings.standalone.fhir.Refusals.assertRefused;

import ca.uhn.fhir.context.FhirContext;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Encounter.EncounterStatus;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import org.openmrs.module.patientrecordings.domain.EncounterId;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.SiteId;
import org.openmrs.module.patientrecordings.standalone.host.HostEncounter;
import org.openmrs.module.patientrecordings.standalone.host.NewEncounter;

class EncounterTranslatorTest {

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static final Instant NOW = Instant.parse("2026-11-21T15:00:00Z");

    private final EncounterTranslator translator =
            new EncounterTranslator(Clock.fixed(NOW, ZoneId.of("Europe/London")));

    @Test
    void anEncounterSurvivesTheRoundTripThroughFhirJson() {
        HostEncounter consultation = new HostEncounter(
                EncounterId.of("e-1"),
                PatientId.of("p-1"),
                SiteId.of("riverside"),
                Instant.parse("2026-11-21T09:30:00.123Z"),
                "GP consultation");

        Encounter parsed = throughJson(translator.toFhir(consultation));

        assertThat(EncounterTranslator.toNewEncounter(parsed))
                .isEqualTo(new NewEncounter(
                        consultation.patient(), consultation.site(), consultation.start(), "GP consultation"));
        assertThat(parsed.getIdPart()).isEqualTo("e-1");
        assertThat(parsed.getClass_().getCode()).isEqualTo("AMB");
    }

    @Test
    void isInProgressOnTheDayItStartedAndFinishedAfterwards() {
        Encounter today = translator.toFhir(startingAt("2026-11-21T00:30:00Z"));
        Encounter yesterday = translator.toFhir(startingAt("2026-11-20T23:59:00Z"));

        assertThat(today.getStatus()).isEqualTo(EncounterStatus.INPROGRESS);
        assertThat(yesterday.getStatus()).isEqualTo(EncounterStatus.FINISHED);
    }

    @Test
    void leavesOutTheLocationAndDescriptionTheHostDoesNotHave() {
        Encounter encounter =
                translator.toFhir(new HostEncounter(EncounterId.of("e-2"), PatientId.of("p-1"), null, NOW, null));

        assertThat(encounter.hasLocation()).isFalse();
        assertThat(encounter.hasType()).isFalse();
        assertThat(EncounterTranslator.toNewEncounter(encounter))
                .isEqualTo(new NewEncounter(PatientId.of("p-1"), null, NOW, null));
    }

    @Test
    void refusesASubjectThatIsNoPatientAndAStartWithoutATime() {
        Encounter ofAGroup = new Encounter().setSubject(new Reference("Group/g-1"));
        Encounter startingSomeDay = new Encounter().setSubject(new Reference("Patient/p-1"));
        startingSomeDay.getPeriod().setStartElement(new DateTimeType("2026-11-21"));

        assertRefused(() -> EncounterTranslator.toNewEncounter(ofAGroup), ErrorCode.SAF_4, "subject");
        assertRefused(() -> EncounterTranslator.toNewEncounter(startingSomeDay), ErrorCode.SAF_4, "period.start");
    }

    private static HostEncounter startingAt(String start) {
        return new HostEncounter(EncounterId.of("e"), PatientId.of("p-1"), null, Instant.parse(start), null);
    }

    private static Encounter throughJson(Encounter encounter) {
        return FHIR.newJsonParser()
                .parseResource(Encounter.class, FHIR.newJsonParser().encodeResourceToString(encounter));
    }
}
