/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.openmrs.port;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.openmrs.Location;
import org.openmrs.api.context.Context;
import org.openmrs.module.patientrecordings.domain.SiteId;
import org.openmrs.module.patientrecordings.port.SiteDirectory;
import org.openmrs.util.PrivilegeConstants;

/**
 * {@link SiteDirectory} over OpenMRS' {@code LocationService}: a site is a location, by UUID. Retired locations are
 * unknown, so no new policy can be made for them.
 */
public final class OpenmrsSiteDirectory implements SiteDirectory {

    @Override
    public Optional<Site> find(SiteId id) {
        Objects.requireNonNull(id, "id");
        return HostPrivileges.with(
                () -> {
                    Location location = Context.getLocationService().getLocationByUuid(id.value());
                    if (location == null || Boolean.TRUE.equals(location.getRetired())) {
                        return Optional.empty();
                    }
                    return Optional.of(new Site(id, location.getName()));
                },
                PrivilegeConstants.GET_LOCATIONS);
    }

    @Override
    public List<Site> all() {
        return HostPrivileges.with(
                () -> Context.getLocationService().getAllLocations(false).stream()
                        .map(location -> new Site(SiteId.of(location.getUuid()), location.getName()))
                        .sorted(Comparator.comparing(Site::name, Comparator.nullsLast(String::compareToIgnoreCase)))
                        .toList(),
                PrivilegeConstants.GET_LOCATIONS);
    }
}
