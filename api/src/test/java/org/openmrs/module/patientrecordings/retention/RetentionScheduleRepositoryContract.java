/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openmrs.module.patientrecordings.support.Concurrently.concurrently;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.Reason;
import org.openmrs.module.patientrecordings.domain.RuleViolationException;

/**
 * What every {@link RetentionScheduleRepository} must do, whatever stores it: keep every administered version of
 * every jurisdiction's schedule whole (REC-2, POL-2), and let exactly one of several concurrent changes create a
 * version (VER-1). An implementation's test extends this and says how to get an empty repository.
 */
public abstract class RetentionScheduleRepositoryContract {

    private static final int WRITERS = 8;
    private static final Jurisdiction WALES = Jurisdiction.of("WALES");

    protected RetentionScheduleRepository schedules;

    /** @return a repository that holds no administered schedules */
    protected abstract RetentionScheduleRepository emptyRepository();

    @BeforeEach
    void startEmpty() {
        schedules = emptyRepository();
    }

    @Test
    void aScheduleWithNestedRulesReadsBackEqual() {
        AdministeredSchedule england = new AdministeredSchedule(RetentionSchedules.england(), 1);

        assertThat(schedules.add(england)).isTrue();

        assertThat(schedules.current(Jurisdiction.ENGLAND)).contains(england);
        assertThat(schedules.versions(Jurisdiction.ENGLAND)).containsExactly(england);
    }

    @Test
    void everyVersionIsKeptOldestFirstAndTheLatestIsCurrentPOL2() {
        AdministeredSchedule first = new AdministeredSchedule(RetentionSchedules.england(), 1);
        AdministeredSchedule second = new AdministeredSchedule(longerMaternity(Jurisdiction.ENGLAND, 30), 2);
        AdministeredSchedule third = new AdministeredSchedule(longerMaternity(Jurisdiction.ENGLAND, 40), 3);

        schedules.add(first);
        schedules.add(second);
        schedules.add(third);

        assertThat(schedules.versions(Jurisdiction.ENGLAND)).containsExactly(first, second, third);
        assertThat(schedules.current(Jurisdiction.ENGLAND)).contains(third);
        assertThat(schedules
                        .current(Jurisdiction.ENGLAND)
                        .orElseThrow()
                        .schedule()
                        .ruleFor(RecordClass.MATERNITY))
                .isEqualTo(RetentionRule.yearsAfterLastTreatment(40));
    }

    @Test
    void aJurisdictionWithoutAdministeredVersionsHasNone() {
        assertThat(schedules.current(WALES)).isEmpty();
        assertThat(schedules.versions(WALES)).isEmpty();
        assertThat(schedules.jurisdictions()).isEmpty();
    }

    @Test
    void theJurisdictionsAreListedOnceEachInTheOrderTheyWereFirstAdded() {
        schedules.add(new AdministeredSchedule(longerMaternity(WALES, 30), 1));
        schedules.add(new AdministeredSchedule(RetentionSchedules.england(), 1));
        schedules.add(new AdministeredSchedule(longerMaternity(WALES, 31), 2));

        assertThat(schedules.jurisdictions()).containsExactly(WALES, Jurisdiction.ENGLAND);
        assertThat(schedules.current(WALES).orElseThrow().version()).isEqualTo(2);
    }

    @Test
    void aVersionThatExistsIsNotAddedAgainPOL2() {
        AdministeredSchedule first = new AdministeredSchedule(RetentionSchedules.england(), 1);
        schedules.add(first);

        boolean added = schedules.add(new AdministeredSchedule(longerMaternity(Jurisdiction.ENGLAND, 30), 1));

        assertThat(added).isFalse();
        assertThat(schedules.versions(Jurisdiction.ENGLAND)).containsExactly(first);
    }

    @Test
    void ofEightAdministratorsAddingTheSameVersionAtOnceExactlyOneSucceedsVER1() throws Exception {
        schedules.add(new AdministeredSchedule(RetentionSchedules.england(), 1));

        List<Object> outcomes = concurrently(
                WRITERS,
                i -> schedules.add(new AdministeredSchedule(longerMaternity(Jurisdiction.ENGLAND, 30 + i), 2)));

        assertThat(outcomes).filteredOn(Boolean.TRUE::equals).hasSize(1);
        assertThat(outcomes)
                .filteredOn(o -> !Boolean.TRUE.equals(o))
                .hasSize(WRITERS - 1)
                .allSatisfy(o -> {
                    if (o instanceof RuleViolationException e) {
                        assertThat(e.reasons().stream().map(Reason::code)).containsExactly(ErrorCode.VER_1);
                    } else {
                        assertThat(o).isEqualTo(Boolean.FALSE);
                    }
                });
        assertThat(schedules.versions(Jurisdiction.ENGLAND)).hasSize(2);
        assertThat(schedules.current(Jurisdiction.ENGLAND).orElseThrow().version())
                .isEqualTo(2);
    }

    /** The England schedule for {@code jurisdiction}, maternity records kept {@code years} after treatment. */
    private static RetentionSchedule longerMaternity(Jurisdiction jurisdiction, int years) {
        return new RetentionSchedule(jurisdiction, RetentionSchedules.england().entries())
                .withEntry(RecordClass.MATERNITY, RetentionRule.yearsAfterLastTreatment(years));
    }
}
