/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.web.fhir.host;

import ca.uhn.fhir.rest.api.server.IBundleProvider;
import java.util.List;
import java.util.Objects;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IPrimitiveType;
import org.hl7.fhir.r4.model.InstantType;

/**
 * Search results fetched page by page from the host's database, so that a search over every patient never loads
 * them all: HAPI's paging provider keeps this and asks for the next page when the client follows the {@code next}
 * link. The total is unknown, hence a {@code next} link after every non-empty page.
 */
public final class PagedSearch implements IBundleProvider {

    /** One page of matches. */
    @FunctionalInterface
    public interface Pages {

        /** @return at most {@code count} matches after skipping {@code offset}, in a stable order */
        List<? extends IBaseResource> fetch(int offset, int count);
    }

    private final Pages pages;
    private final int largestPage;
    private final InstantType published = InstantType.now();

    /** @param largestPage the most the host returns at once */
    public PagedSearch(Pages pages, int largestPage) {
        this.pages = Objects.requireNonNull(pages, "pages");
        this.largestPage = largestPage;
    }

    @Override
    public List<IBaseResource> getResources(int fromIndex, int toIndex) {
        if (toIndex <= fromIndex) {
            return List.of();
        }
        return List.copyOf(pages.fetch(fromIndex, Math.min(toIndex - fromIndex, largestPage)));
    }

    @Override
    public Integer size() {
        return null;
    }

    @Override
    public IPrimitiveType<java.util.Date> getPublished() {
        return published;
    }

    @Override
    public String getUuid() {
        return null;
    }

    @Override
    public Integer preferredPageSize() {
        return null;
    }
}
