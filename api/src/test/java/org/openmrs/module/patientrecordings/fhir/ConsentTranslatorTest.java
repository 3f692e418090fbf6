/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openmrs.module.patientrecordings.consent.RecordingConsent;
import org.openmrs.module.patientrecordings.domain.ConsentState;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.RuleViolationException;
import org.openmrs.module.patientrecordings.domain.UserId;
import org.openmrs.module.patientrecordings.policy.ConsentGiver;

class ConsentTranslatorTest {

    private static final List<String> PROFILED =
            List.of("extension", "status", "scope", "category", "patient", "dateTime", "performer", "provision");

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "consent-given",
                "consent-withheld",
                "consent-withdrawn",
                "consent-by-parent",
                "consent-superseded"
            })
    void everyConsentExampleSurvivesTheTripToTheDomainAndBack(String id) {
        Consent example = withSite(ProfileSources.example(Consent.class, id));

        Consent back = ConsentTranslator.toFhir(ConsentReader.toDomain(example, UserId.of("unknown")));

        assertThat(ProfiledElements.of(back, PROFILED).toString())
                .isEqualTo(ProfiledElements.of(comparable(example), PROFILED).toString());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "consent-given",
                "consent-withheld",
                "consent-withdrawn",
                "consent-by-parent",
                "consent-superseded"
            })
    void translatedConsentValidatesAgainstTheProfileWithoutErrors(String id) {
        RecordingConsent consent =
                ConsentReader.toDomain(withSite(ProfileSources.example(Consent.class, id)), UserId.of("unknown"));

        var errors = ProfileValidator.errors(ConsentTranslator.toFhir(consent));

        assertThat(errors).as(ProfileValidator.describe(errors)).isEmpty();
    }

    @Test
    void anEarlierVersionIsTheHistoryUpToThatDecision() {
        RecordingConsent withdrawn = ConsentReader.toDomain(
                withSite(ProfileSources.example(Consent.class, "consent-withdrawn")), UserId.of("unknown"));

        RecordingConsent first = ConsentTranslator.asOfVersion(withdrawn, 1);

        assertThat(first.state()).isEqualTo(ConsentState.GIVEN);
        assertThat(ConsentTranslator.toFhir(first).getStatus()).isEqualTo(Consent.ConsentState.ACTIVE);
        assertThatThrownBy(() -> ConsentTranslator.asOfVersion(withdrawn, 3))
                .isInstanceOfSatisfying(
                        RuleViolationException.class,
                        e -> assertThat(e.decision().codes()).containsExactly(ErrorCode.NF_1));
    }

    @Test
    void aPostedConsentWithholdingIsTheCommandToRecordARefusal() {
        ConsentReader.Decision decision =
                ConsentReader.toCommand(withSite(ProfileSources.example(Consent.class, "consent-withheld")));

        assertThat(decision.decision()).isEqualTo(ConsentState.WITHHELD);
        assertThat(decision.command().terms().purposes())
                .extracting(p -> p.code())
                .containsExactly("TRAINING");
    }

    @Test
    void aParentsConsentReadsAsTheirsWithTheirRelationship() {
        ConsentReader.Decision decision =
                ConsentReader.toCommand(withSite(ProfileSources.example(Consent.class, "consent-by-parent")));

        assertThat(decision.command().giver())
                .isEqualTo(ConsentGiver.representative(
                        ConsentGiver.Authority.PARENTAL_RESPONSIBILITY, "Sara Example", "mother"));
    }

    @Test
    void aBestInterestsDecisionIsTheClinicianWithThePeopleConsultedAndValidates() {
        RecordingConsent given = ConsentReader.toDomain(
                withSite(ProfileSources.example(Consent.class, "consent-given")), UserId.of("dr-who"));
        RecordingConsent best = new RecordingConsent(
                given.id(),
                given.patient(),
                null,
                given.site(),
                given.terms(),
                given.attestation(),
                ConsentGiver.bestInterests(List.of(
                        new ConsentGiver.Consulted("Joe Carer", "paid carer"),
                        new ConsentGiver.Consulted("Ria", "daughter"))),
                given.history(),
                given.version());

        Consent fhir = ConsentTranslator.toFhir(best);

        assertThat(fhir.getPerformerFirstRep().getReference()).isEqualTo("Practitioner/dr-who");
        var errors = ProfileValidator.errors(fhir);
        assertThat(errors).as(ProfileValidator.describe(errors)).isEmpty();
        fhir.setStatus(Consent.ConsentState.ACTIVE);
        assertThat(ConsentReader.toCommand(fhir).command().giver()).isEqualTo(best.giver());
    }

    @Test
    void aCompetentChildsOwnConsentCarriesTheAttestation() {
        Consent posted = withSite(ProfileSources.example(Consent.class, "consent-given"));
        posted.addExtension(FhirUrls.EXT_COMPETENCE_ATTESTATION, new BooleanType(true));

        RecordingConsent read = ConsentReader.toDomain(posted, UserId.of("unknown"));
        Consent back = ConsentTranslator.toFhir(read);

        assertThat(read.giver()).isEqualTo(ConsentGiver.patient(true));
        assertThat(back.getExtensionByUrl(FhirUrls.EXT_COMPETENCE_ATTESTATION)).isNotNull();
        var errors = ProfileValidator.errors(back);
        assertThat(errors).as(ProfileValidator.describe(errors)).isEmpty();
    }

    @Test
    void aClinicianAsPerformerIsABestInterestsDecisionForTheRulesToCheck() {
        Consent posted = withSite(ProfileSources.example(Consent.class, "consent-given"));
        posted.getPerformer().clear();
        posted.addPerformer(new Reference("Practitioner/dr-who"));

        assertThat(ConsentReader.toCommand(posted).command().giver()).isEqualTo(ConsentGiver.bestInterests(List.of()));
    }

    @Test
    void aBestInterestsDecisionWithThePatientAsPerformerIsRefused() {
        Consent posted = withSite(ProfileSources.example(Consent.class, "consent-given"));
        posted.addExtension().setUrl(FhirUrls.EXT_BEST_INTERESTS);

        assertThatThrownBy(() -> ConsentReader.toCommand(posted))
                .isInstanceOfSatisfying(
                        RuleViolationException.class,
                        e -> assertThat(e.decision().codes()).containsExactly(ErrorCode.SAF_4));
    }

    /** The examples do not name the site a consent was sought at; the server needs it (POL-1). */
    private static Consent withSite(Consent example) {
        example.getProvision().addExtension(Hl7Systems.EXT_CONSENT_LOCATION, new Reference("Location/example-site"));
        return example;
    }

    /**
     * What the domain does not keep: the audience as resources rather than as what the patient was told (CON-2
     * keeps the words).
     */
    private static Consent comparable(Consent example) {
        Consent c = example.copy();
        c.getProvision().getActor().forEach(a -> a.getReference().setReference(null));
        return c;
    }
}
