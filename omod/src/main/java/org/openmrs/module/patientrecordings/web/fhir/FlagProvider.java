/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.web.fhir;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import java.time.Instant;
import java.util.List;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.IdType;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.RuleViolationException;
import org.openmrs.module.patientrecordings.fhir.RegisterTranslator;
import org.openmrs.module.patientrecordings.register.LegalHold;
import org.openmrs.module.patientrecordings.register.RegisterFilter;

/**
 * REC-5: the legal holds as Flags on their patients, read-only (holds are placed and lifted by {@code $legal-hold},
 * {@code $lift-legal-hold} and the administration API). Reads go through the register service: to legal-hold
 * managers only (SAF-3), audited (SAF-2). Search by {@code patient} or {@code subject}, and {@code status}
 * ({@code active}, {@code inactive}).
 */
public final class FlagProvider implements IResourceProvider {

    private final FhirServerDependencies services;

    FlagProvider(FhirServerDependencies services) {
        this.services = services;
    }

    @Override
    public Class<Flag> getResourceType() {
        return Flag.class;
    }

    @Read
    public Flag read(@IdParam IdType id) {
        return RegisterTranslator.toFhir(
                services.registers().entry(LegalHold.class, id.getIdPart()),
                services.guard().now());
    }

    @Search
    public List<Flag> search(
            @OptionalParam(name = Flag.SP_PATIENT) ReferenceParam patient,
            @OptionalParam(name = Flag.SP_SUBJECT) ReferenceParam subject,
            @OptionalParam(name = "status") TokenOrListParam status) {
        PatientId whose = whose(patient, subject);
        if (RegisterConsents.noRegisterStatus(status)) {
            return List.of();
        }
        RegisterFilter filter =
                new RegisterFilter(whose, null, null, null, RegisterConsents.active(status), null, null, null);
        Instant now = services.guard().now();
        return services.registers().list(LegalHold.class, filter).stream()
                .map(h -> RegisterTranslator.toFhir(h, now))
                .toList();
    }

    private static PatientId whose(ReferenceParam patient, ReferenceParam subject) {
        if (patient != null && subject != null && !patient.getIdPart().equals(subject.getIdPart())) {
            throw RuleViolationException.of(ErrorCode.SAF_4, "patient and subject name different patients", "subject");
        }
        ReferenceParam given = patient != null ? patient : subject;
        if (given == null) {
            return null;
        }
        if (given.getResourceType() != null && !given.getResourceType().equals("Patient")) {
            throw RuleViolationException.of(ErrorCode.SAF_4, "A legal hold's subject is a Patient", "subject");
        }
        return PatientId.of(given.getIdPart());
    }
}
