/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone.fhir;

import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IAnyResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Location;
import org.openmrs.module.patientrecordings.audit.AuditAction;
import org.openmrs.module.patientrecordings.domain.Privilege;
import org.openmrs.module.patientrecordings.domain.SiteId;
import org.openmrs.module.patientrecordings.standalone.host.HostSites;

/**
 * Location: the standalone server's sites. Create needs MANAGE_POLICY, because a site is what recording policies
 * are set for; the server assigns the id. Read, and search by name (a part, case-insensitive) or _id.
 */
public final class HostLocationProvider implements IResourceProvider {

    /** The most sites fetched at once. */
    private static final int LARGEST_PAGE = 500;

    private final HostSites sites;
    private final HostAccess access;

    HostLocationProvider(HostSites sites, HostAccess access) {
        this.sites = Objects.requireNonNull(sites, "sites");
        this.access = Objects.requireNonNull(access, "access");
    }

    @Override
    public Class<Location> getResourceType() {
        return Location.class;
    }

    @Create
    public MethodOutcome create(@ResourceParam Location location) {
        access.require(Privilege.MANAGE_POLICY, AuditAction.CREATE, null, "host site added");
        Location created = LocationTranslator.toFhir(sites.create(null, LocationTranslator.name(location)));
        return new MethodOutcome(created.getIdElement(), true).setResource(created);
    }

    @Read
    public Location read(@IdParam IdType id) {
        return sites.find(FhirValues.id(id.getIdPart(), SiteId::of, "id"))
                .map(LocationTranslator::toFhir)
                .orElseThrow(() -> FhirValues.notFound("Location", id.getIdPart()));
    }

    /** {@code _id} alone (a comma-separated list is any of them). */
    @Search
    public List<Location> byId(@RequiredParam(name = IAnyResource.SP_RES_ID) TokenOrListParam ids) {
        return ids.getValuesAsQueryTokens().stream()
                .map(t -> sites.find(FhirValues.id(t.getValue(), SiteId::of, "_id")))
                .flatMap(Optional::stream)
                .distinct()
                .map(LocationTranslator::toFhir)
                .toList();
    }

    /** Sites whose name contains {@code name}, or all; sorted by name, then id. */
    @Search
    public IBundleProvider search(@OptionalParam(name = Location.SP_NAME) StringParam name) {
        String fragment = name == null ? null : name.getValue();
        return new PagedSearch(
                (offset, count) -> sites.search(fragment, offset, count).stream()
                        .map(LocationTranslator::toFhir)
                        .toList(),
                LARGEST_PAGE);
    }
}
