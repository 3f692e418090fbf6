/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openmrs.module.patientrecordings.domain.Purpose.DIRECT_CARE;
import static org.openmrs.module.patientrecordings.domain.RecordingKind.CONSULTATION;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openmrs.module.patientrecordings.audit.AuditAction;
import org.openmrs.module.patientrecordings.audit.AuditEntry;
import org.openmrs.module.patientrecordings.domain.Actor;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.Privilege;
import org.openmrs.module.patientrecordings.domain.RecordingMode;
import org.openmrs.module.patientrecordings.domain.RecordingState;
import org.openmrs.module.patientrecordings.domain.RuleViolationException;
import org.openmrs.module.patientrecordings.domain.SiteId;
import org.openmrs.module.patientrecordings.domain.UserId;
import org.openmrs.module.patientrecordings.support.Clinic;
import org.openmrs.module.patientrecordings.support.StaffMember;

/** Finding a patient's recordings and saying where and with whom one is made (SAF-2, COV-2, SAF-4, STF-2). */
class FindingRecordingsTest {

    private final Clinic clinic = new Clinic();
    private final PatientId ann = clinic.patient("Ann");
    private final StaffMember doctor = clinic.aClinician();
    private final StaffMember viewer = clinic.aUserWith(Privilege.VIEW_RECORDINGS);

    @Test
    @DisplayName("SAF-2: every recording a search of a patient returns is audited as a search hit naming it")
    void eachRecordingASearchReturnsIsAudited() {
        Recording first = clinic.confirmedConsultation(ann, DIRECT_CARE);
        Recording second = clinic.confirmedConsultation(ann, DIRECT_CARE);
        int before = clinic.auditTrail().size();

        List<Recording> found = clinic.as(viewer).recordings().findForPatient(ann);

        List<AuditEntry> added =
                clinic.auditTrail().subList(before, clinic.auditTrail().size());
        assertThat(found).extracting(Recording::id).containsExactlyInAnyOrder(first.id(), second.id());
        assertThat(added)
                .filteredOn(e -> e.recording() != null)
                .allSatisfy(e -> {
                    assertThat(e.action()).isEqualTo(AuditAction.SEARCH);
                    assertThat(e.user()).isEqualTo(viewer.id());
                    assertThat(e.patient()).isEqualTo(ann);
                })
                .extracting(AuditEntry::recording)
                .containsExactlyInAnyOrder(first.id(), second.id());
    }

    @Test
    @DisplayName(
            "COV-2, CON-5, REC-4: a covert recording shows only to the covert privilege; sealed or destroyed to nobody")
    void whatASearchMayShow() {
        Recording overt = clinic.confirmedConsultation(ann, DIRECT_CARE);
        Recording covert = overt.toBuilder().mode(RecordingMode.COVERT).build();
        Actor clinician = new Actor(UserId.random(), Set.of(Privilege.VIEW_RECORDINGS));
        Actor authoriser = new Actor(UserId.random(), Set.of(Privilege.VIEW_RECORDINGS, Privilege.AUTHORISE_COVERT));

        assertThat(RecordingService.visibleTo(clinician, overt)).isTrue();
        assertThat(RecordingService.visibleTo(clinician, covert)).isFalse();
        assertThat(RecordingService.visibleTo(authoriser, covert)).isTrue();
        for (RecordingState gone : List.of(RecordingState.SEALED, RecordingState.DESTROYED)) {
            assertThat(RecordingService.visibleTo(
                            authoriser, overt.toBuilder().state(gone).build()))
                    .as("%s", gone)
                    .isFalse();
        }
    }

    @Test
    @DisplayName("SAF-4: a recording for an encounter of another patient is refused and nothing is stored")
    void anEncounterOfAnotherPatientIsRefused() {
        PatientId bob = clinic.patient("Bob");
        clinic.givenConsent(ann, CONSULTATION, DIRECT_CARE);

        assertThatThrownBy(() -> clinic.as(doctor)
                        .start(clinic.aConsultationOf(ann)
                                .in(clinic.encounterOf(bob))
                                .forPurposes(DIRECT_CARE)))
                .isInstanceOfSatisfying(
                        RuleViolationException.class,
                        e -> assertThat(e.decision().codes()).containsExactly(ErrorCode.SAF_4));
        assertThat(clinic.recordingRepository().findByPatient(ann)).isEmpty();
        assertThat(clinic.as(doctor)
                        .start(clinic.aConsultationOf(ann)
                                .in(clinic.encounterOf(ann))
                                .forPurposes(DIRECT_CARE)))
                .extracting(Recording::patient)
                .isEqualTo(ann);
    }

    @Test
    @DisplayName("SAF-4: only a site the host knows is a site a recording can be made at")
    void onlyAKnownSiteIsKnown() {
        assertThat(clinic.recordings().knownSite(clinic.site())).isTrue();
        assertThat(clinic.recordings().knownSite(SiteId.of("nowhere-practice"))).isFalse();
    }

    @Test
    @DisplayName("STF-2: a recording captures others without consent while any party captured has not consented")
    void othersCapturedWithoutConsent() {
        Recording recording = clinic.confirmedConsultation(ann, DIRECT_CARE);
        CapturedParty nurse = new CapturedParty(CapturedParty.Role.STAFF, null, "Nurse on duty", false);
        CapturedParty visitor = new CapturedParty(CapturedParty.Role.VISITOR, null, "Ann's brother", false);

        Recording nobody = recording.toBuilder().thirdParties(List.of()).build();
        Recording oneWithout = recording.toBuilder()
                .thirdParties(List.of(nurse.withConsent(), visitor))
                .build();
        Recording allConsented = recording.toBuilder()
                .thirdParties(List.of(nurse.withConsent(), visitor.withConsent()))
                .build();

        assertThat(nobody.thirdPartiesCaptured()).isFalse();
        assertThat(nobody.othersCapturedWithoutConsent()).isFalse();
        assertThat(oneWithout.thirdPartiesCaptured()).isTrue();
        assertThat(oneWithout.othersCapturedWithoutConsent()).isTrue();
        assertThat(allConsented.thirdPartiesCaptured()).isTrue();
        assertThat(allConsented.othersCapturedWithoutConsent()).isFalse();
    }

    @Test
    @DisplayName("STF-2: the people a recording is marked as capturing when it starts are kept with it")
    void thePeopleCapturedAtTheStartAreKept() {
        clinic.givenConsent(ann, CONSULTATION, DIRECT_CARE);
        CapturedParty nurse = new CapturedParty(CapturedParty.Role.STAFF, null, "Nurse on duty", false);

        Recording started = clinic.as(doctor)
                .start(clinic.aConsultationOf(ann).forPurposes(DIRECT_CARE).capturing(nurse));

        assertThat(started.thirdParties()).containsExactly(nurse);
        assertThat(started.othersCapturedWithoutConsent()).isTrue();
    }

    @Test
    @DisplayName("STF-2: a party captured is identified or described; blank text is neither")
    void aCapturedPartyIsIdentifiedOrDescribed() {
        assertThatThrownBy(() -> new CapturedParty(CapturedParty.Role.PATIENT, " ", "", false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new CapturedParty(CapturedParty.Role.PATIENT, " ", "A patient in the waiting room", false).id())
                .isNull();
    }
}
