/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone.fhir;

import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.DateParam;
import ca.uhn.fhir.rest.param.ParamPrefixEnum;
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.hl7.fhir.instance.model.api.IAnyResource;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;
import org.openmrs.module.patientrecordings.audit.AuditAction;
import org.openmrs.module.patientrecordings.domain.Actor;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.Privilege;
import org.openmrs.module.patientrecordings.standalone.host.HostPatient;
import org.openmrs.module.patientrecordings.standalone.host.HostPatients;
import org.openmrs.module.patientrecordings.standalone.host.PatientSearch;

/**
 * Patient of the standalone server's register: create (CREATE_RECORDINGS: whoever records may register the patient
 * they record), read, search by identifier, name, birthdate or _id, and {@code $record-death} (MANAGE_RECORDS,
 * because a death moves the retention end of the patient's recordings, REC-2). No update or delete: the register is
 * the host's, and only the death matters to the module.
 */
public final class HostPatientProvider implements IResourceProvider {

    private final HostPatients patients;
    private final HostAccess access;
    private final Consumer<PatientId> patientChanged;

    /**
     * @param patientChanged told after a death is recorded, e.g. {@code RecordingRetention::recompute}; a failure
     *     fails the request, but the death stays recorded and a retry records it again and calls this again
     */
    HostPatientProvider(HostPatients patients, HostAccess access, Consumer<PatientId> patientChanged) {
        this.patients = Objects.requireNonNull(patients, "patients");
        this.access = Objects.requireNonNull(access, "access");
        this.patientChanged = Objects.requireNonNull(patientChanged, "patientChanged");
    }

    @Override
    public Class<Patient> getResourceType() {
        return Patient.class;
    }

    @Create
    public MethodOutcome create(@ResourceParam Patient patient) {
        access.require(Privilege.CREATE_RECORDINGS, AuditAction.CREATE, null, "host patient registered");
        Patient created = PatientTranslator.toFhir(patients.create(PatientTranslator.toNewPatient(patient)));
        return new MethodOutcome(created.getIdElement(), true).setResource(created);
    }

    @Read
    public Patient read(@IdParam IdType id) {
        return PatientTranslator.toFhir(find(id));
    }

    /** {@code _id} alone (a comma-separated list is any of them); combined with other parameters it is refused. */
    @Search
    public List<Patient> byId(@RequiredParam(name = IAnyResource.SP_RES_ID) TokenOrListParam ids) {
        return ids.getValuesAsQueryTokens().stream()
                .map(t -> patients.read(FhirValues.id(t.getValue(), PatientId::of, "_id")))
                .flatMap(Optional::stream)
                .distinct()
                .map(PatientTranslator::toFhir)
                .toList();
    }

    /**
     * Every parameter given must match: the identifier exactly (of our system, or without a system), a part of the
     * given or family name (case-insensitive), the birth date exactly. Sorted by family name, given name, id.
     */
    @Search
    public IBundleProvider search(
            @OptionalParam(name = Patient.SP_IDENTIFIER) TokenParam identifier,
            @OptionalParam(name = Patient.SP_NAME) StringParam name,
            @OptionalParam(name = Patient.SP_BIRTHDATE) DateParam birthdate) {
        if (identifier != null
                && identifier.getSystem() != null
                && !identifier.getSystem().equals(HostIdentifiers.MEDICAL_RECORD_NUMBER)) {
            return new PagedSearch((offset, count) -> List.of(), 1);
        }
        String mrn = identifier == null ? null : identifier.getValue();
        String fragment = name == null ? null : name.getValue();
        LocalDate born = birthdate == null ? null : birthDate(birthdate);
        return new PagedSearch(
                (offset, count) -> patients.search(new PatientSearch(fragment, mrn, born, offset, count)).stream()
                        .map(PatientTranslator::toFhir)
                        .toList(),
                PatientSearch.MAX_COUNT);
    }

    /**
     * REC-2: records the day of the patient's death, then has the retention of their recordings recomputed.
     *
     * @param date the day of death (a FHIR {@code date}), not in the future nor before the birth date
     */
    @Operation(name = "$record-death", idempotent = false)
    public Patient recordDeath(@IdParam IdType id, @OperationParam(name = "date", min = 1) DateType date) {
        PatientId patient = FhirValues.id(id.getIdPart(), PatientId::of, "id");
        Actor actor = access.require(Privilege.MANAGE_RECORDS, AuditAction.UPDATE, patient, "host death recorded");
        HostPatient dead = patients.recordDeath(patient, FhirValues.day(date, "date"));
        access.recordChange(actor, patient, "host death recorded");
        patientChanged.accept(patient);
        return PatientTranslator.toFhir(dead);
    }

    private HostPatient find(IdType id) {
        return patients.read(FhirValues.id(id.getIdPart(), PatientId::of, "id"))
                .orElseThrow(() -> FhirValues.notFound("Patient", id.getIdPart()));
    }

    private static LocalDate birthDate(DateParam birthdate) {
        if (birthdate.getPrefix() != null && birthdate.getPrefix() != ParamPrefixEnum.EQUAL) {
            throw FhirValues.invalid("Search by an exact birth date", "birthdate");
        }
        return FhirValues.day(new DateType(birthdate.getValueAsString()), "birthdate");
    }
}
