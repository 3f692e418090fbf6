/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.recording;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.openmrs.module.patientrecordings.domain.EncounterId;
import org.openmrs.module.patientrecordings.domain.Initiator;
import org.openmrs.module.patientrecordings.domain.MediaType;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.Purpose;
import org.openmrs.module.patientrecordings.domain.RecordingKind;
import org.openmrs.module.patientrecordings.domain.RecordingMode;
import org.openmrs.module.patientrecordings.domain.SiteId;
import org.openmrs.module.patientrecordings.domain.UserId;
import org.openmrs.module.patientrecordings.policy.CallContext;

/**
 * What a clinician, an external system or the telephone routine asks for when starting a recording, or when adding
 * a copy the patient shared.
 *
 * @param patient whose recording
 * @param encounter the encounter, or null
 * @param site where
 * @param kind what it captures
 * @param mediaType audio, video or image
 * @param initiator who records
 * @param mode overt or covert
 * @param purposes why
 * @param defenceReason the stated reason for a purely defensive purpose (CON-11), or null
 * @param staffPresent other staff who will be recorded; the operator counts too
 * @param call for a telephone recording, or null
 * @param areaCode where in the site, or null
 * @param thirdParties the other people captured, with their consent (STF-2); null for none
 * @param sharedCopy for a patient's shared copy (PAT-2), or null
 * @param identifier the client's business identifier for the recording, or null
 * @param declaredContentType the content type the client declares for the content to come (lower case, without
 *     parameters), or null
 */
public record StartCommand(
        PatientId patient,
        EncounterId encounter,
        SiteId site,
        RecordingKind kind,
        MediaType mediaType,
        Initiator initiator,
        RecordingMode mode,
        Set<Purpose> purposes,
        String defenceReason,
        List<UserId> staffPresent,
        CallContext call,
        String areaCode,
        List<CapturedParty> thirdParties,
        SharedCopy sharedCopy,
        RecordingIdentifier identifier,
        String declaredContentType) {

    /** A command without a client identifier or declared content type. */
    public StartCommand(
            PatientId patient,
            EncounterId encounter,
            SiteId site,
            RecordingKind kind,
            MediaType mediaType,
            Initiator initiator,
            RecordingMode mode,
            Set<Purpose> purposes,
            String defenceReason,
            List<UserId> staffPresent,
            CallContext call,
            String areaCode,
            List<CapturedParty> thirdParties,
            SharedCopy sharedCopy) {
        this(
                patient,
                encounter,
                site,
                kind,
                mediaType,
                initiator,
                mode,
                purposes,
                defenceReason,
                staffPresent,
                call,
                areaCode,
                thirdParties,
                sharedCopy,
                null,
                null);
    }

    public StartCommand {
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(initiator, "initiator");
        mode = mode == null ? RecordingMode.OVERT : mode;
        purposes = purposes == null ? Set.of() : Set.copyOf(purposes);
        staffPresent = staffPresent == null ? List.of() : List.copyOf(staffPresent);
        thirdParties = thirdParties == null ? List.of() : List.copyOf(thirdParties);
    }

    /** This command with the client's business identifier for the new recording. */
    public StartCommand withIdentifier(RecordingIdentifier identifier) {
        return new StartCommand(
                patient,
                encounter,
                site,
                kind,
                mediaType,
                initiator,
                mode,
                purposes,
                defenceReason,
                staffPresent,
                call,
                areaCode,
                thirdParties,
                sharedCopy,
                identifier,
                declaredContentType);
    }
}
