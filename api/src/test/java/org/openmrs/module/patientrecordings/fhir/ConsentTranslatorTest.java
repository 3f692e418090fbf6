/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
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

class ConsentTranslatorTest {

    private static final List<String> PROFILED =
            List.of("extension", "status", "scope", "category", "patient", "dateTime", "performer", "provision");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"consent-given", "consent-withheld", "consent-withdrawn"})
    void everyConsentExampleSurvivesTheTripToTheDomainAndBack(String id) {
        Consent example = withSite(ProfileSources.example(Consent.class, id));

        Consent back = ConsentTranslator.toFhir(ConsentReader.toDomain(example, UserId.of("unknown")));

        assertThat(ProfiledElements.of(back, PROFILED).toString())
                .isEqualTo(ProfiledElements.of(comparable(example), PROFILED).toString());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"consent-given", "consent-withheld", "consent-withdrawn"})
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
