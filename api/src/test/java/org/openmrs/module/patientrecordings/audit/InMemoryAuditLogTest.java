/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.audit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

class InMemoryAuditLogTest extends AuditLogContract {

    private List<StoredAuditEntry> storage;

    @Override
    protected AuditLog emptyLog() {
        storage = new ArrayList<>();
        return new InMemoryAuditLog(storage);
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
}
