/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.policy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.openmrs.module.patientrecordings.domain.Actor;
import org.openmrs.module.patientrecordings.domain.Initiator;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.Purpose;
import org.openmrs.module.patientrecordings.domain.RecordingId;
import org.openmrs.module.patientrecordings.domain.RecordingKind;
import org.openmrs.module.patientrecordings.domain.RecordingMode;
import org.openmrs.module.patientrecordings.domain.RecordingState;

/** Recordings already in the record, and what people ask to do with them. */
final class Recordings {

    private Recordings() {}

    /** A completed, overt clinician recording of a consultation, part of the clinical record. */
    static RecordingBuilder aRecordedConsultation() {
        return new RecordingBuilder();
    }

    /** A request to {@code action} a recording for direct care by a clinician, with no consents on file. */
    static UseBuilder aRequestTo(UseAction action) {
        return new UseBuilder(action);
    }

    static final class RecordingBuilder {
        private final RecordingId id = RecordingId.random();
        private PatientId patient = PatientId.random();
        private RecordingKind kind = RecordingKind.CONSULTATION;
        private Initiator initiator = Initiator.CLINICIAN;
        private RecordingMode mode = RecordingMode.OVERT;
        private Set<Purpose> purposes = Set.of(Purpose.DIRECT_CARE);
        private RecordingState state = RecordingState.COMPLETED;
        private boolean thirdParties;
        private boolean deidentified;
        private boolean legalHold;
        private LocalDate retentionUntil = LocalDate.of(2033, 3, 10);

        RecordingBuilder ofKind(RecordingKind kind) {
            this.kind = kind;
            return this;
        }

        RecordingBuilder forPatient(PatientId patient) {
            this.patient = patient;
            return this;
        }

        RecordingBuilder madeBy(Initiator initiator) {
            this.initiator = initiator;
            return this;
        }

        RecordingBuilder madeCovertly() {
            this.mode = RecordingMode.COVERT;
            return this;
        }

        RecordingBuilder forPurposes(Purpose... purposes) {
            this.purposes = Set.of(purposes);
            return this;
        }

        RecordingBuilder in(RecordingState state) {
            this.state = state;
            return this;
        }

        /** STF-2: other patients or staff can be seen or heard in it. */
        RecordingBuilder capturingOtherPeople() {
            this.thirdParties = true;
            return this;
        }

        /** SEC-3: an anonymised derivative. */
        RecordingBuilder anonymised() {
            this.deidentified = true;
            return this;
        }

        /** REC-5: a complaint, claim or investigation holds it. */
        RecordingBuilder underLegalHold() {
            this.legalHold = true;
            return this;
        }

        /** REC-2: the last day it must be kept, or null when not yet known. */
        RecordingBuilder keptUntil(LocalDate lastDay) {
            this.retentionUntil = lastDay;
            return this;
        }

        RecordingFacts build() {
            return new RecordingFacts(
                    id,
                    patient,
                    kind,
                    initiator,
                    mode,
                    purposes,
                    state,
                    thirdParties,
                    deidentified,
                    legalHold,
                    retentionUntil);
        }
    }

    static final class UseBuilder {
        private Actor actor = Fixtures.aClinician();
        private final UseAction action;
        private Purpose purpose = Purpose.DIRECT_CARE;
        private RecordingFacts recording = aRecordedConsultation().build();
        private final List<ConsentFact> consents = new ArrayList<>();
        private LegalAuthority authority;
        private boolean othersConsentedOrRedacted;
        private String approvedByRole;
        private SitePolicy site = SitePolicies.aSite().build();

        private UseBuilder(UseAction action) {
            this.action = action;
        }

        UseBuilder by(Actor actor) {
            this.actor = actor;
            return this;
        }

        UseBuilder forPurpose(Purpose purpose) {
            this.purpose = purpose;
            return this;
        }

        UseBuilder of(RecordingFacts recording) {
            this.recording = recording;
            return this;
        }

        UseBuilder of(RecordingBuilder recording) {
            return of(recording.build());
        }

        UseBuilder withConsent(ConsentFact... consents) {
            this.consents.addAll(List.of(consents));
            return this;
        }

        UseBuilder under(LegalAuthority authority) {
            this.authority = authority;
            return this;
        }

        /** STF-2: the others captured consented, or a redacted derivative is used. */
        UseBuilder withTheOthersConsentOrRedacted() {
            this.othersConsentedOrRedacted = true;
            return this;
        }

        UseBuilder approvedBy(String role) {
            this.approvedByRole = role;
            return this;
        }

        UseBuilder atSite(SitePolicy site) {
            this.site = site;
            return this;
        }

        UseBuilder atSite(SitePolicies.SiteBuilder site) {
            return atSite(site.build());
        }

        UseRequest build() {
            return new UseRequest(
                    actor,
                    action,
                    purpose,
                    recording,
                    consents,
                    authority,
                    othersConsentedOrRedacted,
                    approvedByRole,
                    site);
        }
    }
}
