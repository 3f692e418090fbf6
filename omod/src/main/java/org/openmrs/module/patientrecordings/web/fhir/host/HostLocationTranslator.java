/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.web.fhir.host;

import org.hl7.fhir.r4.model.Location;
import org.openmrs.module.patientrecordings.port.SiteDirectory.Site;

/** A host's location (a site of recording policies) as a FHIR {@code Location}: id and name. Pure. */
public final class HostLocationTranslator {

    private HostLocationTranslator() {}

    public static Location toFhir(Site site) {
        Location location = new Location();
        location.setId(site.id().value());
        location.setStatus(Location.LocationStatus.ACTIVE);
        location.setName(site.name());
        return location;
    }
}
