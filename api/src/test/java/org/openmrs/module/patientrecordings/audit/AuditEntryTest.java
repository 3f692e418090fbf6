/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openmrs.module.patientrecordings.domain.Decision;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.Reason;
import org.openmrs.module.patientrecordings.domain.UserId;

class AuditEntryTest {

    private final UserId user = UserId.of("u1");

    @Test
    void theTimeIsKeptToTheMicrosecondEveryDatabaseStores_SAF2() {
        AuditEntry entry = AuditEntry.success(
                user, Instant.parse("2026-03-02T09:00:00.123456789Z"), null, null, AuditAction.SEARCH, null);

        assertThat(entry.at()).isEqualTo(Instant.parse("2026-03-02T09:00:00.123456Z"));
    }

    @Test
    void theDetailIsOneLineOfLimitedLengthAndEmptyWhenAbsent() {
        AuditEntry entry = AuditEntry.success(user, Instant.EPOCH, null, null, AuditAction.SEARCH, null);

        assertThat(entry.withDetail(null).detail()).isEmpty();
        assertThatThrownBy(() -> entry.withDetail("two\nlines")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> entry.withDetail("x".repeat(AuditEntry.MAX_DETAIL + 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRefusalCarriesTheErrorCodesOfItsDecisionAndASuccessNone_SAF3() {
        Decision.Denied denied = (Decision.Denied) Decision.deny(
                Reason.error(ErrorCode.SAF_3, "no privilege"), Reason.warning(ErrorCode.CON_11, "defensive"));

        assertThat(AuditOutcome.refused(denied).codes()).containsExactly(ErrorCode.SAF_3);
        assertThatThrownBy(() -> new AuditOutcome(AuditOutcome.Result.REFUSED, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AuditOutcome(AuditOutcome.Result.SUCCESS, List.of(ErrorCode.SAF_3)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
