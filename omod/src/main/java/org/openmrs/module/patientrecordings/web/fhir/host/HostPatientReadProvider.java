/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.web.fhir.host;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
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
import org.hl7.fhir.instance.model.api.IAnyResource;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;
import org.openmrs.module.patientrecordings.domain.PatientId;

/**
 * Patient, read-only, from the host's own data ({@link HostRecords}): read, and search by identifier, name, birthdate
 * or _id, each read and search audited and refused as the host refuses (SAF-2, SAF-3). So that an external system
 * learns the patient id every recording request needs, on either host. A host that registers patients itself adds
 * its writes in a subclass (the standalone server).
 */
public class HostPatientReadProvider implements IResourceProvider {

    private final HostRecords records;
    private final HostAccess access;

    public HostPatientReadProvider(HostRecords records, HostAccess access) {
        this.records = Objects.requireNonNull(records, "records");
        this.access = Objects.requireNonNull(access, "access");
    }

    @Override
    public Class<Patient> getResourceType() {
        return Patient.class;
    }

    @Read
    public Patient read(@IdParam IdType id) {
        PatientId patient = FhirValues.id(id.getIdPart(), PatientId::of, "id");
        return access.read("host Patient read", () -> records.patient(patient), HostRecords.Patient::id)
                .map(HostPatientTranslator::toFhir)
                .orElseThrow(() -> FhirValues.notFound("Patient", id.getIdPart()));
    }

    /** {@code _id} alone (a comma-separated list is any of them); combined with other parameters it is refused. */
    @Search
    public List<Patient> byId(@RequiredParam(name = IAnyResource.SP_RES_ID) TokenOrListParam ids) {
        List<PatientId> wanted = ids.getValuesAsQueryTokens().stream()
                .map(t -> FhirValues.id(t.getValue(), PatientId::of, "_id"))
                .distinct()
                .toList();
        return access
                .search(
                        null,
                        "host Patient search by id",
                        () -> wanted.stream()
                                .map(records::patient)
                                .flatMap(Optional::stream)
                                .toList())
                .stream()
                .map(HostPatientTranslator::toFhir)
                .toList();
    }

    /**
     * Every parameter given must match: the identifier exactly (of the given system, or of any), a part of a name
     * (case-insensitive), the birth date exactly. Paged from the host, in the host's stable order.
     */
    @Search
    public IBundleProvider search(
            @OptionalParam(name = Patient.SP_IDENTIFIER) TokenParam identifier,
            @OptionalParam(name = Patient.SP_NAME) StringParam name,
            @OptionalParam(name = Patient.SP_BIRTHDATE) DateParam birthdate) {
        HostRecords.PatientQuery query = new HostRecords.PatientQuery(
                name == null ? null : name.getValue(),
                identifier == null ? null : identifier.getSystem(),
                identifier == null ? null : identifier.getValue(),
                birthdate == null ? null : birthDate(birthdate));
        return new PagedSearch(
                (offset, count) ->
                        access
                                .search(null, "host Patient search", () -> records.patients(query, offset, count))
                                .stream()
                                .map(HostPatientTranslator::toFhir)
                                .toList(),
                records.largestPage());
    }

    private static LocalDate birthDate(DateParam birthdate) {
        if (birthdate.getPrefix() != null && birthdate.getPrefix() != ParamPrefixEnum.EQUAL) {
            throw FhirValues.invalid("Search by an exact birth date", "birthdate");
        }
        return FhirValues.day(new DateType(birthdate.getValueAsString()), "birthdate");
    }
}
