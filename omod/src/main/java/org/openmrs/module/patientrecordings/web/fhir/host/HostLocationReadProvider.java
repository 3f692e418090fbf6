/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.web.fhir.host;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
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
import org.openmrs.module.patientrecordings.domain.SiteId;

/**
 * Location, read-only, from the host's own data ({@link HostRecords}): the sites recording policies are set for.
 * Read, and search by name or _id; each audited and refused as the host refuses (SAF-2, SAF-3). A host that adds
 * sites itself adds its writes in a subclass.
 */
public class HostLocationReadProvider implements IResourceProvider {

    private final HostRecords records;
    private final HostAccess access;

    public HostLocationReadProvider(HostRecords records, HostAccess access) {
        this.records = Objects.requireNonNull(records, "records");
        this.access = Objects.requireNonNull(access, "access");
    }

    @Override
    public Class<Location> getResourceType() {
        return Location.class;
    }

    @Read
    public Location read(@IdParam IdType id) {
        SiteId site = FhirValues.id(id.getIdPart(), SiteId::of, "id");
        return access.read("host Location read", () -> records.location(site), location -> null)
                .map(HostLocationTranslator::toFhir)
                .orElseThrow(() -> FhirValues.notFound("Location", id.getIdPart()));
    }

    /** {@code _id} alone (a comma-separated list is any of them). */
    @Search
    public List<Location> byId(@RequiredParam(name = IAnyResource.SP_RES_ID) TokenOrListParam ids) {
        List<SiteId> wanted = ids.getValuesAsQueryTokens().stream()
                .map(t -> FhirValues.id(t.getValue(), SiteId::of, "_id"))
                .distinct()
                .toList();
        return access
                .search(
                        null,
                        "host Location search by id",
                        () -> wanted.stream()
                                .map(records::location)
                                .flatMap(Optional::stream)
                                .toList())
                .stream()
                .map(HostLocationTranslator::toFhir)
                .toList();
    }

    /** Locations whose name matches {@code name} as the host matches names, or all; in the host's stable order. */
    @Search
    public IBundleProvider search(@OptionalParam(name = Location.SP_NAME) StringParam name) {
        String fragment = name == null ? null : name.getValue();
        return new PagedSearch(
                (offset, count) ->
                        access
                                .search(null, "host Location search", () -> records.locations(fragment, offset, count))
                                .stream()
                                .map(HostLocationTranslator::toFhir)
                                .toList(),
                records.largestPage());
    }
}
