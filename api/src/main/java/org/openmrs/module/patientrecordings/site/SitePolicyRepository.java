/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.site;

import java.util.List;
import java.util.Optional;
import org.openmrs.module.patientrecordings.domain.SiteId;
import org.openmrs.module.patientrecordings.policy.SitePolicy;

/** Every version of every site's policy (POL-2). Versions are only ever added. */
public interface SitePolicyRepository {

    /** The latest version for the site. */
    Optional<SitePolicy> current(SiteId site);

    Optional<SitePolicy> version(SiteId site, int version);

    /** All versions of the site's policy, oldest first. */
    List<SitePolicy> versions(SiteId site);

    /** The sites that have a policy. */
    List<SiteId> sites();

    /**
     * Adds a version.
     *
     * @throws org.openmrs.module.patientrecordings.domain.RuleViolationException VER-1 when that version exists
     */
    SitePolicy add(SitePolicy policy);
}
