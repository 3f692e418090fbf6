/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone.security;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The browser sessions of the standalone server's sign-in: a user signs in once with their password and then carries
 * an unguessable session token (in an HttpOnly cookie) instead of the password, so the password hash is not checked
 * again on every request. A session ends when the user signs out, after {@code idleTimeout} without a request, and
 * {@code maxAge} after sign-in whatever happens. Each session has its own CSRF token, which the page sends back in a
 * header on every change (see {@link SessionAuthenticationFilter}).
 *
 * <p>Kept in memory: a restart signs everyone out. Only a SHA-256 digest of each token is kept, so a heap dump does
 * not hand out sessions. Thread-safe.
 */
public final class SignInSessions {

    private static final int TOKEN_BYTES = 32;

    private final Map<String, Session> byDigest = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final Duration idleTimeout;
    private final Duration maxAge;

    /**
     * @param clock when sessions start and are last used
     * @param idleTimeout how long a session lives without a request; positive
     * @param maxAge how long a session lives at most after sign-in; positive
     */
    public SignInSessions(Clock clock, Duration idleTimeout, Duration maxAge) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.idleTimeout = positive(idleTimeout, "idleTimeout");
        this.maxAge = positive(maxAge, "maxAge");
    }

    /**
     * Opens a session for a user who has just proved their password. Ended sessions are forgotten on the way.
     *
     * @return the new session and the token that names it; the token is not kept
     */
    public Opened open(UserAccount user) {
        Objects.requireNonNull(user, "user");
        forgetEnded();
        String token = randomToken();
        Instant now = clock.instant();
        Session session = new Session(user, randomToken(), now, now);
        byDigest.put(digest(token), session);
        return new Opened(token, session);
    }

    /**
     * The live session a token names, marked as used now; empty for an unknown, ended or expired token (an expired
     * one is forgotten).
     */
    public Optional<Session> use(String token) {
        if (token == null || token.isEmpty()) {
            return Optional.empty();
        }
        String key = digest(token);
        Instant now = clock.instant();
        Session session =
                byDigest.computeIfPresent(key, (k, s) -> s.liveAt(now, idleTimeout, maxAge) ? s.usedAt(now) : null);
        return Optional.ofNullable(session);
    }

    /** Ends the session a token names, if any. */
    public void close(String token) {
        if (token != null && !token.isEmpty()) {
            byDigest.remove(digest(token));
        }
    }

    /** How many sessions are open (ended ones not yet forgotten included). */
    public int size() {
        return byDigest.size();
    }

    private void forgetEnded() {
        Instant now = clock.instant();
        byDigest.values().removeIf(s -> !s.liveAt(now, idleTimeout, maxAge));
    }

    private String randomToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String digest(String token) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static Duration positive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
        return duration;
    }

    /**
     * One signed-in browser.
     *
     * @param user who signed in
     * @param csrfToken what the page must send in {@value SessionAuthenticationFilter#CSRF_HEADER} with every change
     * @param signedInAt when the password was checked
     * @param lastUsedAt the last request
     */
    public record Session(UserAccount user, String csrfToken, Instant signedInAt, Instant lastUsedAt) {

        public Session {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(csrfToken, "csrfToken");
            Objects.requireNonNull(signedInAt, "signedInAt");
            Objects.requireNonNull(lastUsedAt, "lastUsedAt");
        }

        boolean liveAt(Instant now, Duration idleTimeout, Duration maxAge) {
            return now.isBefore(lastUsedAt.plus(idleTimeout)) && now.isBefore(signedInAt.plus(maxAge));
        }

        Session usedAt(Instant now) {
            return new Session(user, csrfToken, signedInAt, now);
        }

        /** Whether {@code candidate} is this session's CSRF token, compared in constant time. */
        public boolean csrfMatches(String candidate) {
            return candidate != null
                    && MessageDigest.isEqual(
                            csrfToken.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                            candidate.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }

        @Override
        public String toString() {
            return "Session[" + user.username() + "]";
        }
    }

    /**
     * A session just opened.
     *
     * @param token the cookie value; only its digest is kept
     * @param session the session
     */
    public record Opened(String token, Session session) {
        @Override
        public String toString() {
            return "Opened[" + session + "]";
        }
    }
}
