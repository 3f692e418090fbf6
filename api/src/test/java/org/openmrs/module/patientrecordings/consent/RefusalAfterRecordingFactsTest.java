/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openmrs.module.patientrecordings.domain.ConsentId;
import org.openmrs.module.patientrecordings.domain.ConsentState;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.Purpose;
import org.openmrs.module.patientrecordings.domain.RecordingId;
import org.openmrs.module.patientrecordings.domain.RecordingKind;
import org.openmrs.module.patientrecordings.domain.SiteId;
import org.openmrs.module.patientrecordings.domain.UserId;
import org.openmrs.module.patientrecordings.policy.Attestation;
import org.openmrs.module.patientrecordings.policy.ConsentFact;
import org.openmrs.module.patientrecordings.policy.ConsentTerms;

/** CON-7: how a refusal after one recording bears on the consent facts the rules read for each recording. */
@DisplayName("CON-7: the consent facts for a recording the patient refused afterwards")
class RefusalAfterRecordingFactsTest {

    private static final Instant GIVEN_AT = Instant.parse("2026-03-02T09:00:00Z");
    private final UserId clinician = UserId.of("dr-lee");
    private final RecordingId refused = RecordingId.of("refused-recording");
    private final RecordingId other = RecordingId.of("other-recording");

    @Test
    @DisplayName("CON-7: for the recording refused, the consent counts as withdrawn at the instant of the refusal")
    void con7_refusedRecordingSeesAWithdrawalAtTheRefusal() {
        RecordingConsent consent = given().with(event(ConsentEventType.REFUSED_AFTER_RECORDING, 60, refused));

        ConsentFact fact = consent.factFor(refused);

        assertThat(fact.state()).isEqualTo(ConsentState.WITHDRAWN);
        assertThat(fact.decidedAt()).isEqualTo(GIVEN_AT.plusSeconds(60));
        assertThat(consent.fact().state()).isEqualTo(ConsentState.GIVEN);
    }

    @Test
    @DisplayName("CON-7: a refusal after one recording leaves the consent given for every other recording")
    void con7_refusalDoesNotBearOnOtherRecordings() {
        RecordingConsent consent = given().with(event(ConsentEventType.REFUSED_AFTER_RECORDING, 60, refused));

        assertThat(consent.factFor(other)).isEqualTo(consent.fact());
        assertThat(consent.factFor(other).state()).isEqualTo(ConsentState.GIVEN);
    }

    @Test
    @DisplayName("CON-7: a confirmation after the recording is no refusal: the consent stays given for it")
    void con7_confirmationIsNoRefusal() {
        RecordingConsent consent = given().with(event(ConsentEventType.CONFIRMED_AFTER_RECORDING, 60, refused));

        assertThat(consent.factFor(refused)).isEqualTo(consent.fact());
        assertThat(consent.factFor(refused).state()).isEqualTo(ConsentState.GIVEN);
    }

    @Test
    @DisplayName("CON-7, CON-6: once the consent itself is withdrawn, the refused recording reads that withdrawal")
    void con7_laterWithdrawalPrevailsForTheRefusedRecording() {
        RecordingConsent consent = given().with(event(ConsentEventType.REFUSED_AFTER_RECORDING, 60, refused))
                .with(event(ConsentEventType.WITHDRAWN, 120, null));

        assertThat(consent.factFor(refused)).isEqualTo(consent.fact());
        assertThat(consent.factFor(refused).decidedAt()).isEqualTo(GIVEN_AT.plusSeconds(120));
    }

    @Test
    @DisplayName("CON-7: once superseded, the consent reads as superseded for the refused recording too")
    void con7_supersededAfterRefusalReadsSuperseded() {
        ConsentId successor = ConsentId.of("later-consent");
        RecordingConsent consent = given().with(event(ConsentEventType.REFUSED_AFTER_RECORDING, 60, refused))
                .with(new ConsentEvent(
                        ConsentEventType.SUPERSEDED, GIVEN_AT.plusSeconds(120), clinician, null, null, successor));

        assertThat(consent.factFor(refused).state()).isEqualTo(ConsentState.SUPERSEDED);
        assertThat(consent.factFor(refused)).isEqualTo(consent.fact());
    }

    private RecordingConsent given() {
        return new RecordingConsent(
                ConsentId.of("consent-1"),
                PatientId.of("ann"),
                null,
                SiteId.of("riverside-practice"),
                new ConsentTerms(
                        Set.of(RecordingKind.CONSULTATION),
                        Set.of(Purpose.DIRECT_CARE, Purpose.TRAINING),
                        List.of("The care team"),
                        "The patient's care",
                        false,
                        "Encrypted, on the practice's server",
                        "As long as the rest of the record",
                        null),
                Attestation.COMPLETE,
                List.of(new ConsentEvent(ConsentEventType.GIVEN, GIVEN_AT, clinician, null, null)),
                0);
    }

    private ConsentEvent event(ConsentEventType type, long secondsLater, RecordingId recording) {
        return new ConsentEvent(type, GIVEN_AT.plusSeconds(secondsLater), clinician, recording, null);
    }
}
