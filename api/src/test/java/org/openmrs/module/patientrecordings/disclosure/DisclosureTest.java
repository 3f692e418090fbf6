/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.openmrs.module.patientrecordings.domain.Purpose.DIRECT_CARE;
import static org.openmrs.module.patientrecordings.domain.Purpose.TRAINING;
import static org.openmrs.module.patientrecordings.support.Refusals.refusalCodes;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openmrs.module.patientrecordings.audit.AuditAction;
import org.openmrs.module.patientrecordings.consent.ConsentEventType;
import org.openmrs.module.patientrecordings.domain.DeIdentification;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.Purpose;
import org.openmrs.module.patientrecordings.domain.RecordingId;
import org.openmrs.module.patientrecordings.domain.RuleViolationException;
import org.openmrs.module.patientrecordings.policy.LegalAuthority;
import org.openmrs.module.patientrecordings.policy.UseAction;
import org.openmrs.module.patientrecordings.recording.CapturedParty;
import org.openmrs.module.patientrecordings.recording.RecordedContent;
import org.openmrs.module.patientrecordings.recording.Recording;
import org.openmrs.module.patientrecordings.recording.UseContext;
import org.openmrs.module.patientrecordings.register.Disclosure;
import org.openmrs.module.patientrecordings.support.Clinic;
import org.openmrs.module.patientrecordings.support.StaffMember;

/** REC-6: disclosure for a complaint, claim, court order or regulator. */
@DisplayName("REC-6: disclosure packages")
class DisclosureTest {

    private final Clinic clinic = new Clinic();
    private final PatientId ann = clinic.patient("Ann");
    private final StaffMember recordsManager = clinic.aRecordsManager();
    private final Recording recording = clinic.confirmedConsultation(ann, DIRECT_CARE);

    @Test
    @DisplayName("REC-6: the package holds the recording's metadata, hashes, consent history and audit trail")
    void rec6_packageIsComplete() {
        clinic.as(clinic.aClinician()).recordings().use(recording.id(), UseContext.directCare(UseAction.PLAY));

        DisclosurePackage pack = clinic.as(recordsManager).disclosure().disclose(claim(List.of(recording.id())));

        assertThat(pack.items()).singleElement().satisfies(item -> {
            assertThat(item.recording()).isEqualTo(clinic.stored(recording.id()));
            assertThat(item.recording().content().sha256())
                    .isEqualTo(recording.content().sha256());
            assertThat(item.recording().content().sha1())
                    .isEqualTo(recording.content().sha1());
            assertThat(item.consent().history())
                    .extracting(e -> e.type())
                    .containsExactly(ConsentEventType.GIVEN, ConsentEventType.CONFIRMED_AFTER_RECORDING);
            assertThat(item.auditTrail())
                    .extracting(e -> e.entry().action())
                    .contains(AuditAction.CREATE, AuditAction.UPDATE, AuditAction.PLAY);
            assertThat(item.auditTrail())
                    .allSatisfy(e -> assertThat(e.entry().recording()).isEqualTo(recording.id()));
        });
    }

    @Test
    @DisplayName("REC-6: the disclosure is recorded on the register and each recording's disclosure audited")
    void rec6_recordedAsADisclosure() {
        DisclosurePackage pack = clinic.as(recordsManager).disclosure().disclose(claim(List.of()));

        Disclosure disclosure = pack.disclosure();
        assertThat(disclosure.recordings()).containsExactly(recording.id());
        assertThat(disclosure.authority()).isEqualTo(LegalAuthority.CLAIM);
        assertThat(disclosure.recipient()).isEqualTo("Solicitors for the claimant");
        assertThat(disclosure.reference()).isEqualTo("CLAIM-2025-0042");
        assertThat(disclosure.disclosedBy()).isEqualTo(recordsManager.id());
        assertThat(clinic.registers().list(Disclosure.class)).containsExactly(disclosure);
        assertThat(clinic.auditTrail())
                .filteredOn(e -> e.action() == AuditAction.DISCLOSE)
                .singleElement()
                .satisfies(audited -> {
                    assertThat(audited.recording()).isEqualTo(recording.id());
                    assertThat(audited.purpose()).isEqualTo(Purpose.LEGAL);
                    assertThat(audited.user()).isEqualTo(recordsManager.id());
                    assertThat(audited.outcome().succeeded()).isTrue();
                });
    }

    @Test
    @DisplayName("REC-6: a disclosure without its authority and recipient is refused, naming each")
    void rec6_needsAuthorityRecipientReference() {
        clinic.as(recordsManager);

        var refusal = catchThrowableOfType(
                RuleViolationException.class,
                () -> clinic.disclosure().disclose(new DisclosureCommand(ann, List.of(), null, " ", null, false)));

        assertThat(refusal.reasons()).extracting(r -> r.location()).containsExactlyInAnyOrder("authority", "recipient");
        assertThat(refusal.decision().codes()).containsExactly(ErrorCode.REC_6);
        assertThat(clinic.registerRepository().list(Disclosure.class)).isEmpty();
    }

    @Test
    @DisplayName("REC-6: disclosing takes the disclosure privilege (SAF-3)")
    void rec6_needsPrivilege() {
        clinic.as(clinic.aClinician());

        assertThat(refusalCodes(() -> clinic.disclosure().disclose(claim(List.of()))))
                .containsExactly(ErrorCode.SAF_3);
        assertThat(clinic.registerRepository().list(Disclosure.class)).isEmpty();
    }

    @Test
    @DisplayName("REC-6, STF-2: a recording capturing others goes out for a claim only with their consent or redacted")
    void rec6_othersCapturedNeedConsentForAClaim() {
        clinic.recordingRepository()
                .save(clinic.stored(recording.id()).toBuilder()
                        .thirdParties(List.of(new CapturedParty(CapturedParty.Role.STAFF, "nurse-2", null, false)))
                        .build());
        clinic.as(recordsManager);

        assertThat(refusalCodes(() -> clinic.disclosure().disclose(claim(List.of()))))
                .containsExactly(ErrorCode.STF_2);
        assertThat(clinic.disclosure()
                        .disclose(new DisclosureCommand(
                                ann, List.of(), LegalAuthority.CLAIM, "Solicitors", "CLAIM-1", true))
                        .items())
                .hasSize(1);
    }

    @Test
    @DisplayName("REC-6, STF-2: once every party captured has consented, the recording goes out for a claim as it is")
    void rec6_everyPartyConsentedAllowsAClaim() {
        CapturedParty nurse = new CapturedParty(CapturedParty.Role.STAFF, "nurse-2", null, false);
        CapturedParty visitor =
                new CapturedParty(CapturedParty.Role.VISITOR, null, "Visitor accompanying the patient", false);
        clinic.recordingRepository()
                .save(clinic.stored(recording.id()).toBuilder()
                        .thirdParties(List.of(nurse.withConsent(), visitor))
                        .build());
        clinic.as(recordsManager);
        assertThat(refusalCodes(() -> clinic.disclosure().disclose(claim(List.of()))))
                .as("the visitor has not consented")
                .containsExactly(ErrorCode.STF_2);
        clinic.recordingRepository()
                .save(clinic.stored(recording.id()).toBuilder()
                        .thirdParties(List.of(nurse.withConsent(), visitor.withConsent()))
                        .build());

        DisclosurePackage pack = clinic.as(recordsManager).disclosure().disclose(claim(List.of()));

        assertThat(pack.items()).hasSize(1);
        assertThat(clinic.stored(recording.id()).thirdParties())
                .extracting(CapturedParty::role, CapturedParty::consented)
                .containsExactly(tuple(CapturedParty.Role.STAFF, true), tuple(CapturedParty.Role.VISITOR, true));
    }

    @Test
    @DisplayName("REC-6, STF-2: a court order compels disclosure with others captured, with a warning")
    void rec6_courtOrderCompels() {
        clinic.recordingRepository()
                .save(clinic.stored(recording.id()).toBuilder()
                        .thirdParties(List.of(new CapturedParty(CapturedParty.Role.STAFF, "nurse-2", null, false)))
                        .build());

        DisclosurePackage pack = clinic.as(recordsManager)
                .disclosure()
                .disclose(new DisclosureCommand(
                        ann, List.of(), LegalAuthority.COURT_ORDER, "County Court", "CO-77/2025", false));

        assertThat(pack.items()).hasSize(1);
    }

    @Test
    @DisplayName("SAF-4: a recording of another patient cannot be put in this patient's disclosure")
    void saf4_otherPatientsRecording() {
        Recording bobs = clinic.confirmedConsultation(clinic.patient("Bob"), DIRECT_CARE);
        clinic.as(recordsManager);

        assertThat(refusalCodes(() -> clinic.disclosure().disclose(claim(List.of(bobs.id())))))
                .containsExactly(ErrorCode.SAF_4);
        assertThat(clinic.registerRepository().list(Disclosure.class)).isEmpty();
    }

    @Test
    @DisplayName("REC-6: a disclosure without a case reference is recorded without one")
    void rec6_referenceIsOptional() {
        DisclosurePackage pack = clinic.as(recordsManager)
                .disclosure()
                .disclose(new DisclosureCommand(ann, List.of(), LegalAuthority.CLAIM, "Solicitors", null, false));

        assertThat(pack.disclosure().reference()).isNull();
        assertThat(pack.items()).hasSize(1);
    }

    @Test
    @DisplayName("SEC-1: a disclosure for training goes out with the patient's consent to training")
    void sec1_secondaryPurposeWithConsent() {
        Recording consented = clinic.confirmedConsultation(ann, DIRECT_CARE, TRAINING);

        DisclosurePackage pack = clinic.as(recordsManager)
                .disclosure()
                .disclose(training(List.of(consented.id()), LegalAuthority.CLAIM));

        assertThat(pack.items()).extracting(i -> i.recording().id()).containsExactly(consented.id());
        assertThat(pack.disclosure().purpose()).isEqualTo(TRAINING);
        assertThat(pack.disclosure().authority())
                .as("no legal basis for a secondary purpose")
                .isNull();
        assertThat(pack.disclosure().subjectAccess()).isFalse();
        assertThat(clinic.auditTrail())
                .filteredOn(e -> e.action() == AuditAction.DISCLOSE)
                .singleElement()
                .satisfies(e -> assertThat(e.purpose()).isEqualTo(TRAINING));
    }

    @Test
    @DisplayName(
            "SEC-1, SEC-2: an identifiable recording without consent is not disclosed for training, whatever matter")
    void sec1_secondaryPurposeWithoutConsentRefused() {
        clinic.as(recordsManager);

        assertThat(refusalCodes(() -> clinic.disclosure().disclose(training(List.of(recording.id()), null))))
                .containsExactly(ErrorCode.SEC_2);
        assertThat(refusalCodes(() ->
                        clinic.disclosure().disclose(training(List.of(recording.id()), LegalAuthority.COURT_ORDER))))
                .as("a legal matter is no basis for training")
                .containsExactly(ErrorCode.SEC_2);
        assertThat(clinic.registerRepository().list(Disclosure.class)).isEmpty();
    }

    @Test
    @DisplayName("SEC-3: an anonymised derivative is disclosed for training without consent")
    void sec3_anonymisedDerivativeDisclosedForTraining() {
        RecordingId derivative = clinic.as(clinic.aClinician(), () -> {
            Recording started = clinic.recordings()
                    .startAnonymisedDerivative(recording.id(), Set.of(TRAINING), DeIdentification.ANONYED)
                    .recording();
            clinic.recordings()
                    .attachContent(
                            started.id(),
                            new RecordedContent(
                                    "recordings/" + started.id(), "video/webm", 10, "ab".repeat(32), "cd".repeat(20)));
            return clinic.recordings().complete(started.id()).recording().id();
        });

        DisclosurePackage pack = clinic.as(recordsManager).disclosure().disclose(training(List.of(derivative), null));

        assertThat(pack.items()).extracting(i -> i.recording().id()).containsExactly(derivative);
    }

    @Test
    @DisplayName("SAF-4: direct care is no disclosure purpose")
    void saf4_directCareIsNoDisclosurePurpose() {
        clinic.as(recordsManager);

        assertThat(refusalCodes(() -> clinic.disclosure()
                        .disclose(new DisclosureCommand(
                                ann, List.of(), DIRECT_CARE, null, "Another clinic", null, false))))
                .containsExactly(ErrorCode.SAF_4);
    }

    private DisclosureCommand training(List<RecordingId> which, LegalAuthority matter) {
        return new DisclosureCommand(ann, which, TRAINING, matter, "Regional training programme", null, false);
    }

    private DisclosureCommand claim(List<RecordingId> which) {
        return new DisclosureCommand(
                ann, which, LegalAuthority.CLAIM, "Solicitors for the claimant", "CLAIM-2025-0042", false);
    }
}
