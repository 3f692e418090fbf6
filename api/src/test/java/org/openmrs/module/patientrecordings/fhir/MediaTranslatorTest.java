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
import org.openmrs.module.patientrecordings.domain.RecordingId;
import org.openmrs.module.patientrecordings.domain.RecordingState;
import org.openmrs.module.patientrecordings.domain.RuleViolationException;
import org.openmrs.module.patientrecordings.domain.UserId;
import org.openmrs.module.patientrecordings.recording.CapturedParty;
import org.openmrs.module.patientrecordings.recording.Recording;
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
    void theContentTypeAPostedMediaDeclaresIsKeptAndShownUntilContentArrives() {
        Media posted = ProfileSources.example(Media.class, "consultation-recording");
        posted.setContent(new org.hl7.fhir.r4.model.Attachment().setContentType("Video/WebM; codecs=vp8"));

        StartCommand command = MediaCommands.toStartCommand(posted);
        Recording started = Recording.builder()
                .id(RecordingId.of("started"))
                .patient(command.patient())
                .site(command.site())
                .kind(command.kind())
                .mediaType(command.mediaType())
                .initiator(command.initiator())
                .mode(command.mode())
                .purposes(command.purposes())
                .operator(UNKNOWN)
                .state(RecordingState.IN_PROGRESS)
                .startedAt(java.time.Instant.parse("2026-03-02T10:15:00Z"))
                .declaredContentType(command.declaredContentType())
                .build();
        Media shown = MediaTranslator.toFhir(started, new MediaContext(null, List.of(), null, List.of(), ""));

        assertThat(command.declaredContentType()).isEqualTo("video/webm");
        assertThat(shown.getContent().getContentType()).isEqualTo("video/webm");
        assertThat(shown.getContent().hasUrl()).isFalse();
        assertThat(MediaTranslator.toDomain(shown, UNKNOWN).recording().declaredContentType())
                .isEqualTo("video/webm");
    }

    @Test
    void aPostedMediaDeclaringNoUsefulContentTypeDeclaresNone() {
        Media posted = ProfileSources.example(Media.class, "consultation-recording");
        posted.setContent(new org.hl7.fhir.r4.model.Attachment().setContentType("application/octet-stream"));

        assertThat(MediaCommands.toStartCommand(posted).declaredContentType()).isNull();
    }

    @Test
    void everyPartyCapturedIsKeptWithWhoTheyAreAndTheirConsent() {
        Media example = ProfileSources.example(Media.class, "legal-hold-recording");

        Recording read = MediaTranslator.toDomain(example, UNKNOWN).recording();
        StartCommand posted = MediaCommands.toStartCommand(example);

        List<CapturedParty> expected = List.of(
                new CapturedParty(CapturedParty.Role.STAFF, "example-nurse", "Nurse Jo Example", true),
                new CapturedParty(CapturedParty.Role.VISITOR, null, "Visitor accompanying the patient", false));
        assertThat(read.thirdParties()).containsExactlyElementsOf(expected);
        assertThat(posted.thirdParties()).containsExactlyElementsOf(expected);
        assertThat(read.othersCapturedWithoutConsent()).isTrue();
    }

    @Test
    void aPartyWhoConsentedIsKeptAndTheirRoleFollowsTheirReference() {
        Media media = ProfileSources.example(Media.class, "consultation-recording");
        Extension party = media.addExtension().setUrl(FhirUrls.EXT_THIRD_PARTY_CAPTURED);
        party.addExtension("party", new Reference("Patient/other-patient"));
        party.addExtension("consented", new org.hl7.fhir.r4.model.BooleanType(true));

        StartCommand command = MediaCommands.toStartCommand(media);

        assertThat(command.thirdParties())
                .containsExactly(new CapturedParty(CapturedParty.Role.PATIENT, "other-patient", null, true));
    }

    @Test
    void aPartyNeitherReferencedNorDescribedIsRefused() {
        Media media = ProfileSources.example(Media.class, "consultation-recording");
        Extension party = media.addExtension().setUrl(FhirUrls.EXT_THIRD_PARTY_CAPTURED);
        party.addExtension("party", new Reference().setDisplay("  "));
        party.addExtension("consented", new org.hl7.fhir.r4.model.BooleanType(false));

        assertThatThrownBy(() -> MediaCommands.toStartCommand(media))
                .isInstanceOfSatisfying(
                        RuleViolationException.class,
                        e -> assertThat(e.decision().codes()).containsExactly(ErrorCode.SAF_4));
    }

    @Test
    void aPartyWhoseRoleContradictsTheirReferenceIsRefused() {
        Media media = ProfileSources.example(Media.class, "consultation-recording");
        Extension party = media.addExtension().setUrl(FhirUrls.EXT_THIRD_PARTY_CAPTURED);
        party.addExtension("party", new Reference("Patient/other-patient"));
        party.addExtension("role", new org.hl7.fhir.r4.model.Coding(FhirUrls.CS_CAPTURED_PARTY_ROLE, "STAFF", null));
        party.addExtension("consented", new org.hl7.fhir.r4.model.BooleanType(false));

        assertThatThrownBy(() -> MediaCommands.toStartCommand(media))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> {
                    assertThat(e.decision().codes()).containsExactly(ErrorCode.SAF_4);
                    assertThat(e.reasons().get(0).location()).isEqualTo("Media.extension:thirdPartyCaptured.party");
                });
    }

    @Test
    void theAreaOfTheSiteAMediaNamesReachesPat3AndIsShownBack() {
        Media example = ProfileSources.example(Media.class, "patient-made-recording");

        StartCommand command = MediaCommands.toStartCommand(example);
        Recording read = MediaTranslator.toDomain(example, UNKNOWN).recording();
        Media back = MediaTranslator.toFhir(read, new MediaContext(null, List.of(), null, List.of(), ""));

        assertThat(command.areaCode()).isEqualTo("RECEPTION");
        assertThat(read.areaCode()).isEqualTo("RECEPTION");
        assertThat(back.getExtensionByUrl(FhirUrls.EXT_AREA).getValue().primitiveValue())
                .isEqualTo("RECEPTION");
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

    /** The example with what the domain does not keep taken out: a shared copy is received on a day (PAT-2). */
    private static Media comparable(Media example) {
        Media m = example.copy();
        for (Extension shared : m.getExtensionsByUrl(FhirUrls.EXT_PATIENT_SHARED_COPY)) {
            Extension received = shared.getExtensionByUrl("received");
            received.setValue(new org.hl7.fhir.r4.model.DateTimeType(
                    received.getValue().primitiveValue().substring(0, 10)));
        }
        return m;
    }
}
