/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.retention;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The schedules in force: those the module ships, replaced or added to by administered versions (REC-2, POL-1). */
@DisplayName("REC-2, POL-1: the retention schedules in force, shipped and administered")
class RetentionScheduleRegistryTest {

    private final InMemoryRetentionScheduleRepository administered = new InMemoryRetentionScheduleRepository();
    private final RetentionScheduleRegistry registry = RetentionScheduleRegistry.withEnglandDefaults(administered);

    @Test
    @DisplayName("REC-2: with nothing administered, England's shipped defaults are in force, at version 0")
    void theShippedDefaultsAreInForceUntilChanged() {
        assertThat(registry.schedules()).containsExactly(java.util.Map.entry("ENGLAND", RetentionSchedules.england()));
        assertThat(registry.jurisdictions()).containsExactly("ENGLAND");
        assertThat(registry.schedule(Jurisdiction.ENGLAND)).contains(RetentionSchedules.england());
        assertThat(registry.version(Jurisdiction.ENGLAND)).isZero();
        assertThat(registry.shipped(Jurisdiction.ENGLAND)).isTrue();
        assertThat(registry.repository()).isSameAs(administered);
    }

    @Test
    @DisplayName(
            "POL-1, REC-2: an administered version replaces the shipped schedule; a new jurisdiction is added after")
    void administeredVersionsReplaceAndAdd() {
        RetentionSchedule longerMaternity = new RetentionSchedule(
                        Jurisdiction.ENGLAND, RetentionSchedules.england().entries())
                .withEntry(RecordClass.MATERNITY, RetentionRule.yearsAfterLastTreatment(30));
        Jurisdiction wales = Jurisdiction.of("WALES");
        RetentionSchedule welsh =
                new RetentionSchedule(wales, RetentionSchedules.england().entries());

        administered.add(new AdministeredSchedule(longerMaternity, 1));
        administered.add(new AdministeredSchedule(welsh, 1));

        assertThat(registry.schedules().keySet()).containsExactly("ENGLAND", "WALES");
        assertThat(registry.schedule(Jurisdiction.ENGLAND)).contains(longerMaternity);
        assertThat(registry.schedule(wales)).contains(welsh);
        assertThat(registry.schedule(Jurisdiction.of("ATLANTIS"))).isEmpty();
        assertThat(registry.version(Jurisdiction.ENGLAND)).isEqualTo(1);
        assertThat(registry.shipped(wales)).isFalse();
        assertThat(registry.shipped(Jurisdiction.ENGLAND)).isTrue();
    }
}
