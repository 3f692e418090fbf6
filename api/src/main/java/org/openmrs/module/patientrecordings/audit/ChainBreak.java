/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.audit;

/** How an audit hash chain is broken. */
public enum ChainBreak {
    /** The stored content no longer hashes to the stored hash: a field was changed. */
    ENTRY_ALTERED,
    /** The entry does not name the hash of the entry before it: an entry was replaced or re-hashed. */
    LINK_BROKEN,
    /** A sequence number is missing, repeated or out of order: an entry was removed, inserted or moved. */
    SEQUENCE_BROKEN,
    /** The last entry is not the one the chain head records: entries were removed from the end. */
    HEAD_MISMATCH,
    /** A stored entry cannot be read back as an audit entry at all (an unknown action, a malformed id). */
    ENTRY_UNREADABLE
}
