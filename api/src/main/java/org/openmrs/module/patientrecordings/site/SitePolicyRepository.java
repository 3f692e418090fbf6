/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.site;

import java.util.List;
import java.util.Optional;
import org.openmrs.module.patientrecordings.domain.SiteId;
import org.openmrs.module.patientrecordings.policy.SitePolicy;

/**
 * Every version of every site's policy, and of the server's default site policy under the key
 * {@link SitePolicy#SERVER_DEFAULT} (POL-1, POL-2). Versions are only ever added. The default's version 1 is
 * {@link SitePolicy#serverDefault()}, built in: every implementation answers it for that key until a version of the
 * default is stored, so a fresh server can record before anyone has written a policy.
 */
public interface SitePolicyRepository {

    /** The latest version for the site (or for {@link SitePolicy#SERVER_DEFAULT}: never empty). */
    Optional<SitePolicy> current(SiteId site);

    /**
     * The policy that governs a site now: its own latest version, or else the latest version of the server's
     * default, which then carries the key {@link SitePolicy#SERVER_DEFAULT} as its site (POL-1).
     */
    default SitePolicy inForce(SiteId site) {
        return current(site).or(() -> current(SitePolicy.SERVER_DEFAULT)).orElseGet(SitePolicy::serverDefault);
    }

    /**
     * The version a recording was made under (POL-2): of the server's default when {@code underDefault}, of the
     * site's own policy otherwise.
     */
    default Optional<SitePolicy> applied(SiteId site, boolean underDefault, int version) {
        return version(underDefault ? SitePolicy.SERVER_DEFAULT : site, version);
    }

    Optional<SitePolicy> version(SiteId site, int version);

    /** All versions of the site's policy, oldest first. */
    List<SitePolicy> versions(SiteId site);

    /** The sites that have a policy of their own; never {@link SitePolicy#SERVER_DEFAULT}. */
    List<SiteId> sites();

    /**
     * Adds a version.
     *
     * @throws org.openmrs.module.patientrecordings.domain.RuleViolationException VER-1 when that version exists
     */
    SitePolicy add(SitePolicy policy);
}
