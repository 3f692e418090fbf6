/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.audit;

import java.util.Objects;

/**
 * An audit entry as a log stores it: its place in the hash chain and the hashes that make the chain
 * tamper-evident. Entries are created only by {@link AuditChainHead#link(AuditEntry)} or read back from storage;
 * the record does not check the hashes, not even their form, so that a tampered entry can still be read and
 * reported by {@link AuditChainVerifier}.
 *
 * @param sequence the 1-based position in the log, without gaps
 * @param entry what was audited, never null
 * @param previousHash the hash of the entry before, or {@link AuditChainHead#GENESIS_HASH} for the first
 * @param hash the SHA-256 of this entry's canonical form ({@link AuditHashes}), 64 lower-case hex digits
 *     when intact
 */
public record StoredAuditEntry(long sequence, AuditEntry entry, String previousHash, String hash) {

    public StoredAuditEntry {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(previousHash, "previousHash");
        Objects.requireNonNull(hash, "hash");
    }

    /** @return true when the stored hash is the hash of the stored content */
    public boolean hashMatchesContent() {
        return hash.equals(AuditHashes.hash(sequence, previousHash, entry));
    }
}
