/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone.security;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.openmrs.module.patientrecordings.domain.Actor;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.RuleViolationException;
import org.openmrs.module.patientrecordings.port.CurrentUser;

/**
 * The {@link CurrentUser} port of the standalone server: the actor bound to the current thread for the length of
 * one request (by {@link BasicAuthenticationFilter}) or one scheduled task. Nothing is inherited by other threads.
 */
public final class RequestCurrentUser implements CurrentUser {

    private final ThreadLocal<Actor> bound = new ThreadLocal<>();

    /** @throws RuleViolationException SAF-3 when no actor is bound to this thread */
    @Override
    public Actor get() {
        Actor actor = bound.get();
        if (actor == null) {
            throw RuleViolationException.of(ErrorCode.SAF_3, "Nobody is authenticated");
        }
        return actor;
    }

    /** The actor bound to this thread, if any. */
    public Optional<Actor> current() {
        return Optional.ofNullable(bound.get());
    }

    /**
     * Binds {@code actor} to this thread until the returned scope is closed, which restores what was bound before
     * (nothing, outside nested scopes). Use with try-with-resources.
     */
    public Scope bind(Actor actor) {
        Objects.requireNonNull(actor, "actor");
        Actor previous = bound.get();
        bound.set(actor);
        return () -> {
            if (previous == null) {
                bound.remove();
            } else {
                bound.set(previous);
            }
        };
    }

    /**
     * Runs work as {@code actor} (see {@link #bind}).
     *
     * @return what the work returned
     */
    public <T> T callAs(Actor actor, Supplier<T> work) {
        Objects.requireNonNull(work, "work");
        try (Scope scope = bind(actor)) {
            return work.get();
        }
    }

    /** Like {@link #callAs}, for work that returns nothing. */
    public void runAs(Actor actor, Runnable work) {
        callAs(actor, () -> {
            work.run();
            return null;
        });
    }

    /** An actor bound to a thread; closing it unbinds. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
