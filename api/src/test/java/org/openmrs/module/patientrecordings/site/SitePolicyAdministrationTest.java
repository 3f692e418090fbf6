/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.openmrs.module.patientrecordings.site.PolicyAdministration.RIVERSIDE;
import static org.openmrs.module.patientrecordings.site.PolicyFileServiceTest.aLeaflet;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.RuleViolationException;
import org.openmrs.module.patientrecordings.policy.NoFilmingArea;
import org.openmrs.module.patientrecordings.policy.SitePolicy;
import org.openmrs.module.patientrecordings.site.PolicyDiff.Kind;
import org.openmrs.module.patientrecordings.support.SitePolicyBuilder;

@DisplayName("POL-1, POL-2: administering one site's policy part by part")
class SitePolicyAdministrationTest {

    private final PolicyAdministration here = new PolicyAdministration();

    @Test
    @DisplayName("the diff names each changed field by its path; identical versions differ in nothing")
    void diffNamesEachChange() {
        here.policies.addTelephoneNotice(RIVERSIDE, 1, aLeaflet());
        here.policies.endTelephoneNotice(RIVERSIDE, 2, 1, LocalDate.parse("2025-03-09"));
        here.policies.putNoFilmingArea(RIVERSIDE, 3, new NoFilmingArea("WAITING", "Waiting room", List.of("Sign")));

        PolicyDiff diff = here.policies.diff(RIVERSIDE, 1, 4);

        assertThat(diff.changes())
                .extracting(PolicyDiff.Change::path, PolicyDiff.Change::kind)
                .containsExactly(tuple("telephone.notices[1]", Kind.ADDED), tuple("noFilmingAreas[1]", Kind.ADDED));
        assertThat(here.policies.diff(RIVERSIDE, 2, 3).changes())
                .extracting(PolicyDiff.Change::path, PolicyDiff.Change::kind)
                .containsExactly(tuple("telephone.notices[1].endedOn", Kind.ADDED));
        assertThat(here.policies.diff(RIVERSIDE, 4, 1).changes())
                .extracting(PolicyDiff.Change::kind)
                .containsOnly(Kind.REMOVED);
        assertThat(here.policies.diff(RIVERSIDE, 1, 1).changes()).isEmpty();
    }

    @Test
    @DisplayName("a changed value is reported with its before and after")
    void diffOfAChangedValue() {
        here.policies.update(
                RIVERSIDE,
                1,
                SitePolicyBuilder.nextVersionOf(here.riverside())
                        .cliniciansMayNotRecordConsultations()
                        .build());

        PolicyDiff.Change change = here.policies.diff(RIVERSIDE, 1, 2).changes().get(0);

        assertThat(change.path()).isEqualTo("cliniciansMayRecordConsultations");
        assertThat(change.before().getAsBoolean()).isTrue();
        assertThat(change.after().getAsBoolean()).isFalse();
    }

    @Test
    @DisplayName("VER-1: a change made from a version that is no longer current is refused")
    void staleChangeRefused() {
        here.policies.addTelephoneNotice(RIVERSIDE, 1, aLeaflet());

        assertThatThrownBy(() -> here.policies.putNoFilmingArea(
                        RIVERSIDE, 1, new NoFilmingArea("WAITING", "Waiting room", List.of("Sign"))))
                .isInstanceOfSatisfying(
                        RuleViolationException.class,
                        e -> assertThat(e.decision().codes()).containsExactly(ErrorCode.VER_1));
        assertThat(here.policies.versions(RIVERSIDE)).hasSize(2);
    }

    @Test
    @DisplayName("TEL-2: the last notice in use cannot end while calls are recorded")
    void lastNoticeInUseCannotEnd() {
        assertThatThrownBy(() -> here.policies.endTelephoneNotice(RIVERSIDE, null, 0, LocalDate.parse("2025-03-01")))
                .isInstanceOfSatisfying(
                        RuleViolationException.class,
                        e -> assertThat(e.decision().codes()).containsExactly(ErrorCode.TEL_2));
    }

    @Test
    @DisplayName("TEL-2: an ended notice stays in the policy and cannot end twice (LIF-1)")
    void endedNoticeStays() {
        here.policies.addTelephoneNotice(RIVERSIDE, null, aLeaflet());
        SitePolicy ended = here.policies.endTelephoneNotice(RIVERSIDE, null, 0, LocalDate.parse("2025-03-09"));

        assertThat(ended.telephone().notices()).hasSize(2);
        assertThat(ended.telephone().notices().get(0).endedOn()).isEqualTo("2025-03-09");
        assertThatThrownBy(() -> here.policies.endTelephoneNotice(RIVERSIDE, null, 0, LocalDate.parse("2025-03-10")))
                .isInstanceOfSatisfying(
                        RuleViolationException.class,
                        e -> assertThat(e.decision().codes()).containsExactly(ErrorCode.LIF_1));
        assertThat(here.auditTrail()).last().satisfies(PolicyFileServiceTest.refusedPolicyChange());
    }

    @Test
    @DisplayName("PAT-3: an area is lifted from the next version on; the earlier version keeps it")
    void areaLiftedFromNextVersion() {
        SitePolicy without = here.policies.removeNoFilmingArea(RIVERSIDE, null, SitePolicyBuilder.RECEPTION);

        assertThat(without.noFilmingAreas()).isEmpty();
        assertThat(here.policies.version(RIVERSIDE, 1).noFilmingArea(SitePolicyBuilder.RECEPTION))
                .isPresent();
        assertThatThrownBy(() -> here.policies.removeNoFilmingArea(RIVERSIDE, null, SitePolicyBuilder.RECEPTION))
                .isInstanceOfSatisfying(
                        RuleViolationException.class,
                        e -> assertThat(e.decision().codes()).containsExactly(ErrorCode.NF_1));
    }

    @Test
    @DisplayName("SAF-3: a user without the policy privilege is refused before anything is looked up, and audited")
    void partsNeedThePrivilege() {
        here.user.logIn(PolicyAdministration.CLINICIAN);

        assertThatThrownBy(() -> here.policies.removeNoFilmingArea(RIVERSIDE, null, "NOWHERE"))
                .isInstanceOfSatisfying(
                        RuleViolationException.class,
                        e -> assertThat(e.decision().codes()).containsExactly(ErrorCode.SAF_3));
        assertThat(here.auditTrail()).last().satisfies(PolicyFileServiceTest.refusedPolicyChange());
    }
}
