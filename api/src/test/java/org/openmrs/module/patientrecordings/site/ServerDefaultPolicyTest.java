/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openmrs.module.patientrecordings.domain.Purpose.DIRECT_CARE;
import static org.openmrs.module.patientrecordings.domain.Purpose.TRAINING;
import static org.openmrs.module.patientrecordings.domain.RecordingKind.CONSULTATION;
import static org.openmrs.module.patientrecordings.support.Refusals.refusalCodes;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openmrs.module.patientrecordings.audit.AuditAction;
import org.openmrs.module.patientrecordings.audit.AuditOutcome;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.SiteId;
import org.openmrs.module.patientrecordings.policy.CallContext;
import org.openmrs.module.patientrecordings.policy.MissingNoteHandling;
import org.openmrs.module.patientrecordings.policy.NoFilmingArea;
import org.openmrs.module.patientrecordings.policy.SitePolicy;
import org.openmrs.module.patientrecordings.port.SiteDirectory.Site;
import org.openmrs.module.patientrecordings.recording.Recording;
import org.openmrs.module.patientrecordings.support.Clinic;
import org.openmrs.module.patientrecordings.support.SitePolicyBuilder;
import org.openmrs.module.patientrecordings.support.StaffMember;

/**
 * POL-1: the server's default site policy, which every site without a policy of its own follows, so that a fresh
 * server can record; versioned like a site's own (POL-2), and replaced for a site the moment it gets its own.
 */
@DisplayName("The server's default site policy")
class ServerDefaultPolicyTest {

    private final Clinic clinic = new Clinic();
    private final SiteId hilltop =
            clinic.sites().add(new Site(SiteId.of("hilltop"), "Hilltop Clinic")).id();
    private final PatientId ann = clinic.patient("Ann");
    private final StaffMember doctor = clinic.aClinician();
    private final StaffMember administrator = clinic.anAdministrator();

    @Test
    @DisplayName("POL-1: a site without a policy of its own records under the built-in default, and says so")
    void aSiteWithoutItsOwnPolicyRecordsUnderTheDefault() {
        Recording recording = consultationAt(hilltop);

        assertThat(recording.defaultPolicy()).isTrue();
        assertThat(recording.policyVersion()).isEqualTo(1);
        assertThat(clinic.recordings().policyOf(recording)).isEqualTo(SitePolicy.serverDefault());
        assertThat(clinic.sitePolicies().inForce(hilltop).isServerDefault()).isTrue();
    }

    @Test
    @DisplayName("POL-1, CON-1: the default is conservative: consent still needed, no secondary use, no calls")
    void theDefaultIsConservative() {
        clinic.as(doctor);
        assertThat(refusalCodes(() -> clinic.start(clinic.aConsultationOf(ann).at(hilltop))))
                .containsExactly(ErrorCode.CON_1);

        assertThat(refusalCodes(() -> clinic.as(doctor)
                        .consents()
                        .give(clinic.aConsentOf(ann)
                                .at(hilltop)
                                .forKinds(CONSULTATION)
                                .forPurposes(DIRECT_CARE, TRAINING)
                                .build())))
                .contains(ErrorCode.POL_1);
        assertThat(refusalCodes(() -> clinic.as(clinic.theTelephoneSystem())
                        .start(clinic.aCallWith(ann, CallContext.CallType.ROUTINE_INCOMING, true)
                                .at(hilltop))))
                .contains(ErrorCode.TEL_1);
        SitePolicy fallback = SitePolicy.serverDefault();
        assertThat(fallback.telephone().enabled()).isFalse();
        assertThat(fallback.secondaryPurposes()).isEmpty();
        assertThat(fallback.allowedKinds())
                .doesNotContain(org.openmrs.module.patientrecordings.domain.RecordingKind.TELEPHONE);
    }

    @Test
    @DisplayName("POL-2: a change of the default is a new version, audited; earlier recordings keep their version")
    void theDefaultIsVersionedAndItsChangesAudited() {
        Recording underFirst = consultationAt(hilltop);

        SitePolicy second = clinic.as(administrator)
                .sitePolicies()
                .update(
                        SitePolicy.SERVER_DEFAULT,
                        1,
                        SitePolicyBuilder.nextVersionOf(SitePolicy.serverDefault())
                                .missingNote(MissingNoteHandling.BLOCK)
                                .build());
        assertThat(clinic.lastAuditEntry().action()).isEqualTo(AuditAction.POLICY_CHANGE);
        Recording underSecond = consultationAt(hilltop);

        assertThat(second.version()).isEqualTo(2);
        assertThat(second.isServerDefault()).isTrue();
        assertThat(clinic.sitePolicies().versions(SitePolicy.SERVER_DEFAULT))
                .containsExactly(SitePolicy.serverDefault(), second);
        assertThat(underSecond.policyVersion()).isEqualTo(2);
        assertThat(clinic.recordings().policyOf(clinic.stored(underFirst.id())).missingNote())
                .isEqualTo(MissingNoteHandling.FLAG);
        assertThat(clinic.recordings().policyOf(underSecond).missingNote()).isEqualTo(MissingNoteHandling.BLOCK);
    }

    @Test
    @DisplayName("POL-2, VER-1, SAF-3: a stale change of the default, or one without the privilege, is refused")
    void changingTheDefaultIsGuarded() {
        SitePolicy content = SitePolicyBuilder.nextVersionOf(SitePolicy.serverDefault())
                .missingNote(MissingNoteHandling.BLOCK)
                .build();

        assertThat(refusalCodes(() -> clinic.as(doctor).sitePolicies().update(SitePolicy.SERVER_DEFAULT, 1, content)))
                .containsExactly(ErrorCode.SAF_3);
        assertThat(refusalCodes(
                        () -> clinic.as(administrator).sitePolicies().update(SitePolicy.SERVER_DEFAULT, 4, content)))
                .containsExactly(ErrorCode.VER_1);
        assertThat(clinic.lastAuditEntry().outcome()).isEqualTo(AuditOutcome.refused(ErrorCode.VER_1));
        assertThat(clinic.sitePolicies().serverDefault()).isEqualTo(SitePolicy.serverDefault());
    }

    @Test
    @DisplayName("POL-1: the moment a site gets its own policy, its recordings follow that and no longer the default")
    void aSitesOwnPolicyReplacesTheDefault() {
        Recording underDefault = consultationAt(hilltop);

        SitePolicy own = clinic.as(administrator)
                .sitePolicies()
                .update(
                        hilltop,
                        null,
                        SitePolicyBuilder.aSitePolicy(hilltop)
                                .missingNote(MissingNoteHandling.BLOCK)
                                .build());
        Recording underOwn = consultationAt(hilltop);

        assertThat(own.version()).isEqualTo(1);
        assertThat(clinic.sitePolicies().sites()).contains(hilltop).doesNotContain(SitePolicy.SERVER_DEFAULT);
        assertThat(underOwn.defaultPolicy()).isFalse();
        assertThat(underOwn.policyVersion()).isEqualTo(1);
        assertThat(clinic.recordings().policyOf(underOwn)).isEqualTo(own);
        assertThat(clinic.recordings().policyOf(clinic.stored(underDefault.id())))
                .isEqualTo(SitePolicy.serverDefault());
    }

    @Test
    @DisplayName("PAT-3, POL-2: a no-filming area added to a site that follows the default starts its own policy")
    void editingAPartOfAFollowingSiteStartsItsOwnPolicyFromTheDefault() {
        NoFilmingArea reception = new NoFilmingArea("RECEPTION", "Reception", List.of("Sign at the desk"));

        SitePolicy own = clinic.as(administrator).sitePolicies().putNoFilmingArea(hilltop, 0, reception);

        assertThat(own.site()).isEqualTo(hilltop);
        assertThat(own.version()).isEqualTo(1);
        assertThat(own.noFilmingAreas()).containsExactly(reception);
        assertThat(own.allowedKinds()).isEqualTo(SitePolicy.serverDefault().allowedKinds());
        assertThat(clinic.sitePolicies().inForce(hilltop)).isEqualTo(own);
    }

    @Test
    @DisplayName("SAF-4: a recording or consent at a site the host does not know is refused, default or not")
    void anUnknownSiteIsRefused() {
        SiteId nowhere = SiteId.of("nowhere");
        clinic.as(doctor);

        assertThat(refusalCodes(() -> clinic.consents()
                        .give(clinic.aConsentOf(ann).at(nowhere).build())))
                .containsExactly(ErrorCode.SAF_4);
        clinic.givenConsent(ann, CONSULTATION, DIRECT_CARE);
        assertThat(refusalCodes(() ->
                        clinic.as(doctor).start(clinic.aConsultationOf(ann).at(nowhere))))
                .containsExactly(ErrorCode.SAF_4);
    }

    private Recording consultationAt(SiteId site) {
        clinic.as(doctor)
                .consents()
                .give(clinic.aConsentOf(ann).at(site).forKinds(CONSULTATION).build());
        return clinic.as(doctor).start(clinic.aConsultationOf(ann).at(site));
    }
}
