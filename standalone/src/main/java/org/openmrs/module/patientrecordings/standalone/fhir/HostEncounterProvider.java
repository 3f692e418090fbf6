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
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.hl7.fhir.instance.model.api.IAnyResource;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.IdType;
import org.openmrs.module.patientrecordings.audit.AuditAction;
import org.openmrs.module.patientrecordings.domain.EncounterId;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.Privilege;
import org.openmrs.module.patientrecordings.standalone.host.HostEncounter;
import org.openmrs.module.patientrecordings.standalone.host.HostEncounters;

/**
 * Encounter: create (CREATE_RECORDINGS, as recordings are made in encounters), read, and search a patient's
 * encounters by location and date, or by _id. A search names the patient ({@code patient} or {@code subject}):
 * the host lists encounters per patient only.
 */
public final class HostEncounterProvider implements IResourceProvider {

    private final HostEncounters encounters;
    private final HostAccess access;
    private final Consumer<PatientId> patientChanged;
    private final EncounterTranslator translator;

    /** @param patientChanged told after an encounter is recorded: it is the patient's latest treatment (REC-2) */
    HostEncounterProvider(HostEncounters encounters, HostAccess access, Consumer<PatientId> patientChanged) {
        this.encounters = Objects.requireNonNull(encounters, "encounters");
        this.access = Objects.requireNonNull(access, "access");
        this.patientChanged = Objects.requireNonNull(patientChanged, "patientChanged");
        this.translator = new EncounterTranslator(access.clock());
    }

    @Override
    public Class<Encounter> getResourceType() {
        return Encounter.class;
    }

    @Create
    public MethodOutcome create(@ResourceParam Encounter encounter) {
        access.require(Privilege.CREATE_RECORDINGS, AuditAction.CREATE, null, "host encounter recorded");
        HostEncounter created = encounters.create(EncounterTranslator.toNewEncounter(encounter));
        patientChanged.accept(created.patient());
        Encounter fhir = translator.toFhir(created);
        return new MethodOutcome(fhir.getIdElement(), true).setResource(fhir);
    }

    @Read
    public Encounter read(@IdParam IdType id) {
        return encounters
                .read(FhirValues.id(id.getIdPart(), EncounterId::of, "id"))
                .map(translator::toFhir)
                .orElseThrow(() -> FhirValues.notFound("Encounter", id.getIdPart()));
    }

    /** {@code _id} alone (a comma-separated list is any of them). */
    @Search
    public List<Encounter> byId(@RequiredParam(name = IAnyResource.SP_RES_ID) TokenOrListParam ids) {
        return ids.getValuesAsQueryTokens().stream()
                .map(t -> encounters.read(FhirValues.id(t.getValue(), EncounterId::of, "_id")))
                .flatMap(Optional::stream)
                .distinct()
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
        return encounters.forPatient(whose, 0, Integer.MAX_VALUE).stream()
                .filter(e -> location == null
                        || (e.site() != null
                                && SearchCriteria.references(location, e.site().value())))
                .filter(e -> SearchCriteria.within(date, e.start()))
                .map(translator::toFhir)
                .toList();
    }
}
