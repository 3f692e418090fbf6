/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.audit;

import java.util.Objects;

/**
 * Checks a hash chain entry by entry, in storage order, and reports the first broken link (SAF-2). Works as a
 * stream so that a log of any size can be checked in pages: {@link #accept} each entry in order of sequence
 * number, then {@link #finish} with the head the log records. Not thread-safe; use one instance per check.
 *
 * <p>The checks, for each entry in turn: its sequence number is the next one ({@link ChainBreak#SEQUENCE_BROKEN});
 * its content hashes to its stored hash ({@link ChainBreak#ENTRY_ALTERED}); its previous hash is the stored hash
 * of the entry before ({@link ChainBreak#LINK_BROKEN}). At the end, the last entry is the recorded head
 * ({@link ChainBreak#HEAD_MISMATCH}).
 *
 * <p>A plain hash chain shows edits, removals and reordering by anyone who does not also rewrite every later
 * entry and the head; against that, the head hash of an intact result can be kept outside the database.
 */
public final class AuditChainVerifier {

    private long lastSequence;
    private String lastHash;
    private ChainVerification.Broken broken;

    /** A check from the first entry. */
    public AuditChainVerifier() {
        this(AuditChainHead.GENESIS);
    }

    /**
     * A check that goes on after a place an earlier check found intact: the first entry to {@link #accept} is the
     * one after {@code checkpoint}, and it must name the checkpoint's hash.
     *
     * @param checkpoint the last entry known intact, {@link AuditChainHead#GENESIS} to start from the first entry
     */
    public AuditChainVerifier(AuditChainHead checkpoint) {
        Objects.requireNonNull(checkpoint, "checkpoint");
        this.lastSequence = checkpoint.sequence();
        this.lastHash = checkpoint.hash();
    }

    /**
     * Checks the next stored entry.
     *
     * @return false once the chain is found broken; later entries are then ignored
     */
    public boolean accept(StoredAuditEntry stored) {
        Objects.requireNonNull(stored, "stored");
        if (broken != null) {
            return false;
        }
        long expected = lastSequence + 1;
        if (stored.sequence() != expected) {
            String what = stored.sequence() > expected
                    ? "entry " + expected + " is missing: the next stored entry is " + stored.sequence()
                    : "entry " + stored.sequence() + " comes again or out of order after entry " + lastSequence;
            return fail(Math.min(expected, stored.sequence()), ChainBreak.SEQUENCE_BROKEN, what);
        }
        if (!stored.hashMatchesContent()) {
            return fail(expected, ChainBreak.ENTRY_ALTERED, "the stored content does not hash to the stored hash");
        }
        if (!stored.previousHash().equals(lastHash)) {
            return fail(
                    expected,
                    ChainBreak.LINK_BROKEN,
                    "the previous hash is not the hash of entry " + lastSequence + " (" + lastHash + ")");
        }
        lastSequence = stored.sequence();
        lastHash = stored.hash();
        return true;
    }

    /**
     * Records that an entry could not be read back; the chain is broken there.
     *
     * @return false
     */
    public boolean unreadable(long sequence, String why) {
        if (broken != null) {
            return false;
        }
        return fail(sequence, ChainBreak.ENTRY_UNREADABLE, why);
    }

    /** @return the sequence number of the last entry accepted as intact, 0 before the first */
    public long lastSequence() {
        return lastSequence;
    }

    /**
     * Ends the check.
     *
     * @param recordedHead the head the log keeps apart from its entries, never null
     * @return the first break found, or intact when every entry held and the last one is the recorded head
     */
    public ChainVerification finish(AuditChainHead recordedHead) {
        Objects.requireNonNull(recordedHead, "recordedHead");
        if (broken != null) {
            return broken;
        }
        if (recordedHead.sequence() > lastSequence) {
            return new ChainVerification.Broken(
                    lastSequence + 1,
                    ChainBreak.HEAD_MISMATCH,
                    "the head records entry " + recordedHead.sequence() + " but the chain ends at entry "
                            + lastSequence);
        }
        if (recordedHead.sequence() < lastSequence) {
            return new ChainVerification.Broken(
                    recordedHead.sequence() + 1,
                    ChainBreak.HEAD_MISMATCH,
                    "the chain goes on past the head, which records entry " + recordedHead.sequence());
        }
        if (!recordedHead.hash().equals(lastHash)) {
            return new ChainVerification.Broken(
                    lastSequence, ChainBreak.HEAD_MISMATCH, "the head's hash is not the hash of the last entry");
        }
        return new ChainVerification.Intact(recordedHead);
    }

    /** Checks a whole chain at once. */
    public static ChainVerification verify(Iterable<StoredAuditEntry> entries, AuditChainHead recordedHead) {
        AuditChainVerifier verifier = new AuditChainVerifier();
        for (StoredAuditEntry entry : entries) {
            if (!verifier.accept(entry)) {
                break;
            }
        }
        return verifier.finish(recordedHead);
    }

    /**
     * Checks that the entry an earlier check ended on is still there, unchanged.
     *
     * @param checkpoint the head of the earlier intact result, past the first entry
     * @param stored the entry now stored under the checkpoint's sequence number, null when there is none
     * @return the break, or null when the entry still hashes to the checkpoint's hash
     */
    public static ChainVerification.Broken checkpointBroken(AuditChainHead checkpoint, StoredAuditEntry stored) {
        Objects.requireNonNull(checkpoint, "checkpoint");
        if (stored == null) {
            return new ChainVerification.Broken(
                    checkpoint.sequence(),
                    ChainBreak.SEQUENCE_BROKEN,
                    "entry " + checkpoint.sequence() + ", intact at the last check, is missing");
        }
        if (!stored.hashMatchesContent() || !stored.hash().equals(checkpoint.hash())) {
            return new ChainVerification.Broken(
                    checkpoint.sequence(),
                    ChainBreak.ENTRY_ALTERED,
                    "entry " + checkpoint.sequence() + " changed since the last check found it intact");
        }
        return null;
    }

    private boolean fail(long sequence, ChainBreak kind, String explanation) {
        broken = new ChainVerification.Broken(sequence, kind, explanation);
        return false;
    }
}
