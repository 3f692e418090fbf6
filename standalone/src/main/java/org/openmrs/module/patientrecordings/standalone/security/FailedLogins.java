/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Slows repeated wrong passwords for one user name (SAF-3): the first {@link #FREE_ATTEMPTS} failures cost nothing
 * extra; after them every further attempt under that name waits, twice as long each time from {@link #FIRST_DELAY} up
 * to {@link #MAX_DELAY}, before its password is checked. A success, or {@link #FORGET_AFTER} without a failure, clears
 * the count. Names are counted whether or not such a user exists, so the delay does not tell; at most {@link
 * #CAPACITY} names are tracked (the least recently failed go first). Thread-safe.
 */
final class FailedLogins {

    static final int FREE_ATTEMPTS = 3;
    static final Duration FIRST_DELAY = Duration.ofMillis(250);
    static final Duration MAX_DELAY = Duration.ofSeconds(4);
    static final Duration FORGET_AFTER = Duration.ofMinutes(15);
    static final int CAPACITY = 10_000;

    private record Count(int failures, Instant last) {}

    private final Clock clock;
    private final Map<String, Count> counts = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Count> eldest) {
            return size() > CAPACITY;
        }
    };

    FailedLogins(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** @return how long an attempt under this name waits before its password is checked; zero mostly */
    Duration delayBeforeAttempt(String username) {
        int failures = recentFailures(username);
        if (failures < FREE_ATTEMPTS) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - FREE_ATTEMPTS, 16);
        Duration delay = FIRST_DELAY.multipliedBy(1L << doublings);
        return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
    }

    /** Counts a wrong password (or unknown name). */
    void failed(String username) {
        Instant now = clock.instant();
        synchronized (counts) {
            counts.put(username, new Count(recentFailures(username) + 1, now));
        }
    }

    /** Clears the count after a correct password. */
    void succeeded(String username) {
        synchronized (counts) {
            counts.remove(username);
        }
    }

    private int recentFailures(String username) {
        synchronized (counts) {
            Count count = counts.get(username);
            if (count == null) {
                return 0;
            }
            if (!clock.instant().isBefore(count.last().plus(FORGET_AFTER))) {
                counts.remove(username);
                return 0;
            }
            return count.failures();
        }
    }
}
