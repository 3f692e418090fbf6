/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openmrs.module.patientrecordings.domain.Privilege;
import org.openmrs.module.patientrecordings.domain.UserId;
import org.openmrs.module.patientrecordings.support.TestClock;

class VerifiedCredentialsTest {

    private static final UserAccount NURSE =
            new UserAccount(UserId.random(), "nurse", "Nurse Jo", Set.of(Privilege.VIEW_RECORDINGS));
    private static final VerifiedCredentials.Verified ROW = new VerifiedCredentials.Verified("$argon2id$hash1", NURSE);

    private final TestClock clock = new TestClock(Instant.parse("2026-03-02T09:00:00Z"));
    private final VerifiedCredentials cache = new VerifiedCredentials(clock, Duration.ofMinutes(2), 3);

    @Test
    void recognisesCredentialsVerifiedRecentlyWhileTheRowIsUnchanged() {
        cache.remember("nurse", "Secret123", ROW);

        assertThat(cache.find("nurse", "Secret123", Optional.of(ROW))).contains(NURSE);
    }

    @Test
    void aDifferentPasswordOrNameIsNotRecognised() {
        cache.remember("nurse", "Secret123", ROW);

        assertThat(cache.find("nurse", "Secret124", Optional.of(ROW))).isEmpty();
        assertThat(cache.find("nurses", "ecret123", Optional.of(ROW))).isEmpty();
        assertThat(cache.find("nurseS", "ecret123", Optional.of(ROW))).isEmpty();
    }

    @Test
    void forgetsAVerificationOnceItsTimeToLiveHasPassed() {
        cache.remember("nurse", "Secret123", ROW);
        clock.advance(Duration.ofMinutes(2));

        assertThat(cache.find("nurse", "Secret123", Optional.of(ROW))).isEmpty();
        assertThat(cache.size()).isZero();
    }

    @Test
    void aChangedPasswordDropsTheEntryForGood() {
        cache.remember("nurse", "Secret123", ROW);

        assertThat(cache.find(
                        "nurse", "Secret123", Optional.of(new VerifiedCredentials.Verified("$argon2id$hash2", NURSE))))
                .isEmpty();
        // Even if the old row came back, the entry is gone: the password must be verified again.
        assertThat(cache.find("nurse", "Secret123", Optional.of(ROW))).isEmpty();
    }

    @Test
    void aChangedPrivilegeOrNameDropsTheEntry() {
        cache.remember("nurse", "Secret123", ROW);
        UserAccount granted = new UserAccount(
                NURSE.id(), "nurse", "Nurse Jo", EnumSet.of(Privilege.VIEW_RECORDINGS, Privilege.VIEW_AUDIT));

        assertThat(cache.find(
                        "nurse",
                        "Secret123",
                        Optional.of(new VerifiedCredentials.Verified(ROW.passwordHash(), granted))))
                .isEmpty();
        assertThat(cache.size()).isZero();
    }

    @Test
    void aRemovedUserDropsTheEntry() {
        cache.remember("nurse", "Secret123", ROW);

        assertThat(cache.find("nurse", "Secret123", Optional.empty())).isEmpty();
        assertThat(cache.size()).isZero();
    }

    @Test
    void keepsAtMostItsCapacityDroppingTheLeastRecentlyUsed() {
        cache.remember("a", "Password1", ROW);
        cache.remember("b", "Password1", ROW);
        cache.remember("c", "Password1", ROW);
        assertThat(cache.find("a", "Password1", Optional.of(ROW))).isPresent();

        cache.remember("d", "Password1", ROW);

        assertThat(cache.size()).isEqualTo(3);
        assertThat(cache.find("b", "Password1", Optional.of(ROW))).isEmpty();
        assertThat(cache.find("a", "Password1", Optional.of(ROW))).isPresent();
        assertThat(cache.find("d", "Password1", Optional.of(ROW))).isPresent();
    }

    @Test
    void twoProcessesDoNotShareKeys() {
        VerifiedCredentials other = new VerifiedCredentials(clock, Duration.ofMinutes(2), 3);
        cache.remember("nurse", "Secret123", ROW);

        assertThat(other.find("nurse", "Secret123", Optional.of(ROW))).isEmpty();
    }

    @Test
    void refusesANonPositiveTimeToLiveOrCapacity() {
        assertThatThrownBy(() -> new VerifiedCredentials(clock, Duration.ZERO, 3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new VerifiedCredentials(clock, Duration.ofMinutes(1), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
