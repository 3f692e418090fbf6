/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.audit;

import java.util.List;

/**
 * The append-only, tamper-evident access audit trail (SAF-2). Each stored entry carries the hash of the one
 * before it ({@link AuditHashes}), so that {@link #verify()} finds any entry changed, removed or moved.
 * Implementations are thread-safe and keep the chain linear when many threads append at once.
 */
public interface AuditLog {

    /**
     * Records an access before its result is handed out. Entries are never changed or removed afterwards.
     *
     * @param entry never null
     * @return the entry as stored, with its sequence number and hashes
     * @throws AuditWriteFailedException when the entry could not be recorded; the caller's access must then fail
     *     (SAF-2)
     */
    StoredAuditEntry append(AuditEntry entry);

    /**
     * Records several accesses at once, in the order given, before their results are handed out: all of them are
     * stored, chained one after another with no other entry between them, or none is (a search's page of hits,
     * SAF-2).
     *
     * @param entries never null, no element null; an empty list stores nothing
     * @return the entries as stored, in the order given
     * @throws AuditWriteFailedException when the entries could not be recorded; none of them is then stored, and
     *     the caller's access must fail (SAF-2)
     */
    List<StoredAuditEntry> appendAll(List<AuditEntry> entries);

    /**
     * Finds entries by patient, recording, user, action and time, one page at a time.
     *
     * @param query never null
     * @return the requested page and the total number of matches
     */
    AuditPage search(AuditQuery query);

    /**
     * Checks the whole hash chain from the first entry to the recorded head.
     *
     * @return intact, or the first break with its sequence number and why
     */
    ChainVerification verify();

    /**
     * Checks only what an earlier check has not seen: that the checkpoint entry is still stored with its hash, that
     * every entry after it links on to the recorded head. Costs the number of entries appended since the
     * checkpoint, not the size of the log; a change to an entry before the checkpoint is left to {@link #verify()}.
     *
     * @param checkpoint the head of an earlier intact result; never null
     * @return intact up to the current head, or the first break found
     */
    ChainVerification verifyAfter(AuditChainHead checkpoint);
}
