/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.policy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.openmrs.module.patientrecordings.domain.Actor;
import org.openmrs.module.patientrecordings.domain.Initiator;
import org.openmrs.module.patientrecordings.domain.Purpose;
import org.openmrs.module.patientrecordings.domain.RecordingKind;
import org.openmrs.module.patientrecordings.domain.RecordingMode;
import org.openmrs.module.patientrecordings.policy.CallContext.CallType;
import org.openmrs.module.patientrecordings.policy.CovertAuthorisation.CovertJustification;

/** Requests to start a recording, as they arise in the clinic. */
final class RecordingRequests {

    private RecordingRequests() {}

    /** A clinician records a consultation for direct care; no consent recorded yet. */
    static StartBuilder aConsultation() {
        return new StartBuilder(RecordingKind.CONSULTATION, Initiator.CLINICIAN);
    }

    /** A clinician films an operative procedure for direct care. */
    static StartBuilder aProcedureRecording() {
        return new StartBuilder(RecordingKind.PROCEDURE, Initiator.CLINICIAN);
    }

    /** A clinician takes a clinical photograph for direct care. */
    static StartBuilder aClinicalPhoto() {
        return new StartBuilder(RecordingKind.CLINICAL_PHOTO, Initiator.CLINICIAN);
    }

    /** A clinician makes an implicit-consent recording (CON-9), e.g. an X-ray, for direct care. */
    static StartBuilder anImplicitConsentRecording(RecordingKind kind) {
        return new StartBuilder(kind, Initiator.CLINICIAN);
    }

    /** The patient records their own consultation for their own use (PAT-1). */
    static StartBuilder aPatientsOwnRecording() {
        return new StartBuilder(RecordingKind.CONSULTATION, Initiator.PATIENT).forPurposes(Purpose.PATIENT_OWN_USE);
    }

    /** The site's routine records an incoming call (TEL-1), for quality control. */
    static StartBuilder aRoutineCall() {
        return new StartBuilder(RecordingKind.TELEPHONE, Initiator.SYSTEM)
                .forPurposes(Purpose.QUALITY)
                .about(new CallContext(CallType.ROUTINE_INCOMING, false, false));
    }

    /** A copy the patient shares of their own recording, received today and emailed in (PAT-2). */
    static SharedCopyBuilder aSharedCopy() {
        return new SharedCopyBuilder();
    }

    /** A complete authorisation for covert recording of {@code patient}, covering the clinic's day. */
    static CovertAuthorisationBuilder anAuthorisationToRecordCovertly(PatientFacts patient) {
        return new CovertAuthorisationBuilder(patient);
    }

    static final class StartBuilder {
        private Actor actor = Fixtures.aClinician();
        private PatientFacts patient = Fixtures.aPatient();
        private RecordingKind kind;
        private Initiator initiator;
        private RecordingMode mode = RecordingMode.OVERT;
        private Set<Purpose> purposes = Set.of(Purpose.DIRECT_CARE);
        private String defenceReason;
        private SitePolicy site =
                SitePolicies.aSite().withRoutineCallRecording().build();
        private final List<ConsentFact> consents = new ArrayList<>();
        private final List<StaffPresence> staff = new ArrayList<>();
        private CovertAuthorisation authorisation;
        private CallContext call;
        private String areaCode;
        private Instant at = Fixtures.NOW;

        private StartBuilder(RecordingKind kind, Initiator initiator) {
            this.kind = kind;
            this.initiator = initiator;
        }

        StartBuilder forPatient(PatientFacts patient) {
            this.patient = patient;
            return this;
        }

        StartBuilder byClinician(Actor clinician) {
            this.actor = clinician;
            return this;
        }

        /** Whoever registers the recording (for a patient's own recording, the staff member noting it). */
        StartBuilder by(Actor actor) {
            this.actor = actor;
            return this;
        }

        StartBuilder ofKind(RecordingKind kind) {
            this.kind = kind;
            return this;
        }

        StartBuilder initiatedBy(Initiator initiator) {
            this.initiator = initiator;
            return this;
        }

        StartBuilder forPurposes(Purpose... purposes) {
            this.purposes = Set.of(purposes);
            return this;
        }

        StartBuilder forNoPurpose() {
            this.purposes = Set.of();
            return this;
        }

        /** CON-11: the stated reason for a purely defensive purpose. */
        StartBuilder becauseOf(String defenceReason) {
            this.defenceReason = defenceReason;
            return this;
        }

        StartBuilder atSite(SitePolicy site) {
            this.site = site;
            return this;
        }

        StartBuilder atSite(SitePolicies.SiteBuilder site) {
            return atSite(site.build());
        }

        StartBuilder withConsent(ConsentFact... consents) {
            this.consents.addAll(List.of(consents));
            return this;
        }

        StartBuilder withStaffPresent(StaffPresence... staff) {
            this.staff.addAll(List.of(staff));
            return this;
        }

        StartBuilder covertly() {
            this.mode = RecordingMode.COVERT;
            return this;
        }

        StartBuilder authorisedBy(CovertAuthorisation authorisation) {
            this.authorisation = authorisation;
            return this;
        }

        StartBuilder authorisedBy(CovertAuthorisationBuilder authorisation) {
            return authorisedBy(authorisation.build());
        }

        StartBuilder about(CallContext call) {
            this.call = call;
            return this;
        }

        StartBuilder ofA(CallType type, boolean explicitNoticeGiven) {
            return about(new CallContext(type, explicitNoticeGiven, false));
        }

        StartBuilder inArea(String areaCode) {
            this.areaCode = areaCode;
            return this;
        }

        StartBuilder at(Instant at) {
            this.at = at;
            return this;
        }

        StartRecordingRequest build() {
            return new StartRecordingRequest(
                    actor,
                    patient,
                    kind,
                    initiator,
                    mode,
                    purposes,
                    defenceReason,
                    site,
                    consents,
                    staff,
                    authorisation,
                    call,
                    areaCode,
                    at);
        }
    }

    static final class SharedCopyBuilder {
        private StartBuilder recording = aPatientsOwnRecording().forPurposes(Purpose.DIRECT_CARE);
        private LocalDate receivedOn = Fixtures.TODAY;
        private String howObtained = "emailed by the patient";

        SharedCopyBuilder of(StartBuilder recording) {
            this.recording = recording;
            return this;
        }

        SharedCopyBuilder receivedOn(LocalDate receivedOn) {
            this.receivedOn = receivedOn;
            return this;
        }

        SharedCopyBuilder obtained(String howObtained) {
            this.howObtained = howObtained;
            return this;
        }

        SharedCopyRequest build() {
            return new SharedCopyRequest(recording.build(), receivedOn, howObtained);
        }
    }

    static final class CovertAuthorisationBuilder {
        private PatientFacts patient;
        private String body = "Trust Senior Information Risk Owner";
        private String reference = "RIPA-2025-017";
        private String legalBasis = "Regulation of Investigatory Powers Act 2000";
        private CovertJustification justification = CovertJustification.PROTECT_FROM_SERIOUS_HARM;
        private Boolean noOtherMeans = true;
        private Instant from = Fixtures.NOW.minus(Duration.ofDays(1));
        private Instant until = Fixtures.NOW.plus(Duration.ofDays(13));
        private boolean ended;

        private CovertAuthorisationBuilder(PatientFacts patient) {
            this.patient = patient;
        }

        CovertAuthorisationBuilder forAnotherPatient() {
            this.patient = Fixtures.aPatient();
            return this;
        }

        CovertAuthorisationBuilder covering(Instant from, Instant until) {
            this.from = from;
            this.until = until;
            return this;
        }

        CovertAuthorisationBuilder endedEarly() {
            this.ended = true;
            return this;
        }

        /** Nothing but the patient: every other element missing. */
        CovertAuthorisationBuilder empty() {
            body = null;
            reference = null;
            legalBasis = null;
            justification = null;
            noOtherMeans = null;
            from = null;
            until = null;
            return this;
        }

        CovertAuthorisationBuilder withoutReference() {
            this.reference = " ";
            return this;
        }

        CovertAuthorisationBuilder withoutAttestingNoOtherMeans() {
            this.noOtherMeans = false;
            return this;
        }

        CovertAuthorisation build() {
            return new CovertAuthorisation(
                    patient == null ? null : patient.id(),
                    body,
                    reference,
                    legalBasis,
                    justification,
                    noOtherMeans,
                    from,
                    until,
                    ended);
        }
    }
}
