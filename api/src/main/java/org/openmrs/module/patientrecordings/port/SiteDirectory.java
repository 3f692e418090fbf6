/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.port;

import java.util.Objects;
import java.util.Optional;
import org.openmrs.module.patientrecordings.domain.SiteId;

/** The host's locations that carry a recording policy. */
public interface SiteDirectory {

    Optional<Site> find(SiteId id);

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
