/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone.security;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.openmrs.module.patientrecordings.domain.Privilege;
import org.openmrs.module.patientrecordings.domain.UserId;
import org.openmrs.module.patientrecordings.persistence.Database;

/**
 * The standalone server's users: created with a hashed password, and authenticated (SAF-3). A password is verified
 * with Argon2 ({@link PasswordHasher}); a verification is then remembered for a short time ({@link
 * VerifiedCredentials}) so that clients sending Basic credentials on every request do not pay Argon2 each time, and
 * repeated failures under one name are slowed ({@link FailedLogins}). Thread-safe.
 */
public final class UserAccounts {

    /** The entity classes the users table maps to. */
    public static final List<Class<?>> ENTITIES = List.of(UserRow.class);

    private static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._-]{0,99}");

    private final Database database;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final VerifiedCredentials verified;
    private final FailedLogins failures;

    public UserAccounts(Database database, PasswordHasher hasher, Clock clock) {
        this(database, hasher, clock, new VerifiedCredentials(clock));
    }

    UserAccounts(Database database, PasswordHasher hasher, Clock clock, VerifiedCredentials verified) {
        this.database = Objects.requireNonNull(database, "database");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.verified = Objects.requireNonNull(verified, "verified");
        this.failures = new FailedLogins(clock);
    }

    /**
     * Creates a user unless one with this name exists already.
     *
     * @param username lower-case letters, digits, {@code .}, {@code _} or {@code -}, starting with a letter
     * @param password at least 8 characters; only its hash is stored
     * @return the user created, or empty when the name was taken (nothing is changed then)
     */
    public Optional<UserAccount> createIfAbsent(
            String username, String displayName, String password, Set<Privilege> privileges) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new IllegalArgumentException("a user name is a lower-case letter then letters, digits, . _ or -");
        }
        if (password == null || password.length() < 8) {
            throw new IllegalArgumentException("a password has at least 8 characters");
        }
        if (find(username).isPresent()) {
            return Optional.empty();
        }
        UserAccount account = new UserAccount(UserId.random(), username, displayName, privileges);
        String hash = hasher.hash(password);
        try {
            database.runInTransaction(
                    em -> em.persist(UserRow.of(account, hash, LocalDateTime.now(clock.withZone(ZoneOffset.UTC)))));
        } catch (RuntimeException e) {
            // Another instance created the same user in between: the unique constraint kept it single.
            if (find(username).isPresent()) {
                return Optional.empty();
            }
            throw e;
        }
        return Optional.of(account);
    }

    /** The user with this login name, if any. */
    public Optional<UserAccount> find(String username) {
        return row(username).map(UserRow::toAccount);
    }

    /** How notes and messages name the user with this id: "Display Name (username)"; empty for an unknown id. */
    public Optional<String> nameOf(UserId id) {
        Objects.requireNonNull(id, "id");
        return database.inCurrentTransaction(em -> Optional.ofNullable(em.find(UserRow.class, id.value())))
                .map(row -> row.toAccount().actor().describe());
    }

    /**
     * Checks a login. Takes about as long for an unknown user as for a wrong password. Credentials verified within
     * the last minutes are recognised without Argon2 while the user's row is unchanged; after several failures under
     * one name, each further attempt waits before its password is checked.
     *
     * @return the user when the password matches, else empty
     */
    public Optional<UserAccount> authenticate(String username, String password) {
        if (username == null || password == null) {
            hasher.matches(password, null);
            return Optional.empty();
        }
        Optional<VerifiedCredentials.Verified> current =
                row(username).map(r -> new VerifiedCredentials.Verified(r.passwordHash(), r.toAccount()));
        Optional<UserAccount> recognised = verified.find(username, password, current);
        if (recognised.isPresent()) {
            return recognised;
        }
        return verified.oneAtATime(username, password, () -> verify(username, password, current));
    }

    /** Verifies a password with Argon2, unless a request with the same credentials has just done so. */
    private Optional<UserAccount> verify(
            String username, String password, Optional<VerifiedCredentials.Verified> current) {
        Optional<UserAccount> meanwhile = verified.find(username, password, current);
        if (meanwhile.isPresent()) {
            return meanwhile;
        }
        pause(failures.delayBeforeAttempt(username));
        boolean matches = hasher.matches(
                password,
                current.map(VerifiedCredentials.Verified::passwordHash).orElse(null));
        if (!matches) {
            failures.failed(username);
            return Optional.empty();
        }
        failures.succeeded(username);
        verified.remember(username, password, current.get());
        return current.map(VerifiedCredentials.Verified::account);
    }

    /** How many users there are. */
    public long count() {
        return database.inTransaction(em ->
                em.createQuery("select count(u) from UserRow u", Long.class).getSingleResult());
    }

    private static void pause(Duration delay) {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Optional<UserRow> row(String username) {
        return database.inTransaction(
                em -> em.createQuery("select u from UserRow u where u.username = :username", UserRow.class)
                        .setParameter("username", username)
                        .getResultStream()
                        .findFirst());
    }
}
