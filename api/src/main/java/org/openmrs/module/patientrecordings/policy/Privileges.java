/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.policy;

import java.util.List;
import java.util.function.Function;
import org.openmrs.module.patientrecordings.domain.Actor;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.Privilege;
import org.openmrs.module.patientrecordings.domain.Reason;

/** SAF-3: access is by privilege; a user without it gets a clear refusal (the caller audits it). */
public final class Privileges {

    private Privileges() {}

    /** A rule requiring the request's actor to hold {@code privilege}. */
    public static <R> Rule<R> require(Privilege privilege, Function<R, Actor> actor) {
        return request -> check(actor.apply(request), privilege);
    }

    /** The reasons the actor may not act for lack of {@code privilege}; empty when they hold it. */
    public static List<Reason> check(Actor actor, Privilege privilege) {
        return actor.has(privilege)
                ? List.of()
                : List.of(Reason.error(
                        ErrorCode.SAF_3,
                        "User " + actor.describe() + " lacks the privilege '" + privilege.privilegeName() + "'",
                        "privilege"));
    }
}
