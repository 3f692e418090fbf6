/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone.fhir;

import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.api.MethodOutcome;
import java.util.Objects;
import org.hl7.fhir.r4.model.Location;
import org.openmrs.module.patientrecordings.audit.AuditAction;
import org.openmrs.module.patientrecordings.domain.Actor;
import org.openmrs.module.patientrecordings.domain.Privilege;
import org.openmrs.module.patientrecordings.standalone.host.HostSites;
import org.openmrs.module.patientrecordings.web.fhir.host.HostAccess;
import org.openmrs.module.patientrecordings.web.fhir.host.HostLocationReadProvider;
import org.openmrs.module.patientrecordings.web.fhir.host.HostLocationTranslator;
import org.openmrs.module.patientrecordings.web.fhir.host.HostRecords;

/**
 * Location: the standalone server's sites, read and searched as on both hosts ({@link HostLocationReadProvider}).
 * Create needs MANAGE_POLICY, because a site is what recording policies are set for; the server assigns the id.
 */
public final class HostLocationProvider extends HostLocationReadProvider {

    private final HostSites sites;
    private final HostAccess access;

    HostLocationProvider(HostRecords records, HostSites sites, HostAccess access) {
        super(records, access);
        this.sites = Objects.requireNonNull(sites, "sites");
        this.access = Objects.requireNonNull(access, "access");
    }

    @Create
    public MethodOutcome create(@ResourceParam Location location) {
        Actor actor = access.require(Privilege.MANAGE_POLICY, AuditAction.CREATE, null, "host site added");
        Location created = HostLocationTranslator.toFhir(sites.create(null, location.getName()));
        access.recordChange(actor, null, "host site added");
        return new MethodOutcome(created.getIdElement(), true).setResource(created);
    }
}
