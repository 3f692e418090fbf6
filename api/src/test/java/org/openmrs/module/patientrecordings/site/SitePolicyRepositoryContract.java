/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openmrs.module.patientrecordings.support.Concurrently.concurrently;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.Purpose;
import org.openmrs.module.patientrecordings.domain.Reason;
import org.openmrs.module.patientrecordings.domain.RecordingKind;
import org.openmrs.module.patientrecordings.domain.RuleViolationException;
import org.openmrs.module.patientrecordings.domain.SiteId;
import org.openmrs.module.patientrecordings.policy.MissingNoteHandling;
import org.openmrs.module.patientrecordings.policy.NoFilmingArea;
import org.openmrs.module.patientrecordings.policy.NoticeMeans;
import org.openmrs.module.patientrecordings.policy.SecondaryPurposeRule;
import org.openmrs.module.patientrecordings.policy.SitePolicy;
import org.openmrs.module.patientrecordings.policy.TelephoneNotice;
import org.openmrs.module.patientrecordings.policy.TelephonePolicy;
import org.openmrs.module.patientrecordings.retention.RecordClass;

/**
 * What every {@link SitePolicyRepository} must do, whatever stores it: keep every version of every site's policy
 * whole (POL-2), and let exactly one of several concurrent changes create a version (VER-1). An implementation's test
 * extends this and says how to get an empty repository.
 */
public abstract class SitePolicyRepositoryContract {

    private static final int WRITERS = 8;

    private final SiteId site = SiteId.random();

    protected SitePolicyRepository policies;

    /** @return a repository that holds no policies */
    protected abstract SitePolicyRepository emptyRepository();

    @BeforeEach
    void startEmpty() {
        policies = emptyRepository();
    }

    @Test
    void aFreshRepositoryAnswersTheBuiltInServerDefaultAsItsFirstVersion() {
        SitePolicy builtIn = SitePolicy.serverDefault();

        assertThat(policies.current(SitePolicy.SERVER_DEFAULT)).contains(builtIn);
        assertThat(policies.version(SitePolicy.SERVER_DEFAULT, 1)).contains(builtIn);
        assertThat(policies.versions(SitePolicy.SERVER_DEFAULT)).containsExactly(builtIn);
        assertThat(policies.inForce(site)).isEqualTo(builtIn);
        assertThat(policies.applied(site, true, 1)).contains(builtIn);
        assertThat(policies.applied(site, false, 1)).isEmpty();
        assertThat(policies.sites()).isEmpty();
    }

    @Test
    void theServerDefaultIsVersionedAndASitesOwnPolicyReplacesItForThatSiteOnly() {
        SiteId other = SiteId.random();
        SitePolicy second = withoutConsultations(SitePolicy.serverDefault().nextVersion());
        policies.add(second);

        assertThat(policies.inForce(site)).isEqualTo(second);
        assertThat(policies.versions(SitePolicy.SERVER_DEFAULT)).containsExactly(SitePolicy.serverDefault(), second);
        assertThat(policies.version(SitePolicy.SERVER_DEFAULT, 1)).contains(SitePolicy.serverDefault());
        assertThatThrownBy(() -> policies.add(
                        withoutConsultations(SitePolicy.serverDefault().nextVersion())))
                .isInstanceOfSatisfying(
                        RuleViolationException.class,
                        e -> assertThat(e.decision().codes()).containsExactly(ErrorCode.VER_1));

        SitePolicy own = SitePolicy.serverDefault().as(site, 1);
        policies.add(own);

        assertThat(policies.inForce(site)).isEqualTo(own);
        assertThat(policies.inForce(other)).isEqualTo(second);
        assertThat(policies.applied(site, true, 2)).contains(second);
        assertThat(policies.applied(site, false, 1)).contains(own);
        assertThat(policies.sites()).containsExactly(site);
    }

    protected static SitePolicy withoutConsultations(SitePolicy p) {
        return new SitePolicy(
                p.site(),
                p.version(),
                p.allowedKinds(),
                false,
                p.telephone(),
                p.noFilmingAreas(),
                p.secondaryPurposes(),
                p.jurisdiction(),
                p.recordClass(),
                p.missingNote());
    }

    @Test
    void aPolicyWithEverySettingReadsBackEqual() {
        SitePolicy full = new SitePolicy(
                site,
                1,
                Set.of(RecordingKind.CONSULTATION, RecordingKind.PROCEDURE, RecordingKind.CLINICAL_PHOTO),
                true,
                new TelephonePolicy(
                        true,
                        Set.of(Purpose.DIRECT_CARE, Purpose.QUALITY),
                        List.of(
                                new TelephoneNotice(
                                        NoticeMeans.WAITING_ROOM_POSTER,
                                        "Poster by the front desk",
                                        LocalDate.of(2024, 1, 8),
                                        LocalDate.of(2025, 6, 30)),
                                new TelephoneNotice(
                                        NoticeMeans.RECORDED_MESSAGE,
                                        "Calls to and from the practice are recorded",
                                        LocalDate.of(2025, 7, 1),
                                        null))),
                List.of(
                        new NoFilmingArea(
                                "RECEPTION", "Reception", List.of("Sign on the front door", "Sign by the desk")),
                        new NoFilmingArea("WAITING", "Waiting room \"A\"", List.of("Sign on the wall"))),
                List.of(
                        new SecondaryPurposeRule(Purpose.TRAINING, null),
                        new SecondaryPurposeRule(Purpose.RESEARCH, "Caldicott Guardian")),
                "SCOTLAND",
                RecordClass.MENTAL_HEALTH,
                MissingNoteHandling.FLAG);

        SitePolicy added = policies.add(full);

        assertThat(added).isEqualTo(full);
        assertThat(policies.current(site)).contains(full);
        assertThat(policies.version(site, 1)).contains(full);
    }

    @Test
    void aPolicyWithEmptyListsReadsBackEqual() {
        SitePolicy bare = aPolicy(site, 1);

        policies.add(bare);

        SitePolicy read = policies.current(site).orElseThrow();
        assertThat(read).isEqualTo(bare);
        assertThat(read.noFilmingAreas()).isEmpty();
        assertThat(read.telephone()).isEqualTo(TelephonePolicy.OFF);
    }

    @Test
    void everyVersionIsKeptOldestFirstAndTheLatestIsCurrentPOL2() {
        SitePolicy first = aPolicy(site, 1);
        SitePolicy second = new SitePolicy(
                site,
                2,
                Set.of(RecordingKind.CLINICAL_PHOTO),
                false,
                TelephonePolicy.OFF,
                List.of(),
                List.of(),
                "ENGLAND",
                RecordClass.GP,
                MissingNoteHandling.FLAG);
        SitePolicy third = second.nextVersion();

        policies.add(first);
        policies.add(second);
        policies.add(third);

        assertThat(policies.versions(site)).containsExactly(first, second, third);
        assertThat(policies.current(site)).contains(third);
        assertThat(policies.version(site, 1)).contains(first);
        assertThat(policies.version(site, 2)).contains(second);
        assertThat(policies.version(site, 4)).isEmpty();
    }

    @Test
    void aSiteWithoutAPolicyHasNoVersions() {
        SiteId other = SiteId.random();

        assertThat(policies.current(other)).isEmpty();
        assertThat(policies.version(other, 1)).isEmpty();
        assertThat(policies.versions(other)).isEmpty();
    }

    @Test
    void theSitesAreListedOnceEachInTheOrderTheyGotAPolicy() {
        SiteId second = SiteId.random();
        policies.add(aPolicy(site, 1));
        policies.add(aPolicy(second, 1));
        policies.add(aPolicy(site, 2));

        assertThat(policies.sites()).containsExactly(site, second);
    }

    @Test
    void aVersionThatExistsCannotBeAddedAgainVER1POL2() {
        SitePolicy first = aPolicy(site, 1);
        policies.add(first);

        assertThatThrownBy(() -> policies.add(new SitePolicy(
                        site,
                        1,
                        Set.of(),
                        false,
                        TelephonePolicy.OFF,
                        List.of(),
                        List.of(),
                        "WALES",
                        RecordClass.GP,
                        MissingNoteHandling.FLAG)))
                .isInstanceOfSatisfying(
                        RuleViolationException.class, e -> assertThat(codes(e)).containsExactly(ErrorCode.VER_1));

        assertThat(policies.versions(site)).containsExactly(first);
    }

    @Test
    void ofEightAdministratorsAddingTheSameVersionAtOnceExactlyOneSucceedsAndTheOthersGetVER1() throws Exception {
        policies.add(aPolicy(site, 1));

        List<Object> outcomes = concurrently(
                WRITERS,
                i -> policies.add(new SitePolicy(
                        site,
                        2,
                        Set.of(RecordingKind.CONSULTATION),
                        i % 2 == 0,
                        TelephonePolicy.OFF,
                        List.of(),
                        List.of(),
                        "ENGLAND",
                        RecordClass.GENERAL,
                        MissingNoteHandling.BLOCK)));

        assertThat(outcomes).filteredOn(SitePolicy.class::isInstance).hasSize(1);
        assertThat(outcomes)
                .filteredOn(RuleViolationException.class::isInstance)
                .hasSize(WRITERS - 1)
                .allSatisfy(e -> assertThat(codes((RuleViolationException) e)).containsExactly(ErrorCode.VER_1));
        SitePolicy winner = (SitePolicy) outcomes.stream()
                .filter(SitePolicy.class::isInstance)
                .findFirst()
                .orElseThrow();
        assertThat(policies.versions(site)).hasSize(2).last().isEqualTo(winner);
    }

    /** Version {@code version} of a site's policy with nothing but the required settings. */
    protected static SitePolicy aPolicy(SiteId site, int version) {
        return new SitePolicy(
                site,
                version,
                Set.of(RecordingKind.CONSULTATION),
                true,
                TelephonePolicy.OFF,
                List.of(),
                List.of(),
                "ENGLAND",
                RecordClass.GENERAL,
                MissingNoteHandling.BLOCK);
    }

    private static List<ErrorCode> codes(RuleViolationException e) {
        return e.reasons().stream().map(Reason::code).toList();
    }
}
