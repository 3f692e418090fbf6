/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.Purpose;
import org.openmrs.module.patientrecordings.domain.RecordingId;
import org.openmrs.module.patientrecordings.domain.UserId;

class AuditHashesTest {

    private static final Instant AT = Instant.parse("2026-03-02T09:00:00.123456789Z");

    @Test
    void theCanonicalFormIsTheDocumentedLengthPrefixedFieldList_SAF2() {
        AuditEntry entry = AuditEntry.refused(
                        UserId.of("u1"),
                        AT,
                        PatientId.of("p1"),
                        null,
                        AuditAction.DOWNLOAD,
                        Purpose.TRAINING,
                        ErrorCode.SEC_1,
                        ErrorCode.CON_1)
                .withDetail("é");

        String form =
                new String(AuditHashes.canonicalForm(7, AuditChainHead.GENESIS_HASH, entry), StandardCharsets.UTF_8);

        assertThat(form)
                .isEqualTo(
                        "patientrecordings-audit-v1;1:7;64:" + AuditChainHead.GENESIS_HASH
                                + ";27:2026-03-02T09:00:00.123456Z;2:u1;2:p1;-;8:DOWNLOAD;8:TRAINING;7:REFUSED;11:CON-1,SEC-1;2:é;");
        assertThat(AuditHashes.hash(7, AuditChainHead.GENESIS_HASH, entry)).matches("[0-9a-f]{64}");
    }

    @Test
    void anAbsentFieldAndAnEmptyOneHashDifferently() {
        AuditEntry withoutRecording =
                AuditEntry.success(UserId.of("u1"), AT, PatientId.of("p1"), null, AuditAction.VIEW, null);
        AuditEntry withoutPatient =
                AuditEntry.success(UserId.of("u1"), AT, null, RecordingId.of("p1"), AuditAction.VIEW, null);

        assertThat(AuditHashes.hash(1, AuditChainHead.GENESIS_HASH, withoutRecording))
                .isNotEqualTo(AuditHashes.hash(1, AuditChainHead.GENESIS_HASH, withoutPatient));
    }

    @Test
    void everyFieldOfTheEntryAndItsPlaceInTheChainChangeTheHash() {
        AuditEntry entry = AuditEntry.success(UserId.of("u1"), AT, PatientId.of("p1"), null, AuditAction.VIEW, null);
        String hash = AuditHashes.hash(1, AuditChainHead.GENESIS_HASH, entry);

        assertThat(AuditHashes.hash(2, AuditChainHead.GENESIS_HASH, entry)).isNotEqualTo(hash);
        assertThat(AuditHashes.hash(1, "1".repeat(64), entry)).isNotEqualTo(hash);
        assertThat(AuditHashes.hash(1, AuditChainHead.GENESIS_HASH, entry.withDetail("x")))
                .isNotEqualTo(hash);
    }
}
