/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.fhir;

import java.time.Instant;
import java.util.List;
import org.hl7.fhir.r4.model.Media;
import org.openmrs.module.patientrecordings.domain.EncounterId;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.RecordingId;
import org.openmrs.module.patientrecordings.domain.RecordingState;
import org.openmrs.module.patientrecordings.domain.UserId;
import org.openmrs.module.patientrecordings.policy.CallContext;
import org.openmrs.module.patientrecordings.recording.Recording;
import org.openmrs.module.patientrecordings.recording.StartCommand;

/**
 * A Media posted to start a recording (create) read as the service's {@link StartCommand}. What the server decides
 * (id, status, times, content, retention, consent status, policy version) is ignored, as FHIR create expects; the
 * content type it declares ({@code content.contentType}) is kept for the content to come.
 */
public final class MediaCommands {

    private static final UserId IGNORED = UserId.of("ignored");

    private MediaCommands() {}

    /**
     * @throws org.openmrs.module.patientrecordings.domain.RuleViolationException SAF-4 naming the element that does
     *     not fit the profile
     */
    public static StartCommand toStartCommand(Media m) {
        Recording.Builder b = Recording.builder();
        MediaExtensions.read(m, b);
        MediaRegisterExtensions.read(m, b);
        Recording r = b.id(RecordingId.of("new"))
                .patient(PatientId.of(Refs.idOf(m.getSubject(), "Patient", "Media.subject")))
                .kind(MediaTranslator.kind(m))
                .mediaType(MediaTranslator.mediaType(m))
                .operator(IGNORED)
                .state(RecordingState.REQUESTED)
                .startedAt(Instant.EPOCH)
                .build();
        CallContext call = r.call() == null
                ? null
                : new CallContext(r.call().type(), r.call().explicitNoticeGiven(), false);
        return new StartCommand(
                r.patient(),
                Refs.idIfAny(m.getEncounter(), "Encounter", "Media.encounter")
                        .map(EncounterId::of)
                        .orElse(null),
                r.site(),
                r.kind(),
                r.mediaType(),
                r.initiator(),
                r.mode(),
                r.purposes(),
                r.defenceReason(),
                List.of(),
                call,
                r.areaCode(),
                r.thirdParties(),
                r.sharedCopy(),
                null,
                MediaContent.declaredType(m.getContent()));
    }
}
