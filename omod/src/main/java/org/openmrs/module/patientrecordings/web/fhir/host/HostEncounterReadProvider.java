/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.web.fhir.host;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IAnyResource;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.IdType;
import org.openmrs.module.patientrecordings.domain.EncounterId;
import org.openmrs.module.patientrecordings.domain.PatientId;

/**
 * Encounter, read-only, from the host's own data ({@link HostRecords}): read, and search a patient's encounters by
 * location and date, or by _id; each audited and refused as the host refuses (SAF-2, SAF-3). A search names the
 * patient ({@code patient} or {@code subject}): the hosts list encounters per patient. A host that records encounters
 * itself adds its writes in a subclass.
 */
public class HostEncounterReadProvider implements IResourceProvider {

    private final HostRecords records;
    private final HostAccess access;
    private final HostEncounterTranslator translator;

    public HostEncounterReadProvider(HostRecords records, HostAccess access) {
        this.records = Objects.requireNonNull(records, "records");
        this.access = Objects.requireNonNull(access, "access");
        this.translator = new HostEncounterTranslator(access.clock());
    }

    @Override
    public Class<Encounter> getResourceType() {
        return Encounter.class;
    }

    @Read
    public Encounter read(@IdParam IdType id) {
        EncounterId encounter = FhirValues.id(id.getIdPart(), EncounterId::of, "id");
        return access.read("host Encounter read", () -> records.encounter(encounter), HostRecords.Encounter::patient)
                .map(translator::toFhir)
                .orElseThrow(() -> FhirValues.notFound("Encounter", id.getIdPart()));
    }

    /** {@code _id} alone (a comma-separated list is any of them). */
    @Search
    public List<Encounter> byId(@RequiredParam(name = IAnyResource.SP_RES_ID) TokenOrListParam ids) {
        List<EncounterId> wanted = ids.getValuesAsQueryTokens().stream()
                .map(t -> FhirValues.id(t.getValue(), EncounterId::of, "_id"))
                .distinct()
                .toList();
        return access
                .search(
                        null,
                        "host Encounter search by id",
                        () -> wanted.stream()
                                .map(records::encounter)
                                .flatMap(Optional::stream)
                                .toList())
                .stream()
                .map(translator::toFhir)
                .toList();
    }

    /**
     * The patient's encounters, latest first, narrowed by location and by date (the start lies in the range).
     *
     * @throws org.openmrs.module.patientrecordings.domain.RuleViolationException SAF-4 without a patient
     */
    @Search
    public List<Encounter> search(
            @OptionalParam(name = Encounter.SP_PATIENT) ReferenceParam patient,
            @OptionalParam(name = Encounter.SP_SUBJECT) ReferenceParam subject,
            @OptionalParam(name = Encounter.SP_LOCATION) ReferenceParam location,
            @OptionalParam(name = Encounter.SP_DATE) DateRangeParam date) {
        PatientId whose = SearchCriteria.patient(patient, subject, PatientId::of)
                .orElseThrow(() -> FhirValues.invalid("Search encounters by patient or subject", "patient"));
        return access
                .search(
                        whose,
                        "host Encounter search",
                        () -> records.encounters(whose).stream()
                                .filter(e -> location == null
                                        || (e.site() != null
                                                && SearchCriteria.references(
                                                        location, e.site().value())))
                                .filter(e -> SearchCriteria.within(date, e.start()))
                                .toList())
                .stream()
                .map(translator::toFhir)
                .toList();
    }
}
