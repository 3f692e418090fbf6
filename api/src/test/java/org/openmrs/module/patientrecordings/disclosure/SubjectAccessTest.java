/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openmrs.module.patientrecordings.domain.Purpose.DIRECT_CARE;
import static org.openmrs.module.patientrecordings.domain.RecordingKind.CONSULTATION;
import static org.openmrs.module.patientrecordings.support.Refusals.refusalCodes;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openmrs.module.patientrecordings.audit.AuditAction;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.Purpose;
import org.openmrs.module.patientrecordings.policy.CovertAuthorisation;
import org.openmrs.module.patientrecordings.policy.CovertAuthorisation.CovertJustification;
import org.openmrs.module.patientrecordings.recording.CapturedParty;
import org.openmrs.module.patientrecordings.recording.Recording;
import org.openmrs.module.patientrecordings.register.Disclosure;
import org.openmrs.module.patientrecordings.support.Clinic;
import org.openmrs.module.patientrecordings.support.StaffMember;

/** REC-7: subject access produces the patient's recordings for them, applying STF-2 and COV-2. */
@DisplayName("REC-7: subject access")
class SubjectAccessTest {

    private final Clinic clinic = new Clinic();
    private final PatientId ann = clinic.patient("Ann");
    private final StaffMember recordsManager = clinic.aRecordsManager();

    @Test
    @DisplayName("REC-7: the patient's recordings are produced for them and the export is registered and audited")
    void rec7_recordingsProduced() {
        Recording first = clinic.confirmedConsultation(ann, DIRECT_CARE);
        Recording second = clinic.confirmedConsultation(ann, DIRECT_CARE);

        DisclosurePackage pack = clinic.as(recordsManager).disclosure().subjectAccess(ann, "SAR-2025-17");

        assertThat(pack.items()).extracting(i -> i.recording().id()).containsExactly(first.id(), second.id());
        assertThat(pack.withheld()).isEmpty();
        assertThat(pack.disclosure().subjectAccess()).isTrue();
        assertThat(clinic.registers().list(Disclosure.class)).containsExactly(pack.disclosure());
        assertThat(clinic.auditTrail())
                .filteredOn(e -> e.action() == AuditAction.EXPORT)
                .extracting(e -> e.recording())
                .containsExactly(first.id(), second.id());
        assertThat(clinic.auditTrail())
                .filteredOn(e -> e.action() == AuditAction.EXPORT)
                .allSatisfy(e -> assertThat(e.purpose()).isEqualTo(Purpose.PATIENT_OWN_USE));
    }

    @Test
    @DisplayName("REC-7, STF-2: a recording capturing other patients or staff is withheld until redacted")
    void rec7_thirdPartyRecordingsWithheld() {
        Recording plain = clinic.confirmedConsultation(ann, DIRECT_CARE);
        Recording others = clinic.confirmedConsultation(ann, DIRECT_CARE);
        clinic.recordingRepository()
                .save(clinic.stored(others.id()).toBuilder()
                        .thirdParties(List.of(new CapturedParty(CapturedParty.Role.STAFF, "nurse-2", null, false)))
                        .build());

        DisclosurePackage pack = clinic.as(recordsManager).disclosure().subjectAccess(ann, "SAR-2025-18");

        assertThat(pack.items()).extracting(i -> i.recording().id()).containsExactly(plain.id());
        assertThat(pack.withheld()).singleElement().satisfies(w -> {
            assertThat(w.recording()).isEqualTo(others.id());
            assertThat(w.codes()).containsExactly("STF-2");
        });
        assertThat(pack.disclosure().recordings()).containsExactly(plain.id());
    }

    @Test
    @DisplayName("REC-7, COV-2: a covert recording is withheld from a user without the covert privilege")
    void rec7_covertRecordingsWithheldFromUnprivileged() {
        Recording overt = clinic.confirmedConsultation(ann, DIRECT_CARE);
        Recording covert = covertRecordingOf(ann);

        DisclosurePackage pack = clinic.as(recordsManager).disclosure().subjectAccess(ann, "SAR-2025-19");
        assertThat(pack.items()).extracting(i -> i.recording().id()).containsExactly(overt.id());
        assertThat(pack.withheld()).singleElement().satisfies(w -> {
            assertThat(w.recording()).isEqualTo(covert.id());
            assertThat(w.codes()).containsExactly("COV-2");
        });

        DisclosurePackage privileged =
                clinic.as(clinic.aCovertAuthoriser()).disclosure().subjectAccess(ann, "SAR-2025-19");
        assertThat(privileged.items())
                .extracting(i -> i.recording().id())
                .containsExactlyInAnyOrder(overt.id(), covert.id());
    }

    @Test
    @DisplayName("REC-7: sealed recordings have nothing to give and are listed as withheld, with CON-5")
    void rec7_sealedLeftOut() {
        Recording sealed = clinic.consultationInProgress(ann, DIRECT_CARE);
        clinic.as(clinic.aClinician()).consents().withdraw(sealed.consent(), null);

        DisclosurePackage pack = clinic.as(recordsManager).disclosure().subjectAccess(ann, "SAR-2025-20");

        assertThat(pack.items()).isEmpty();
        assertThat(pack.disclosure().recordings()).isEmpty();
        assertThat(pack.withheld()).singleElement().satisfies(w -> {
            assertThat(w.recording()).isEqualTo(sealed.id());
            assertThat(w.codes()).containsExactly("CON-5");
        });
    }

    @Test
    @DisplayName("REC-7: a subject-access export takes the disclosure privilege (SAF-3)")
    void rec7_needsPrivilege() {
        clinic.confirmedConsultation(ann, DIRECT_CARE);
        clinic.as(clinic.aClinician());

        assertThat(refusalCodes(() -> clinic.disclosure().subjectAccess(ann, "SAR-1")))
                .containsExactly(ErrorCode.SAF_3);
        assertThat(clinic.registerRepository().list(Disclosure.class)).isEmpty();
    }

    @Test
    @DisplayName("REC-7: a subject-access export takes the disclosure privilege even when there is nothing to give")
    void rec7_needsPrivilegeEvenWithoutRecordings() {
        clinic.as(clinic.aClinician());

        assertThat(refusalCodes(() -> clinic.disclosure().subjectAccess(ann, "SAR-2")))
                .containsExactly(ErrorCode.SAF_3);
        assertThat(clinic.registerRepository().list(Disclosure.class)).isEmpty();
    }

    private Recording covertRecordingOf(PatientId patient) {
        clinic.givenConsent(patient, CONSULTATION, DIRECT_CARE);
        StaffMember investigator = clinic.aCovertAuthoriser();
        Instant now = clinic.clock().instant();
        return clinic.as(investigator, () -> {
            clinic.registers()
                    .recordCovertAuthorisation(new CovertAuthorisation(
                            patient,
                            "Trust senior information risk owner",
                            "RIPA-2025-009",
                            "Regulation of Investigatory Powers Act 2000",
                            CovertJustification.INVESTIGATE_SERIOUS_CRIME,
                            true,
                            now.minus(Duration.ofHours(1)),
                            now.plus(Duration.ofDays(7)),
                            false));
            Recording covert = clinic.start(clinic.aConsultationOf(patient)
                    .in(clinic.encounterWithNoteOf(patient))
                    .covert());
            // A covert recording is not offered to the patient for confirmation (CON-7): it completes at once.
            return clinic.recordings().complete(covert.id()).recording();
        });
    }
}
