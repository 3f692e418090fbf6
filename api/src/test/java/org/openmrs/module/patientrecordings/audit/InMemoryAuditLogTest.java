/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.audit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;

class InMemoryAuditLogTest extends AuditLogContract {

    private List<StoredAuditEntry> storage;
    private InMemoryAuditLog inMemory;

    @Override
    protected AuditLog emptyLog() {
        storage = new ArrayList<>();
        inMemory = new InMemoryAuditLog(storage);
        return inMemory;
    }

    @Override
    protected void alterStoredDetail(long sequence, String detail) {
        int index = indexOf(sequence);
        StoredAuditEntry stored = storage.get(index);
        storage.set(
                index,
                new StoredAuditEntry(
                        stored.sequence(), stored.entry().withDetail(detail), stored.previousHash(), stored.hash()));
    }

    @Override
    protected void deleteStoredEntry(long sequence) {
        storage.remove(indexOf(sequence));
    }

    @Override
    protected void swapStoredEntries(long first, long second) {
        Collections.swap(storage, indexOf(first), indexOf(second));
    }

    @Override
    protected void insertStoredEntry(StoredAuditEntry forged) {
        int at = 0;
        while (at < storage.size() && storage.get(at).sequence() < forged.sequence()) {
            at++;
        }
        storage.add(at, forged);
    }

    @Override
    protected void shiftStoredEntries(long first, long last) {
        for (int i = 0; i < storage.size(); i++) {
            StoredAuditEntry stored = storage.get(i);
            if (stored.sequence() >= first && stored.sequence() <= last) {
                storage.set(
                        i,
                        new StoredAuditEntry(
                                stored.sequence() + 1, stored.entry(), stored.previousHash(), stored.hash()));
            }
        }
    }

    @Override
    protected void overwriteStoredHead(AuditChainHead head) {
        inMemory.overwriteHead(head);
    }

    @Override
    protected AuditLog unwritableLog() {
        InMemoryAuditLog failing = new InMemoryAuditLog();
        failing.failAppends(true);
        return failing;
    }

    private int indexOf(long sequence) {
        for (int i = 0; i < storage.size(); i++) {
            if (storage.get(i).sequence() == sequence) {
                return i;
            }
        }
        throw new IllegalArgumentException("no stored entry " + sequence);
    }

    @Override
    protected AuditLog refusing(Predicate<AuditEntry> matching) {
        inMemory.refuseEntries(matching);
        return inMemory;
    }
}
