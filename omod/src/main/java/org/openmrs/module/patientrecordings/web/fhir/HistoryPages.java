/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.web.fhir;

import ca.uhn.fhir.model.api.ResourceMetadataKeyEnum;
import ca.uhn.fhir.model.valueset.BundleEntryTransactionMethodEnum;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.server.SimpleBundleProvider;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Resource;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.RuleViolationException;

/**
 * The pages of a {@code _history} bundle. HAPI pages a history by offset ({@code _offset}, {@code _count}) and asks
 * the provider for each page afresh, so the provider cuts the page from the versions, newest first, itself. Each
 * version is an entry with its versioned id, so that the bundle's entries say what made the version (create for the
 * first, update after) and carry its ETag.
 */
final class HistoryPages {

    private HistoryPages() {}

    /**
     * @param newestFirst every version
     * @param offset the first version to return, or null for the first
     * @param count how many to return, or null for as many as the server's default page size (HAPI cuts the page)
     * @throws RuleViolationException SAF-4 for a negative offset or count
     */
    static IBundleProvider page(List<? extends Resource> newestFirst, Integer offset, Integer count) {
        int from = offset == null ? 0 : offset;
        int size = count == null ? newestFirst.size() : count;
        if (from < 0 || size < 0) {
            throw RuleViolationException.of(ErrorCode.SAF_4, "_offset and _count are 0 or more", "_count");
        }
        List<IBaseResource> page = newestFirst.stream()
                .skip(from)
                .limit(size)
                .map(HistoryPages::asEntry)
                .toList();
        return new SimpleBundleProvider(page).setSize(newestFirst.size());
    }

    private static IBaseResource asEntry(Resource version) {
        String versionId = version.getMeta().getVersionId();
        version.setIdElement(version.getIdElement().withVersion(versionId));
        ResourceMetadataKeyEnum.ENTRY_TRANSACTION_METHOD.put(
                version,
                "1".equals(versionId) ? BundleEntryTransactionMethodEnum.POST : BundleEntryTransactionMethodEnum.PUT);
        return version;
    }
}
