/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.fhir;

import java.util.EnumSet;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Media;
import org.hl7.fhir.r4.model.Media.MediaStatus;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.RecordingState;
import org.openmrs.module.patientrecordings.recording.Recording;
import org.openmrs.module.patientrecordings.recording.RecordingFlag;

/**
 * Our lifecycle on FHIR's four Media statuses. FHIR has no status for awaiting confirmation, sealed, voided or
 * destroyed, so the profile carries them elsewhere: the consent-status extension (AWAITING_CONFIRMATION, CON-7), the
 * SEALED security label (CON-5/6), entered-in-error (REC-1) and the event-statusReason extension with the rule's
 * code (CON-5, CON-6, CON-7 for a sealing; REC-1 for a void with its reason as text; REC-4 once destroyed).
 */
final class MediaStatusMapping {

    private MediaStatusMapping() {}

    static void write(Recording r, Media media) {
        media.setStatus(status(r));
        ErrorCode reason = reason(r);
        if (reason != null) {
            CodeableConcept concept =
                    new CodeableConcept(new Coding(FhirUrls.CS_ERROR_CODE, reason.code(), reason.title()));
            if (r.state() == RecordingState.VOIDED) {
                concept.setText(r.voidReason());
            }
            media.addExtension(Hl7Systems.EXT_EVENT_STATUS_REASON, concept);
        }
        if (r.state() == RecordingState.SEALED) {
            media.getMeta().addSecurity(FhirUrls.CS_SECURITY_LABEL, "SEALED", null);
        }
    }

    private static MediaStatus status(Recording r) {
        return switch (r.state()) {
            case REQUESTED, IN_PROGRESS -> MediaStatus.INPROGRESS;
            case VOIDED -> MediaStatus.ENTEREDINERROR;
            case STOPPED -> MediaStatus.STOPPED;
            case COMPLETED -> MediaStatus.COMPLETED;
            default -> endedEarly(r) ? MediaStatus.STOPPED : MediaStatus.COMPLETED;
        };
    }

    private static boolean endedEarly(Recording r) {
        return r.hasFlag(RecordingFlag.ENDED_EARLY) || r.hasFlag(RecordingFlag.WITHDRAWN_DURING_RECORDING);
    }

    private static ErrorCode reason(Recording r) {
        return switch (r.state()) {
            case VOIDED -> ErrorCode.REC_1;
            case DESTROYED -> ErrorCode.REC_4;
            case SEALED -> sealingRule(r);
            default -> null;
        };
    }

    private static ErrorCode sealingRule(Recording r) {
        if (r.hasFlag(RecordingFlag.WITHDRAWN_DURING_RECORDING)) {
            return ErrorCode.CON_5;
        }
        return r.hasFlag(RecordingFlag.CONFIRMATION_REFUSED) ? ErrorCode.CON_7 : ErrorCode.CON_6;
    }

    /**
     * Reads the state back.
     *
     * @param awaitingConfirmation whether the consent-status extension says AWAITING_CONFIRMATION
     */
    static State read(Media media, boolean awaitingConfirmation) {
        CodeableConcept reason = Refs.value(
                        media,
                        Hl7Systems.EXT_EVENT_STATUS_REASON,
                        CodeableConcept.class,
                        "Media.extension:statusReason")
                .orElse(null);
        String code = reason == null ? null : reason.getCodingFirstRep().getCode();
        boolean sealed = media.getMeta().getSecurity(FhirUrls.CS_SECURITY_LABEL, "SEALED") != null;
        Set<RecordingFlag> flags = EnumSet.noneOf(RecordingFlag.class);
        if (ErrorCode.CON_5.code().equals(code)) {
            flags.add(RecordingFlag.WITHDRAWN_DURING_RECORDING);
        } else if (media.getStatus() == MediaStatus.STOPPED) {
            flags.add(RecordingFlag.ENDED_EARLY);
        }
        if (ErrorCode.CON_7.code().equals(code)) {
            flags.add(RecordingFlag.CONFIRMATION_REFUSED);
        }
        if (media.getStatus() == null) {
            throw Refs.invalid("Media.status", "a recording needs a status");
        }
        RecordingState state = switch (media.getStatus()) {
            case INPROGRESS, PREPARATION -> RecordingState.IN_PROGRESS;
            case ENTEREDINERROR -> RecordingState.VOIDED;
            default -> {
                if (ErrorCode.REC_4.code().equals(code)) {
                    yield RecordingState.DESTROYED;
                } else if (sealed) {
                    yield RecordingState.SEALED;
                } else if (awaitingConfirmation) {
                    yield RecordingState.PENDING_CONFIRMATION;
                }
                yield media.getStatus() == MediaStatus.STOPPED ? RecordingState.STOPPED : RecordingState.COMPLETED;
            }
        };
        return new State(state, flags, reason != null && reason.hasText() ? reason.getText() : null);
    }

    /**
     * A state read back from a Media.
     *
     * @param state the lifecycle state
     * @param flags the flags the status implies
     * @param voidReason the text of a void's status reason, or null
     */
    record State(RecordingState state, Set<RecordingFlag> flags, String voidReason) {}
}
