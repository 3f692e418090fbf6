/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.site;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.RuleViolationException;
import org.openmrs.module.patientrecordings.domain.SiteId;
import org.openmrs.module.patientrecordings.policy.SitePolicy;

/** Site policies held in memory. */
public final class InMemorySitePolicyRepository implements SitePolicyRepository {

    private final Map<SiteId, List<SitePolicy>> versions = new LinkedHashMap<>();
    private final List<SitePolicy> defaults = new ArrayList<>(List.of(SitePolicy.serverDefault()));

    @Override
    public synchronized Optional<SitePolicy> current(SiteId site) {
        List<SitePolicy> all = of(site);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    @Override
    public synchronized Optional<SitePolicy> version(SiteId site, int version) {
        return of(site).stream().filter(p -> p.version() == version).findFirst();
    }

    @Override
    public synchronized List<SitePolicy> versions(SiteId site) {
        return List.copyOf(of(site));
    }

    @Override
    public synchronized List<SiteId> sites() {
        return List.copyOf(versions.keySet());
    }

    @Override
    public synchronized SitePolicy add(SitePolicy policy) {
        List<SitePolicy> all =
                policy.isServerDefault() ? defaults : versions.computeIfAbsent(policy.site(), k -> new ArrayList<>());
        if (all.stream().anyMatch(p -> p.version() == policy.version())) {
            throw RuleViolationException.of(
                    ErrorCode.VER_1, "Version " + policy.version() + " of this site's policy exists", "version");
        }
        all.add(policy);
        return policy;
    }

    private List<SitePolicy> of(SiteId site) {
        return site.equals(SitePolicy.SERVER_DEFAULT) ? defaults : versions.getOrDefault(site, List.of());
    }
}
