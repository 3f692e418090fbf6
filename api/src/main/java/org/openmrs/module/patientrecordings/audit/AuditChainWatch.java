/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.audit;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Keeps the state of the audit chain for a health report (SAF-2) without reading the whole log on every request.
 * {@link #current()} checks only the entries appended since the last intact result ({@link AuditLog#verifyAfter});
 * {@link #verifyAll()}, meant for a schedule, checks every entry, so that a change to an old entry is seen at the
 * next full check. A break, once found, is reported until a full check finds the chain intact again (a restored
 * backup). Thread-safe: checks may run at once, the result of the furthest-reaching one is kept.
 */
public final class AuditChainWatch {

    private final AuditLog log;
    private final AtomicReference<ChainVerification> latest = new AtomicReference<>();

    public AuditChainWatch(AuditLog log) {
        this.log = Objects.requireNonNull(log, "log");
    }

    /**
     * The chain's state now: a full check the first time, afterwards the entries appended since the last intact
     * result, or the break already found.
     *
     * @return never null
     */
    public ChainVerification current() {
        ChainVerification known = latest.get();
        if (known == null) {
            return verifyAll();
        }
        if (!(known instanceof ChainVerification.Intact intact)) {
            return known;
        }
        ChainVerification now = log.verifyAfter(intact.head());
        if (!now.intact()) {
            latest.set(now);
            return now;
        }
        // A break a full check found meanwhile stays; of two intact results the one reaching further is kept.
        return latest.accumulateAndGet(
                now,
                (kept, found) -> kept instanceof ChainVerification.Intact before
                                && before.head().sequence()
                                        < ((ChainVerification.Intact) found)
                                                .head()
                                                .sequence()
                        ? found
                        : kept);
    }

    /**
     * Checks the whole chain and keeps the result, which replaces a break found earlier.
     *
     * @return never null
     */
    public ChainVerification verifyAll() {
        ChainVerification now = log.verify();
        if (!now.intact()) {
            latest.set(now);
            return now;
        }
        // An incremental check may have reached further meanwhile; any break found earlier is replaced.
        return latest.accumulateAndGet(
                now,
                (kept, found) -> kept instanceof ChainVerification.Intact before
                                && before.head().sequence()
                                        > ((ChainVerification.Intact) found)
                                                .head()
                                                .sequence()
                        ? kept
                        : found);
    }
}
