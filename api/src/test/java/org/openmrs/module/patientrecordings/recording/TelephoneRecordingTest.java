/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openmrs.module.patientrecordings.domain.Purpose.DIRECT_CARE;
import static org.openmrs.module.patientrecordings.domain.Purpose.QUALITY;
import static org.openmrs.module.patientrecordings.domain.Purpose.RESEARCH;
import static org.openmrs.module.patientrecordings.policy.CallContext.CallType.OUTGOING_CONSULTATION;
import static org.openmrs.module.patientrecordings.policy.CallContext.CallType.ROUTINE_INCOMING;
import static org.openmrs.module.patientrecordings.policy.CallContext.CallType.TRIAGE;
import static org.openmrs.module.patientrecordings.support.Refusals.refusalCodes;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.Initiator;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.RecordingState;
import org.openmrs.module.patientrecordings.policy.CallContext;
import org.openmrs.module.patientrecordings.policy.NoticeMeans;
import org.openmrs.module.patientrecordings.policy.TelephoneNotice;
import org.openmrs.module.patientrecordings.policy.UseAction;
import org.openmrs.module.patientrecordings.support.Clinic;
import org.openmrs.module.patientrecordings.support.StaffMember;

/** Telephone recording is a site-wide routine with notices and declared purposes (TEL-1..4). */
@DisplayName("Telephone recording")
class TelephoneRecordingTest {

    private final Clinic clinic = new Clinic();
    private final PatientId ann = clinic.patient("Ann");
    private final StaffMember telephoneSystem = clinic.theTelephoneSystem();

    @Test
    @DisplayName("TEL-1: with the site setting on, the routine records a call without asking the caller's consent")
    void tel1_routineRecordsEveryCall() {
        Recording call = clinic.as(telephoneSystem).start(clinic.aCallWith(ann, ROUTINE_INCOMING, false));

        assertThat(call.initiator()).isEqualTo(Initiator.SYSTEM);
        assertThat(call.state()).isEqualTo(RecordingState.IN_PROGRESS);
        assertThat(call.call().type()).isEqualTo(ROUTINE_INCOMING);
    }

    @Test
    @DisplayName("TEL-1: recording the calls of one chosen caller is refused")
    void tel1_chosenCallerRefused() {
        clinic.as(telephoneSystem);

        assertThat(refusalCodes(() -> clinic.start(clinic.aCallWith(ann, ROUTINE_INCOMING, false)
                        .call(new CallContext(ROUTINE_INCOMING, false, true)))))
                .containsExactly(ErrorCode.TEL_1);
    }

    @Test
    @DisplayName("TEL-1: a clinician cannot start a call recording one call at a time")
    void tel1_clinicianCannotRecordOneCall() {
        clinic.as(clinic.aClinician());

        assertThat(refusalCodes(() -> clinic.start(
                        clinic.aCallWith(ann, ROUTINE_INCOMING, false).initiatedBy(Initiator.CLINICIAN))))
                .contains(ErrorCode.TEL_1);
    }

    @Test
    @DisplayName("TEL-1: with the site setting off no call is recorded")
    void tel1_settingOffRecordsNothing() {
        clinic.policyChanged(p -> p.telephoneOff());
        clinic.as(telephoneSystem);

        assertThat(refusalCodes(() -> clinic.start(clinic.aCallWith(ann, ROUTINE_INCOMING, false))))
                .contains(ErrorCode.TEL_1);
    }

    @Test
    @DisplayName("TEL-2: a site cannot switch telephone recording on before recording how callers are told")
    void tel2_cannotSwitchOnWithoutNotices() {
        clinic.policyChanged(p -> p.telephoneOff());

        assertThat(refusalCodes(() -> clinic.policyChanged(p -> p.telephoneOn(Set.of(QUALITY), List.of()))))
                .containsExactly(ErrorCode.TEL_2);
        assertThat(clinic.currentPolicy().telephone().enabled()).isFalse();
    }

    @Test
    @DisplayName("TEL-2: the site keeps its record of the means of informing callers, each with its start date")
    void tel2_noticesAreKept() {
        var leaflet = new TelephoneNotice(
                NoticeMeans.PRACTICE_LEAFLET, "Practice leaflet, page 2", LocalDate.parse("2024-06-01"), null);
        var poster = new TelephoneNotice(
                NoticeMeans.WAITING_ROOM_POSTER,
                "Poster by the waiting-room door",
                LocalDate.parse("2024-06-03"),
                null);

        var changed = clinic.policyChanged(p -> p.telephoneOn(Set.of(QUALITY), List.of(leaflet, poster)));

        assertThat(clinic.sitePolicies()
                        .version(clinic.site(), changed.version())
                        .telephone()
                        .notices())
                .containsExactly(leaflet, poster);
    }

    @Test
    @DisplayName("TEL-2: once every notice has ended, calls are no longer recorded")
    void tel2_noNoticeInUseStopsRecording() {
        var ended = new TelephoneNotice(
                NoticeMeans.WEBSITE,
                "Privacy page",
                LocalDate.parse("2024-01-01"),
                clinic.clock().today().plusDays(1));
        clinic.policyChanged(p -> p.telephoneOn(Set.of(QUALITY), List.of(ended)));
        clinic.clock().moveTo(clinic.clock().today().plusDays(2));
        clinic.as(telephoneSystem);

        assertThat(refusalCodes(() -> clinic.start(clinic.aCallWith(ann, ROUTINE_INCOMING, false))))
                .containsExactly(ErrorCode.TEL_2);
    }

    @Test
    @DisplayName("TEL-3: a triage call without an explicit notice at its start is not recorded")
    void tel3_triageNeedsExplicitNotice() {
        clinic.as(telephoneSystem);

        assertThat(refusalCodes(() -> clinic.start(clinic.aCallWith(ann, TRIAGE, false))))
                .containsExactly(ErrorCode.TEL_3);
        assertThat(refusalCodes(() -> clinic.start(clinic.aCallWith(ann, OUTGOING_CONSULTATION, false))))
                .containsExactly(ErrorCode.TEL_3);
    }

    @Test
    @DisplayName("TEL-3: with the explicit notice given, the recording stores that it was given")
    void tel3_recordingStoresTheNotice() {
        Recording call = clinic.as(telephoneSystem).start(clinic.aCallWith(ann, TRIAGE, true));

        assertThat(clinic.stored(call.id()).call()).isEqualTo(new CallDetails(TRIAGE, true));
    }

    @Test
    @DisplayName("TEL-4: a call recording may serve only the purposes the site declared")
    void tel4_onlyDeclaredPurposes() {
        clinic.as(telephoneSystem);

        assertThat(refusalCodes(() -> clinic.start(
                        clinic.aCallWith(ann, ROUTINE_INCOMING, false).forPurposes(QUALITY, RESEARCH))))
                .containsExactly(ErrorCode.TEL_4);
        assertThat(clinic.start(clinic.aCallWith(ann, ROUTINE_INCOMING, false).forPurposes(QUALITY, DIRECT_CARE))
                        .purposes())
                .containsExactlyInAnyOrder(QUALITY, DIRECT_CARE);
    }

    @Test
    @DisplayName("TEL-4: a site cannot switch call recording on without declaring its purposes")
    void tel4_siteMustDeclarePurposes() {
        var notice = new TelephoneNotice(
                NoticeMeans.RECORDED_MESSAGE, "Message on answer", LocalDate.parse("2024-01-01"), null);

        assertThat(refusalCodes(() -> clinic.policyChanged(p -> p.telephoneOn(Set.of(), List.of(notice)))))
                .containsExactly(ErrorCode.TEL_4);
    }

    @Test
    @DisplayName("TEL-4: a routine call recording may be used for a purpose the site declared and announced")
    void tel4_declaredPurposeMayBeUsed() {
        Recording call = clinic.as(telephoneSystem).start(clinic.aCallWith(ann, ROUTINE_INCOMING, false));
        clinic.as(telephoneSystem).recordings().complete(call.id());

        Recording used = clinic.as(clinic.aClinician())
                .recordings()
                .use(call.id(), new UseContext(UseAction.PLAY, QUALITY, null, false, null));

        assertThat(used.id()).isEqualTo(call.id());
    }
}
