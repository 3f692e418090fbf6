/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that stands still until a test moves it on. */
public final class TestClock extends Clock {

    private Instant now;

    public TestClock(Instant start) {
        this.now = start;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the test clock keeps UTC");
    }

    @Override
    public synchronized Instant instant() {
        return now;
    }

    public synchronized TestClock advance(Duration duration) {
        now = now.plus(duration);
        return this;
    }

    /** Moves the clock to the start of {@code day} (UTC); it may not go back. */
    public synchronized TestClock moveTo(LocalDate day) {
        Instant target = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        if (target.isBefore(now)) {
            throw new IllegalArgumentException("the test clock does not go back");
        }
        now = target;
        return this;
    }

    public synchronized LocalDate today() {
        return LocalDate.ofInstant(now, ZoneOffset.UTC);
    }
}
