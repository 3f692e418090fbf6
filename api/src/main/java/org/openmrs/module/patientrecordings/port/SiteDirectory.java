/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.port;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.openmrs.module.patientrecordings.domain.SiteId;

/** The host's locations that carry a recording policy. */
public interface SiteDirectory {

    Optional<Site> find(SiteId id);

    /**
     * Every site the host has (not retired), sorted by name, so that administrators see which follow the server's
     * default site policy. A host that cannot list its sites answers none.
     */
    default List<Site> all() {
        return List.of();
    }

    /**
     * A site.
     *
     * @param id never null
     * @param name display name
     */
    record Site(SiteId id, String name) {
        public Site {
            Objects.requireNonNull(id, "id");
        }
    }
}
