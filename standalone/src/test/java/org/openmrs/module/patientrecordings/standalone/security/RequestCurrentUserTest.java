/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.openmrs.module.patientrecordings.domain.Actor;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.Privilege;
import org.openmrs.module.patientrecordings.domain.RuleViolationException;
import org.openmrs.module.patientrecordings.domain.UserId;

class RequestCurrentUserTest {

    private final RequestCurrentUser currentUser = new RequestCurrentUser();
    private final Actor clinician = new Actor(UserId.of("clinician"), Set.of(Privilege.CREATE_RECORDINGS));
    private final Actor sweeper = new Actor(UserId.of("sweeper"), Set.of(Privilege.MANAGE_RECORDS));

    @Test
    void nobodyIsAuthenticatedOutsideARequest() {
        assertThatThrownBy(currentUser::get)
                .isInstanceOfSatisfying(
                        RuleViolationException.class,
                        e -> assertThat(e.reasons()).extracting(r -> r.code()).containsExactly(ErrorCode.SAF_3));
    }

    @Test
    void theBoundActorActsUntilTheScopeCloses() {
        try (RequestCurrentUser.Scope scope = currentUser.bind(clinician)) {
            assertThat(currentUser.get()).isEqualTo(clinician);
            assertThat(currentUser.callAs(sweeper, currentUser::get)).isEqualTo(sweeper);
            assertThat(currentUser.get()).isEqualTo(clinician);
        }
        assertThatThrownBy(currentUser::get).isInstanceOf(RuleViolationException.class);
    }

    @Test
    void otherThreadsDoNotInheritTheActor() {
        Boolean seenElsewhere = currentUser.callAs(
                clinician,
                () -> CompletableFuture.supplyAsync(() -> {
                            try {
                                currentUser.get();
                                return true;
                            } catch (RuleViolationException e) {
                                return false;
                            }
                        })
                        .join());

        assertThat(seenElsewhere).isFalse();
    }
}
