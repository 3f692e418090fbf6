/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openmrs.module.patientrecordings.domain.Privilege;
import org.openmrs.module.patientrecordings.domain.UserId;

class SignInSessionsTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-03-02T09:00:00Z"));
    private final SignInSessions sessions = new SignInSessions(clock, Duration.ofMinutes(30), Duration.ofHours(12));
    private final UserAccount clinician =
            new UserAccount(UserId.of("u-clinician"), "clinician", "Dr Clinician", Set.of(Privilege.VIEW_RECORDINGS));

    @Test
    void aSignedInClinicianIsKnownByTheirTokenWithoutTheirPassword() {
        SignInSessions.Opened opened = sessions.open(clinician);

        assertThat(sessions.use(opened.token()))
                .hasValueSatisfying(s -> assertThat(s.user()).isEqualTo(clinician));
        assertThat(opened.token()).hasSizeGreaterThanOrEqualTo(43);
        assertThat(opened.session().csrfToken()).isNotEqualTo(opened.token());
    }

    @Test
    void aSessionEndsAfterThirtyIdleMinutesButNotWhileItIsUsed() {
        String token = sessions.open(clinician).token();
        for (int i = 0; i < 10; i++) {
            clock.advance(Duration.ofMinutes(29));
            assertThat(sessions.use(token)).as("after %d uses", i).isPresent();
        }
        clock.advance(Duration.ofMinutes(30));

        assertThat(sessions.use(token)).isEmpty();
        assertThat(sessions.use(token)).as("forgotten, not revived").isEmpty();
    }

    @Test
    void aSessionEndsTwelveHoursAfterSignInHoweverBusy() {
        String token = sessions.open(clinician).token();
        for (int i = 0; i < 47; i++) {
            clock.advance(Duration.ofMinutes(15));
            assertThat(sessions.use(token)).isPresent();
        }
        clock.advance(Duration.ofMinutes(15));

        assertThat(sessions.use(token)).isEmpty();
    }

    @Test
    void signingOutEndsTheSessionAndOnlyThatOne() {
        String first = sessions.open(clinician).token();
        String second = sessions.open(clinician).token();

        sessions.close(first);

        assertThat(sessions.use(first)).isEmpty();
        assertThat(sessions.use(second)).isPresent();
    }

    @Test
    void unknownTokensNameNoSession() {
        sessions.open(clinician);

        assertThat(sessions.use("not-a-token")).isEmpty();
        assertThat(sessions.use("")).isEmpty();
        assertThat(sessions.use(null)).isEmpty();
    }

    @Test
    void theCsrfTokenMatchesOnlyItself() {
        SignInSessions.Session session = sessions.open(clinician).session();

        assertThat(session.csrfMatches(session.csrfToken())).isTrue();
        assertThat(session.csrfMatches(session.csrfToken() + "x")).isFalse();
        assertThat(session.csrfMatches(null)).isFalse();
    }

    @Test
    void endedSessionsAreForgottenWhenTheNextOneOpens() {
        sessions.open(clinician);
        sessions.open(clinician);
        clock.advance(Duration.ofHours(1));

        sessions.open(clinician);

        assertThat(sessions.size()).isEqualTo(1);
    }

    @Test
    void timeoutsMustBePositive() {
        assertThatThrownBy(() -> new SignInSessions(clock, Duration.ZERO, Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("idleTimeout");
    }

    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
