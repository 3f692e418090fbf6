/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone.security;

import java.time.Clock;
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

/** The standalone server's users: created with a hashed password, and authenticated. Thread-safe. */
public final class UserAccounts {

    /** The entity classes the users table maps to. */
    public static final List<Class<?>> ENTITIES = List.of(UserRow.class);

    private static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._-]{0,99}");

    private final Database database;
    private final PasswordHasher hasher;
    private final Clock clock;

    public UserAccounts(Database database, PasswordHasher hasher, Clock clock) {
        this.database = Objects.requireNonNull(database, "database");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.clock = Objects.requireNonNull(clock, "clock");
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

    /**
     * Checks a login. Takes about as long for an unknown user as for a wrong password.
     *
     * @return the user when the password matches, else empty
     */
    public Optional<UserAccount> authenticate(String username, String password) {
        Optional<UserRow> row = username == null ? Optional.empty() : row(username);
        boolean matches =
                hasher.matches(password, row.map(UserRow::passwordHash).orElse(null));
        return matches ? row.map(UserRow::toAccount) : Optional.empty();
    }

    /** How many users there are. */
    public long count() {
        return database.inTransaction(em ->
                em.createQuery("select count(u) from UserRow u", Long.class).getSingleResult());
    }

    private Optional<UserRow> row(String username) {
        return database.inTransaction(
                em -> em.createQuery("select u from UserRow u where u.username = :username", UserRow.class)
                        .setParameter("username", username)
                        .getResultStream()
                        .findFirst());
    }
}
