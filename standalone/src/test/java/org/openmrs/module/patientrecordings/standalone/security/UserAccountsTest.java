/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openmrs.module.patientrecordings.domain.Privilege;
import org.openmrs.module.patientrecordings.persistence.Database;
import org.openmrs.module.patientrecordings.standalone.testing.H2Database;

class UserAccountsTest {

    private final Database database = H2Database.open();
    private final UserAccounts users = new UserAccounts(database, new PasswordHasher(), Clock.systemUTC());

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aCreatedUserLogsInWithTheirPasswordAndActsWithTheirPrivileges() {
        UserAccount auditor = users.createIfAbsent(
                        "auditor", "Demo Auditor", "Auditor123", Set.of(Privilege.VIEW_AUDIT))
                .orElseThrow();

        assertThat(users.authenticate("auditor", "Auditor123")).contains(auditor);
        assertThat(auditor.actor().privileges()).containsExactly(Privilege.VIEW_AUDIT);
        assertThat(auditor.actor().user()).isEqualTo(auditor.id());
    }

    @Test
    void aWrongPasswordOrUnknownUserDoesNotLogIn() {
        users.createIfAbsent("admin", "Administrator", "Admin123", EnumSet.allOf(Privilege.class));

        assertThat(users.authenticate("admin", "admin123")).isEmpty();
        assertThat(users.authenticate("nobody", "Admin123")).isEmpty();
        assertThat(users.authenticate(null, null)).isEmpty();
    }

    @Test
    void creatingAnExistingUserChangesNothing() {
        users.createIfAbsent("admin", "Administrator", "Admin123", EnumSet.allOf(Privilege.class));

        assertThat(users.createIfAbsent("admin", "Someone else", "Other12345", Set.of()))
                .isEmpty();
        assertThat(users.count()).isEqualTo(1);
        assertThat(users.authenticate("admin", "Admin123").orElseThrow().privileges())
                .containsExactlyInAnyOrder(Privilege.values());
    }

    @Test
    void refusesBadNamesAndShortPasswords() {
        assertThatThrownBy(() -> users.createIfAbsent("Admin", "A", "Admin123", Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> users.createIfAbsent("admin", "A", "short", Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aVerifiedLoginIsRememberedButAWrongPasswordNeverIs() {
        VerifiedCredentials verified = new VerifiedCredentials(Clock.systemUTC());
        UserAccounts cached = new UserAccounts(database, new PasswordHasher(), Clock.systemUTC(), verified);
        cached.createIfAbsent("nurse", "Nurse Jo", "Secret123", Set.of(Privilege.VIEW_RECORDINGS));

        assertThat(cached.authenticate("nurse", "Secret124")).isEmpty();
        assertThat(verified.size()).isZero();
        assertThat(cached.authenticate("nurse", "Secret123")).isPresent();
        assertThat(verified.size()).isEqualTo(1);
        assertThat(cached.authenticate("nurse", "Secret124")).isEmpty();
        assertThat(cached.authenticate("nurse", "Secret123")).isPresent();
    }

    @Test
    void requestsArrivingTogetherWithTheSameCredentialsPayArgon2Once() throws Exception {
        AtomicInteger verifications = new AtomicInteger();
        PasswordHasher counting = new PasswordHasher() {
            @Override
            public boolean matches(String password, String hash) {
                verifications.incrementAndGet();
                return super.matches(password, hash);
            }
        };
        UserAccounts cached =
                new UserAccounts(database, counting, Clock.systemUTC(), new VerifiedCredentials(Clock.systemUTC()));
        UserAccount nurse = cached.createIfAbsent("nurse", "Nurse Jo", "Secret123", Set.of(Privilege.VIEW_RECORDINGS))
                .orElseThrow();
        int requests = 16;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(requests);
        try {
            List<Future<Optional<UserAccount>>> logins = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                logins.add(threads.submit(() -> {
                    start.await();
                    return cached.authenticate("nurse", "Secret123");
                }));
            }
            start.countDown();
            for (Future<Optional<UserAccount>> login : logins) {
                assertThat(login.get()).contains(nurse);
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(verifications).hasValue(1);
        assertThat(cached.authenticate("nurse", "Secret124")).isEmpty();
        assertThat(verifications).hasValue(2);
    }

    @Test
    void aPasswordChangedInTheDatabaseEndsTheRememberedLogin() {
        VerifiedCredentials verified = new VerifiedCredentials(Clock.systemUTC());
        UserAccounts cached = new UserAccounts(database, new PasswordHasher(), Clock.systemUTC(), verified);
        cached.createIfAbsent("nurse", "Nurse Jo", "Secret123", Set.of(Privilege.VIEW_RECORDINGS));
        assertThat(cached.authenticate("nurse", "Secret123")).isPresent();

        String newHash = new PasswordHasher().hash("Changed123");
        database.runInTransaction(
                em -> em.createQuery("update UserRow u set u.passwordHash = :h where u.username = 'nurse'")
                        .setParameter("h", newHash)
                        .executeUpdate());

        assertThat(cached.authenticate("nurse", "Secret123")).isEmpty();
        assertThat(verified.size()).isZero();
        assertThat(cached.authenticate("nurse", "Changed123")).isPresent();
    }

    @Test
    void aPrivilegeChangedInTheDatabaseIsSeenOnTheNextRequest() {
        VerifiedCredentials verified = new VerifiedCredentials(Clock.systemUTC());
        UserAccounts cached = new UserAccounts(database, new PasswordHasher(), Clock.systemUTC(), verified);
        cached.createIfAbsent("nurse", "Nurse Jo", "Secret123", Set.of(Privilege.VIEW_RECORDINGS));
        assertThat(cached.authenticate("nurse", "Secret123")).isPresent();

        database.runInTransaction(
                em -> em.createQuery("update UserRow u set u.privileges = '' where u.username = 'nurse'")
                        .executeUpdate());

        assertThat(cached.authenticate("nurse", "Secret123").orElseThrow().privileges())
                .isEmpty();
    }

    @Test
    void aRemovedUserNoLongerLogsIn() {
        VerifiedCredentials verified = new VerifiedCredentials(Clock.systemUTC());
        UserAccounts cached = new UserAccounts(database, new PasswordHasher(), Clock.systemUTC(), verified);
        cached.createIfAbsent("nurse", "Nurse Jo", "Secret123", Set.of(Privilege.VIEW_RECORDINGS));
        assertThat(cached.authenticate("nurse", "Secret123")).isPresent();

        database.runInTransaction(em -> em.createQuery("delete from UserRow u where u.username = 'nurse'")
                .executeUpdate());

        assertThat(cached.authenticate("nurse", "Secret123")).isEmpty();
    }
}
