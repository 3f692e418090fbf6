/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.openmrs.module.patientrecordings.support.TestClock;

class FailedLoginsTest {

    private final TestClock clock = new TestClock(Instant.parse("2026-03-02T09:00:00Z"));
    private final FailedLogins failures = new FailedLogins(clock);

    @Test
    void theFirstFailuresCostNothingThenEachFurtherAttemptWaitsTwiceAsLongUpToTheLimit() {
        for (int i = 0; i < FailedLogins.FREE_ATTEMPTS; i++) {
            assertThat(failures.delayBeforeAttempt("admin")).isZero();
            failures.failed("admin");
        }
        assertThat(failures.delayBeforeAttempt("admin")).isEqualTo(FailedLogins.FIRST_DELAY);
        failures.failed("admin");
        assertThat(failures.delayBeforeAttempt("admin")).isEqualTo(FailedLogins.FIRST_DELAY.multipliedBy(2));
        for (int i = 0; i < 40; i++) {
            failures.failed("admin");
        }
        assertThat(failures.delayBeforeAttempt("admin")).isEqualTo(FailedLogins.MAX_DELAY);
    }

    @Test
    void otherNamesAreNotSlowed() {
        for (int i = 0; i < 5; i++) {
            failures.failed("admin");
        }

        assertThat(failures.delayBeforeAttempt("nurse")).isZero();
    }

    @Test
    void aSuccessClearsTheCount() {
        for (int i = 0; i < 5; i++) {
            failures.failed("admin");
        }
        failures.succeeded("admin");

        assertThat(failures.delayBeforeAttempt("admin")).isZero();
    }

    @Test
    void failuresAreForgottenAfterAQuietPeriod() {
        for (int i = 0; i < 5; i++) {
            failures.failed("admin");
        }
        clock.advance(FailedLogins.FORGET_AFTER.minus(Duration.ofSeconds(1)));
        assertThat(failures.delayBeforeAttempt("admin")).isPositive();

        clock.advance(Duration.ofSeconds(1));
        assertThat(failures.delayBeforeAttempt("admin")).isZero();
    }
}
