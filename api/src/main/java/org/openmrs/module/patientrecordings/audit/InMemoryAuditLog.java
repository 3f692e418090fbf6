/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.audit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * An audit log held in memory: complete and thread-safe, but gone when the process ends. Meant for tests of the
 * services that audit, and for demonstrations; {@link #failAppends(boolean)} lets a test prove that an access
 * fails when it cannot be audited (SAF-2).
 */
public final class InMemoryAuditLog implements AuditLog {

    private final List<StoredAuditEntry> entries;
    private AuditChainHead head = AuditChainHead.GENESIS;
    private boolean failing;
    private Predicate<AuditEntry> refused = entry -> false;

    public InMemoryAuditLog() {
        this(new ArrayList<>());
    }

    /**
     * A log over the given storage, which tests may alter between calls to show that tampering is found.
     *
     * @param storage an empty, mutable list that only this log changes while it runs
     */
    InMemoryAuditLog(List<StoredAuditEntry> storage) {
        if (!storage.isEmpty()) {
            throw new IllegalArgumentException("storage must start empty");
        }
        this.entries = storage;
    }

    @Override
    public synchronized StoredAuditEntry append(AuditEntry entry) {
        Objects.requireNonNull(entry, "entry");
        return appendAll(List.of(entry)).get(0);
    }

    @Override
    public synchronized List<StoredAuditEntry> appendAll(List<AuditEntry> batch) {
        List<AuditEntry> copy = List.copyOf(batch);
        if (failing) {
            throw new AuditWriteFailedException("the in-memory audit log is set to fail", null);
        }
        if (copy.stream().anyMatch(refused)) {
            throw new AuditWriteFailedException("the in-memory audit log refused an entry", null);
        }
        List<StoredAuditEntry> stored = new ArrayList<>(copy.size());
        AuditChainHead next = head;
        for (AuditEntry entry : copy) {
            StoredAuditEntry linked = next.link(entry);
            stored.add(linked);
            next = AuditChainHead.of(linked);
        }
        entries.addAll(stored);
        head = next;
        return List.copyOf(stored);
    }

    @Override
    public synchronized AuditPage search(AuditQuery query) {
        Comparator<StoredAuditEntry> bySequence = Comparator.comparingLong(StoredAuditEntry::sequence);
        List<StoredAuditEntry> matches = entries.stream()
                .filter(stored -> query.matches(stored.entry()))
                .sorted(query.order() == AuditQuery.Order.NEWEST_FIRST ? bySequence.reversed() : bySequence)
                .toList();
        List<StoredAuditEntry> page =
                matches.stream().skip(query.offset()).limit(query.limit()).toList();
        return new AuditPage(page, matches.size(), query.offset());
    }

    @Override
    public synchronized ChainVerification verify() {
        return AuditChainVerifier.verify(List.copyOf(entries), head);
    }

    @Override
    public synchronized ChainVerification verifyAfter(AuditChainHead checkpoint) {
        Objects.requireNonNull(checkpoint, "checkpoint");
        if (checkpoint.sequence() > 0) {
            StoredAuditEntry known = entries.stream()
                    .filter(stored -> stored.sequence() == checkpoint.sequence())
                    .findFirst()
                    .orElse(null);
            ChainVerification.Broken broken = AuditChainVerifier.checkpointBroken(checkpoint, known);
            if (broken != null) {
                return broken;
            }
        }
        AuditChainVerifier verifier = new AuditChainVerifier(checkpoint);
        for (StoredAuditEntry stored : entries) {
            if (stored.sequence() > checkpoint.sequence() && !verifier.accept(stored)) {
                break;
            }
        }
        return verifier.finish(head);
    }

    /** Replaces the recorded head, as tampering with a log's storage would; for tests that show it is found. */
    synchronized void overwriteHead(AuditChainHead tampered) {
        this.head = Objects.requireNonNull(tampered, "tampered");
    }

    /**
     * From now on, an append or batch holding an entry that matches fails as a write to broken storage would, and
     * stores nothing; for tests that show that one unrecordable entry fails only its own access.
     */
    synchronized void refuseEntries(Predicate<AuditEntry> matching) {
        this.refused = Objects.requireNonNull(matching, "matching");
    }

    /** While set, every append throws {@link AuditWriteFailedException}, as a log whose storage is down would. */
    public synchronized void failAppends(boolean fail) {
        this.failing = fail;
    }
}
