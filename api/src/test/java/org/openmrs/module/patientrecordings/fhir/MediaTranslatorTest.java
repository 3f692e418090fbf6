/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Media;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.RecordingState;
import org.openmrs.module.patientrecordings.domain.RuleViolationException;
import org.openmrs.module.patientrecordings.domain.UserId;
import org.openmrs.module.patientrecordings.recording.StartCommand;

class MediaTranslatorTest {

    private static final List<String> PROFILED = List.of(
            "meta",
            "extension",
            "status",
            "type",
            "modality",
            "subject",
            "encounter",
            "createdPeriod",
            "createdDateTime",
            "content");

    private static final UserId UNKNOWN = UserId.of("unknown");

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "consultation-recording", "withdrawn-recording", "covert-recording", "legal-hold-recording",
                "patient-made-recording", "telephone-call", "xray-implicit-consent", "anonymised-derivative"
            })
    void everyMediaExampleSurvivesTheTripToTheDomainAndBack(String id) {
        Media example = ProfileSources.example(Media.class, id);
        RecordingView view = MediaTranslator.toDomain(example, UNKNOWN);

        Media back = MediaTranslator.toFhir(view.recording(), view.context());

        assertThat(ProfiledElements.of(back, PROFILED).toString())
                .isEqualTo(ProfiledElements.of(comparable(example), PROFILED).toString());
        if (example.getOperator().getReference() != null) {
            assertThat(back.getOperator().getReference())
                    .isEqualTo(example.getOperator().getReference());
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "consultation-recording", "withdrawn-recording", "covert-recording", "legal-hold-recording",
                "patient-made-recording", "telephone-call", "xray-implicit-consent", "anonymised-derivative"
            })
    void translatedMediaValidatesAgainstTheProfileWithoutErrors(String id) {
        RecordingView view = MediaTranslator.toDomain(ProfileSources.example(Media.class, id), UNKNOWN);

        var errors = ProfileValidator.errors(MediaTranslator.toFhir(view.recording(), view.context()));

        assertThat(errors).as(ProfileValidator.describe(errors)).isEmpty();
    }

    @Test
    void aRecordingWithdrawnDuringCaptureReadsAsSealedAndStopped() {
        RecordingView view =
                MediaTranslator.toDomain(ProfileSources.example(Media.class, "withdrawn-recording"), UNKNOWN);

        assertThat(view.recording().state()).isEqualTo(RecordingState.SEALED);
        assertThat(MediaTranslator.toFhir(view.recording(), view.context()).getStatus())
                .isEqualTo(Media.MediaStatus.STOPPED);
    }

    @Test
    void aPostedMediaBecomesTheCommandToStartARecording() {
        StartCommand command =
                MediaCommands.toStartCommand(ProfileSources.example(Media.class, "consultation-recording"));

        assertThat(command.patient().value()).isEqualTo("example");
        assertThat(command.site().value()).isEqualTo("example-site");
        assertThat(command.purposes()).extracting(p -> p.code()).containsExactlyInAnyOrder("DIRECT_CARE", "TRAINING");
    }

    @Test
    void aSharedCopyWithoutHowItWasObtainedReachesPat2AsAnEmptyAnswer() {
        Media media = ProfileSources.example(Media.class, "patient-made-recording");
        Extension shared = media.getExtensionByUrl(FhirUrls.EXT_PATIENT_SHARED_COPY);
        assertThat(shared).as("the example is a shared copy").isNotNull();
        shared.getExtension().removeIf(e -> e.getUrl().equals("obtainedBy"));

        StartCommand command = MediaCommands.toStartCommand(media);

        assertThat(command.sharedCopy().howObtained()).isEmpty();
    }

    @Test
    void aMediaWithoutItsSiteIsRefusedNamingTheElement() {
        Media media = ProfileSources.example(Media.class, "consultation-recording");
        media.getExtension().removeIf(e -> e.getUrl().equals(Hl7Systems.EXT_EVENT_LOCATION));

        assertThatThrownBy(() -> MediaCommands.toStartCommand(media))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> {
                    assertThat(e.decision().codes()).containsExactly(ErrorCode.SAF_4);
                    assertThat(e.reasons().get(0).location()).isEqualTo("Media.extension:site");
                });
    }

    /**
     * The example with what the domain does not keep taken out: a shared copy is received on a day (PAT-2), and a
     * third party is shown by our fixed wording rather than identified.
     */
    private static Media comparable(Media example) {
        Media m = example.copy();
        for (Extension shared : m.getExtensionsByUrl(FhirUrls.EXT_PATIENT_SHARED_COPY)) {
            Extension received = shared.getExtensionByUrl("received");
            received.setValue(new org.hl7.fhir.r4.model.DateTimeType(
                    received.getValue().primitiveValue().substring(0, 10)));
        }
        for (Extension party : m.getExtensionsByUrl(FhirUrls.EXT_THIRD_PARTY_CAPTURED)) {
            party.getExtensionByUrl("party").setValue(new Reference());
        }
        return m;
    }
}
