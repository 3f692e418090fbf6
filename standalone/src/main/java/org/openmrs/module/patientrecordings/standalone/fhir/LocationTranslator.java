/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone.fhir;

import org.hl7.fhir.r4.model.Location;
import org.openmrs.module.patientrecordings.port.SiteDirectory.Site;

/** A site of the standalone server and FHIR {@code Location}: id and name. Pure. */
final class LocationTranslator {

    private LocationTranslator() {}

    static Location toFhir(Site site) {
        Location location = new Location();
        location.setId(site.id().value());
        location.setStatus(Location.LocationStatus.ACTIVE);
        location.setName(site.name());
        return location;
    }

    /** The name of the site to add; null when absent, for the host to refuse by name. */
    static String name(Location location) {
        return location.getName();
    }
}
