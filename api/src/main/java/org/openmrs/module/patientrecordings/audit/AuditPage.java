/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.audit;

import java.util.List;

/**
 * One page of audit search results.
 *
 * @param entries the entries of this page in the query's order, never null
 * @param total how many entries match the query in all pages
 * @param offset the offset of the first entry of this page
 */
public record AuditPage(List<StoredAuditEntry> entries, long total, int offset) {

    public AuditPage {
        entries = List.copyOf(entries);
    }

    /** @return true when more matches follow this page */
    public boolean hasMore() {
        return offset + entries.size() < total;
    }
}
