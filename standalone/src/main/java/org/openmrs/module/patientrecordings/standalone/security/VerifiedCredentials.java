/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone.security;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Credentials whose password Argon2 has verified recently (SAF-3), so that a client sending HTTP Basic on every
 * request does not pay the password hash on every request. The rules:
 *
 * <ul>
 *   <li>Only a successful verification is remembered; a failure never is.
 *   <li>An entry is found by an HMAC-SHA-256 of the user name and password under a key drawn at random when the
 *       process starts and never stored: neither the password nor an unkeyed hash of it is kept in memory.
 *   <li>An entry holds the user's row as verified (password hash and account) and counts only while the row is
 *       unchanged: a changed password hash, privilege, name or a removed user drops it ({@link #find}).
 *   <li>An entry lives at most {@code timeToLive} after its verification, and at most {@code capacity} entries are
 *       kept (the least recently used goes first).
 *   <li>Credentials are verified one request at a time ({@link #oneAtATime}): when an entry expires under a client
 *       sending many requests at once, one of them pays Argon2 and the others find its result, instead of every
 *       request paying at the same moment.
 * </ul>
 *
 * Thread-safe.
 */
final class VerifiedCredentials {

    /** How long a verification is remembered by default. */
    static final Duration DEFAULT_TIME_TO_LIVE = Duration.ofMinutes(2);

    /** How many credentials are remembered at most by default. */
    static final int DEFAULT_CAPACITY = 10_000;

    private static final String HMAC = "HmacSHA256";

    /**
     * A user's row as it was when its password was verified.
     *
     * @param passwordHash the stored hash the password matched
     * @param account the account the row gave then
     */
    record Verified(String passwordHash, UserAccount account) {
        Verified {
            Objects.requireNonNull(passwordHash, "passwordHash");
            Objects.requireNonNull(account, "account");
        }

        @Override
        public String toString() {
            return "Verified[" + account.username() + "]";
        }
    }

    private record Entry(Verified verified, Instant expires) {}

    private final Clock clock;
    private final Duration timeToLive;
    private final int capacity;
    private final SecretKeySpec key;
    private final ThreadLocal<Mac> macs;
    private final Map<ByteBuffer, Entry> entries;
    private final ConcurrentHashMap<ByteBuffer, ReentrantLock> verifying = new ConcurrentHashMap<>();

    VerifiedCredentials(Clock clock) {
        this(clock, DEFAULT_TIME_TO_LIVE, DEFAULT_CAPACITY);
    }

    /**
     * @param timeToLive how long after its verification an entry counts; positive
     * @param capacity how many entries are kept at most; positive
     */
    VerifiedCredentials(Clock clock, Duration timeToLive, int capacity) {
        this.clock = Objects.requireNonNull(clock, "clock");
        if (timeToLive.isNegative() || timeToLive.isZero()) {
            throw new IllegalArgumentException("the time to live must be positive");
        }
        if (capacity < 1) {
            throw new IllegalArgumentException("the capacity must be positive");
        }
        this.timeToLive = timeToLive;
        this.capacity = capacity;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, HMAC);
        this.macs = ThreadLocal.withInitial(this::newMac);
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<ByteBuffer, Entry> eldest) {
                return size() > VerifiedCredentials.this.capacity;
            }
        };
    }

    /**
     * The account these credentials were verified for, if that happened within the time to live and the user's row is
     * still the one verified; otherwise the entry, if any, is dropped.
     *
     * @param current the user's row as it is now (password hash and account), or empty when there is no such user
     */
    Optional<UserAccount> find(String username, String password, Optional<Verified> current) {
        ByteBuffer id = id(username, password);
        synchronized (entries) {
            Entry entry = entries.get(id);
            if (entry == null) {
                return Optional.empty();
            }
            if (!clock.instant().isBefore(entry.expires())
                    || current.isEmpty()
                    || !entry.verified().equals(current.get())) {
                entries.remove(id);
                return Optional.empty();
            }
            return Optional.of(entry.verified().account());
        }
    }

    /** Remembers credentials whose password has just been verified against {@code verified}'s hash. */
    void remember(String username, String password, Verified verified) {
        Objects.requireNonNull(verified, "verified");
        ByteBuffer id = id(username, password);
        Entry entry = new Entry(verified, clock.instant().plus(timeToLive));
        synchronized (entries) {
            entries.put(id, entry);
        }
    }

    /**
     * Runs {@code verification} for these credentials while no other thread runs one for the same credentials, so that
     * requests carrying the same credentials at the same moment wait for each other: the verification should first
     * {@link #find} again, and find what the one before it remembered. Different credentials never wait for each
     * other.
     */
    <T> T oneAtATime(String username, String password, Supplier<T> verification) {
        ByteBuffer id = id(username, password);
        ReentrantLock lock = verifying.computeIfAbsent(id, k -> new ReentrantLock());
        lock.lock();
        try {
            return verification.get();
        } finally {
            lock.unlock();
            if (!lock.hasQueuedThreads()) {
                verifying.remove(id, lock);
            }
        }
    }

    /** @return how many entries are kept now (expired ones included until they are looked up or evicted) */
    int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    private ByteBuffer id(String username, String password) {
        Mac mac = macs.get();
        byte[] name = Objects.requireNonNull(username, "username").getBytes(StandardCharsets.UTF_8);
        // Length-prefixed, so that no other pair of name and password gives the same input.
        mac.update(ByteBuffer.allocate(Integer.BYTES).putInt(name.length).array());
        mac.update(name);
        mac.update(Objects.requireNonNull(password, "password").getBytes(StandardCharsets.UTF_8));
        return ByteBuffer.wrap(mac.doFinal());
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is part of every Java runtime", e);
        }
    }
}
