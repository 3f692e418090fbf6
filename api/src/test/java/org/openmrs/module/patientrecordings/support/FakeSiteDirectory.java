/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.support;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openmrs.module.patientrecordings.domain.SiteId;
import org.openmrs.module.patientrecordings.port.SiteDirectory;

/** The host's locations. */
public final class FakeSiteDirectory implements SiteDirectory {

    private final Map<SiteId, Site> sites = new LinkedHashMap<>();

    @Override
    public synchronized Optional<Site> find(SiteId id) {
        return Optional.ofNullable(sites.get(id));
    }

    @Override
    public synchronized List<Site> all() {
        return sites.values().stream().sorted(Comparator.comparing(Site::name)).toList();
    }

    public synchronized Site add(Site site) {
        sites.put(site.id(), site);
        return site;
    }
}
