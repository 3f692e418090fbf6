/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.Purpose;
import org.openmrs.module.patientrecordings.domain.UserId;

class AuditChainWatchTest {

    private static final Instant MORNING = Instant.parse("2026-03-02T09:00:00Z");

    private final List<StoredAuditEntry> storage = new ArrayList<>();
    private final InMemoryAuditLog log = new InMemoryAuditLog(storage);
    private final AuditChainWatch watch = new AuditChainWatch(log);

    @Test
    void theFirstLookChecksTheWholeChainAndLaterOnesFollowTheNewEntries_SAF2() {
        append(3);

        ChainVerification first = watch.current();
        StoredAuditEntry last = append(2);

        assertThat(first).isEqualTo(new ChainVerification.Intact(AuditChainHead.of(storage.get(2))));
        assertThat(watch.current()).isEqualTo(new ChainVerification.Intact(AuditChainHead.of(last)));
    }

    @Test
    void aNewEntryAlteredAfterTheLastLookIsFoundAtTheNextLook_SAF2() {
        append(3);
        watch.current();
        append(2);

        alter(4);

        assertThat(watch.current()).isInstanceOfSatisfying(ChainVerification.Broken.class, broken -> {
            assertThat(broken.sequence()).isEqualTo(4);
            assertThat(broken.kind()).isEqualTo(ChainBreak.ENTRY_ALTERED);
        });
    }

    @Test
    void anOldEntryAlteredIsFoundByTheNextFullCheckAndThenReportedAtEveryLook_SAF2() {
        append(5);
        watch.current();

        alter(2);
        ChainVerification beforeTheFullCheck = watch.current();
        watch.verifyAll();
        append(1);

        assertThat(beforeTheFullCheck.intact()).isTrue();
        assertThat(watch.current()).isInstanceOfSatisfying(ChainVerification.Broken.class, broken -> {
            assertThat(broken.sequence()).isEqualTo(2);
            assertThat(broken.kind()).isEqualTo(ChainBreak.ENTRY_ALTERED);
        });
    }

    @Test
    void aFullCheckThatFindsTheChainIntactAgainEndsTheBreak_SAF2() {
        append(3);
        StoredAuditEntry original = storage.get(1);
        alter(2);
        watch.verifyAll();

        storage.set(1, original);

        assertThat(watch.current().intact()).isFalse();
        assertThat(watch.verifyAll()).isEqualTo(new ChainVerification.Intact(AuditChainHead.of(storage.get(2))));
        assertThat(watch.current().intact()).isTrue();
    }

    private StoredAuditEntry append(int count) {
        StoredAuditEntry last = null;
        for (int i = 0; i < count; i++) {
            last = log.append(AuditEntry.success(
                    UserId.of("nurse-1"),
                    MORNING.plusSeconds(storage.size()),
                    PatientId.of("patient-a"),
                    null,
                    AuditAction.VIEW,
                    Purpose.DIRECT_CARE));
        }
        return last;
    }

    private void alter(long sequence) {
        StoredAuditEntry stored = storage.get((int) sequence - 1);
        storage.set(
                (int) sequence - 1,
                new StoredAuditEntry(
                        stored.sequence(), stored.entry().withDetail("altered"), stored.previousHash(), stored.hash()));
    }
}
