/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.audit;

import java.util.Objects;

/**
 * The end of the hash chain: the sequence number and hash of the last stored entry. A log keeps its head apart
 * from its entries, so that removing entries from the end is noticed too.
 *
 * @param sequence the sequence number of the last entry, 0 for an empty log
 * @param hash the hash of the last entry, {@link #GENESIS_HASH} for an empty log
 */
public record AuditChainHead(long sequence, String hash) {

    /** What the first entry names as its previous hash: 64 zeros. */
    public static final String GENESIS_HASH = "0".repeat(64);

    /** The head of an empty log. */
    public static final AuditChainHead GENESIS = new AuditChainHead(0, GENESIS_HASH);

    public AuditChainHead {
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence must not be negative");
        }
        AuditHashes.requireHash(hash, "hash");
    }

    /** Chains an entry after this head: the next sequence number, this head's hash as the previous hash. */
    public StoredAuditEntry link(AuditEntry entry) {
        Objects.requireNonNull(entry, "entry");
        long next = Math.addExact(sequence, 1);
        return new StoredAuditEntry(next, entry, hash, AuditHashes.hash(next, hash, entry));
    }

    /** @return the head after the given entry */
    public static AuditChainHead of(StoredAuditEntry last) {
        return new AuditChainHead(last.sequence(), last.hash());
    }
}
