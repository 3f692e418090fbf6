/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openmrs.module.patientrecordings.domain.Purpose.DIRECT_CARE;
import static org.openmrs.module.patientrecordings.support.Refusals.refusalCodes;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openmrs.module.patientrecordings.audit.AuditEntry;
import org.openmrs.module.patientrecordings.audit.AuditOutcome;
import org.openmrs.module.patientrecordings.disclosure.DisclosureCommand;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.Privilege;
import org.openmrs.module.patientrecordings.policy.CovertAuthorisation;
import org.openmrs.module.patientrecordings.policy.CovertAuthorisation.CovertJustification;
import org.openmrs.module.patientrecordings.policy.LegalAuthority;
import org.openmrs.module.patientrecordings.policy.UseAction;
import org.openmrs.module.patientrecordings.recording.Recording;
import org.openmrs.module.patientrecordings.recording.UseContext;
import org.openmrs.module.patientrecordings.support.Clinic;
import org.openmrs.module.patientrecordings.support.SitePolicyBuilder;
import org.openmrs.module.patientrecordings.support.StaffMember;

/**
 * SAF-3: each action takes its privilege; a user holding every other privilege gets a clear refusal and the attempt
 * is audited. VIEW_AUDIT guards reading the audit trail, which no service of these packages offers.
 */
@DisplayName("SAF-3: access by privilege")
class PrivilegeTest {

    private final Clinic clinic = new Clinic();
    private final PatientId ann = clinic.patient("Ann");
    private final Recording recording = clinic.confirmedConsultation(ann, DIRECT_CARE);

    @ParameterizedTest(name = "SAF-3: without {0} the action needing it is refused and audited")
    @EnumSource(value = Privilege.class, mode = EnumSource.Mode.EXCLUDE, names = "VIEW_AUDIT")
    @DisplayName("SAF-3: each privilege missing refuses its action, and the refusal is audited")
    void saf3_eachPrivilegeMissingIsRefusedAndAudited(Privilege missing) {
        StaffMember user = clinic.aUserWithAllBut(missing);
        clinic.as(user);
        ErrorCode expected = missing == Privilege.AUTHORISE_COVERT ? ErrorCode.COV_2 : ErrorCode.SAF_3;

        assertThat(refusalCodes(actionNeeding(missing))).containsExactly(expected);

        AuditEntry audited = clinic.lastAuditEntry();
        assertThat(audited.user()).isEqualTo(user.id());
        assertThat(audited.outcome()).isEqualTo(AuditOutcome.refused(expected));
    }

    @ParameterizedTest(name = "SAF-3: with {0} the same action goes ahead")
    @EnumSource(value = Privilege.class, mode = EnumSource.Mode.EXCLUDE, names = "VIEW_AUDIT")
    @DisplayName("SAF-3: holding the privilege, the same action goes ahead")
    void saf3_holdingThePrivilegeAllows(Privilege held) throws Throwable {
        clinic.as(clinic.aUserWithAllBut(Privilege.VIEW_AUDIT));
        int before = clinic.auditTrail().size();

        actionNeeding(held).call();

        assertThat(clinic.auditTrail().subList(before, clinic.auditTrail().size()))
                .isNotEmpty()
                .allSatisfy(e -> assertThat(e.outcome().succeeded()).isTrue());
    }

    @Test
    @DisplayName("SAF-3: with nobody logged in every action is refused")
    void saf3_nobodyLoggedIn() {
        Clinic fresh = new Clinic();

        assertThat(refusalCodes(() -> fresh.recordings().findForPatient(ann))).containsExactly(ErrorCode.SAF_3);
    }

    private ThrowingCallable actionNeeding(Privilege privilege) {
        return switch (privilege) {
            case VIEW_RECORDINGS ->
                () -> clinic.recordings().use(recording.id(), UseContext.directCare(UseAction.VIEW));
            case CREATE_RECORDINGS -> () -> clinic.start(clinic.aConsultationOf(ann));
            case MANAGE_CONSENT ->
                () -> clinic.consents().give(clinic.aConsentOf(ann).build());
            case MANAGE_POLICY ->
                () -> clinic.sitePolicies()
                        .change(SitePolicyBuilder.nextVersionOf(clinic.currentPolicy())
                                .build());
            case DISCLOSE_RECORDINGS ->
                () -> clinic.disclosure()
                        .disclose(
                                new DisclosureCommand(ann, List.of(), LegalAuthority.REGULATOR, "CQC", "CQC-1", false));
            case AUTHORISE_COVERT -> () -> clinic.registers().recordCovertAuthorisation(authorisation());
            case MANAGE_LEGAL_HOLDS -> () -> clinic.registers().placeLegalHold(ann, LegalAuthority.CLAIM, "CL-1");
            case MANAGE_RECORDS -> () -> clinic.recordings().voidRecording(recording.id(), "wrong patient");
            case VIEW_AUDIT -> throw new IllegalArgumentException("no service here reads the audit trail");
        };
    }

    private CovertAuthorisation authorisation() {
        Instant now = clinic.clock().instant();
        return new CovertAuthorisation(
                ann,
                "Trust board",
                "RIPA-1",
                "Regulation of Investigatory Powers Act 2000",
                CovertJustification.PROTECT_FROM_SERIOUS_HARM,
                true,
                now,
                now.plus(Duration.ofDays(1)),
                false);
    }
}
