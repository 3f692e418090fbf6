/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.UserId;

class AuditChainVerifierTest {

    private final List<StoredAuditEntry> chain = chainOf(4);

    @Test
    void anIntactChainEndingAtItsHeadIsIntact_SAF2() {
        assertThat(AuditChainVerifier.verify(chain, AuditChainHead.of(chain.get(3))))
                .isEqualTo(new ChainVerification.Intact(AuditChainHead.of(chain.get(3))));
    }

    @Test
    void anEntryReplacedWithAConsistentlyRehashedOneBreaksTheLinkOfTheNext_SAF2() {
        StoredAuditEntry original = chain.get(1);
        StoredAuditEntry forged = new AuditChainHead(1, original.previousHash())
                .link(original.entry().withDetail("forged"));
        chain.set(1, forged);

        assertThat(AuditChainVerifier.verify(chain, AuditChainHead.of(chain.get(3))))
                .isInstanceOfSatisfying(ChainVerification.Broken.class, broken -> {
                    assertThat(broken.sequence()).isEqualTo(3);
                    assertThat(broken.kind()).isEqualTo(ChainBreak.LINK_BROKEN);
                });
    }

    @Test
    void aRepeatedEntryIsASequenceBreak_SAF2() {
        chain.add(2, chain.get(1));

        assertThat(AuditChainVerifier.verify(chain, AuditChainHead.of(chain.get(4))))
                .isInstanceOfSatisfying(ChainVerification.Broken.class, broken -> {
                    assertThat(broken.sequence()).isEqualTo(2);
                    assertThat(broken.kind()).isEqualTo(ChainBreak.SEQUENCE_BROKEN);
                });
    }

    @Test
    void aHeadWhoseHashIsNotTheLastEntrysIsAHeadMismatch_SAF2() {
        assertThat(AuditChainVerifier.verify(chain, new AuditChainHead(4, "f".repeat(64))))
                .isInstanceOfSatisfying(ChainVerification.Broken.class, broken -> {
                    assertThat(broken.sequence()).isEqualTo(4);
                    assertThat(broken.kind()).isEqualTo(ChainBreak.HEAD_MISMATCH);
                });
    }

    @Test
    void entriesAfterTheFirstBreakAreNotLookedAt() {
        AuditChainVerifier verifier = new AuditChainVerifier();
        verifier.accept(chain.get(0));
        verifier.unreadable(2, "unknown action");

        assertThat(verifier.accept(chain.get(2))).isFalse();
        assertThat(verifier.finish(AuditChainHead.of(chain.get(3))))
                .isEqualTo(new ChainVerification.Broken(2, ChainBreak.ENTRY_UNREADABLE, "unknown action"));
    }

    private static List<StoredAuditEntry> chainOf(int size) {
        List<StoredAuditEntry> entries = new ArrayList<>();
        AuditChainHead head = AuditChainHead.GENESIS;
        for (int i = 0; i < size; i++) {
            StoredAuditEntry stored = head.link(AuditEntry.success(
                    UserId.of("u" + i), Instant.EPOCH.plusSeconds(i), PatientId.of("p"), null, AuditAction.VIEW, null));
            entries.add(stored);
            head = AuditChainHead.of(stored);
        }
        return entries;
    }
}
