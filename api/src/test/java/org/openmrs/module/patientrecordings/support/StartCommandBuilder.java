/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.support;

import java.time.LocalDate;
import java.util.List;
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
import org.openmrs.module.patientrecordings.recording.CapturedParty;
import org.openmrs.module.patientrecordings.recording.SharedCopy;
import org.openmrs.module.patientrecordings.recording.StartCommand;

/** A request to start a recording, overt and for direct care unless told otherwise. */
public final class StartCommandBuilder {

    private final PatientId patient;
    private SiteId site;
    private EncounterId encounter;
    private RecordingKind kind;
    private MediaType mediaType;
    private Initiator initiator = Initiator.CLINICIAN;
    private RecordingMode mode = RecordingMode.OVERT;
    private Set<Purpose> purposes = Set.of(Purpose.DIRECT_CARE);
    private String defenceReason;
    private List<UserId> staffPresent = List.of();
    private CallContext call;
    private String areaCode;
    private List<CapturedParty> thirdParties = List.of();
    private SharedCopy sharedCopy;
    private String declaredContentType;

    StartCommandBuilder(PatientId patient, SiteId site, RecordingKind kind, MediaType mediaType) {
        this.patient = patient;
        this.site = site;
        this.kind = kind;
        this.mediaType = mediaType;
    }

    public StartCommandBuilder in(EncounterId value) {
        this.encounter = value;
        return this;
    }

    public StartCommandBuilder at(SiteId value) {
        this.site = value;
        return this;
    }

    public StartCommandBuilder ofKind(RecordingKind value) {
        this.kind = value;
        return this;
    }

    public StartCommandBuilder forPurposes(Purpose... values) {
        this.purposes = Set.of(values);
        return this;
    }

    public StartCommandBuilder forNoPurpose() {
        this.purposes = Set.of();
        return this;
    }

    public StartCommandBuilder initiatedBy(Initiator value) {
        this.initiator = value;
        return this;
    }

    public StartCommandBuilder byThePatient() {
        return initiatedBy(Initiator.PATIENT).forPurposes(Purpose.PATIENT_OWN_USE);
    }

    public StartCommandBuilder covert() {
        this.mode = RecordingMode.COVERT;
        return this;
    }

    public StartCommandBuilder withStaffPresent(UserId... values) {
        this.staffPresent = List.of(values);
        return this;
    }

    public StartCommandBuilder defenceReason(String value) {
        this.defenceReason = value;
        return this;
    }

    public StartCommandBuilder call(CallContext value) {
        this.call = value;
        return this;
    }

    public StartCommandBuilder inArea(String value) {
        this.areaCode = value;
        return this;
    }

    public StartCommandBuilder capturing(CapturedParty... parties) {
        this.thirdParties = List.of(parties);
        return this;
    }

    /** The content type the client declares for the content to come. */
    public StartCommandBuilder declaringContentType(String value) {
        this.declaredContentType = value;
        return this;
    }

    /** A copy the patient shares into the record (PAT-2). */
    public StartCommandBuilder sharedCopy(LocalDate receivedOn, String howObtained) {
        this.sharedCopy = new SharedCopy(receivedOn, howObtained);
        return this;
    }

    public StartCommand build() {
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
                null,
                declaredContentType);
    }
}
