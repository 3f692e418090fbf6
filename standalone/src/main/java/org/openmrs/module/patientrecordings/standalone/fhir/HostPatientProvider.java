/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone.fhir;

import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.api.MethodOutcome;
import java.util.Objects;
import java.util.function.Consumer;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;
import org.openmrs.module.patientrecordings.audit.AuditAction;
import org.openmrs.module.patientrecordings.domain.Actor;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.Privilege;
import org.openmrs.module.patientrecordings.standalone.host.HostPatient;
import org.openmrs.module.patientrecordings.standalone.host.HostPatients;
import org.openmrs.module.patientrecordings.web.fhir.host.FhirValues;
import org.openmrs.module.patientrecordings.web.fhir.host.HostAccess;
import org.openmrs.module.patientrecordings.web.fhir.host.HostPatientReadProvider;
import org.openmrs.module.patientrecordings.web.fhir.host.HostRecords;

/**
 * Patient of the standalone server's register: the reads and searches both hosts serve ({@link
 * HostPatientReadProvider}), create (CREATE_RECORDINGS: whoever records may register the patient they record) and
 * {@code $record-death} (MANAGE_RECORDS, because a death moves the retention end of the patient's recordings,
 * REC-2). No update or delete: the register is the host's, and only the death matters to the module.
 */
public final class HostPatientProvider extends HostPatientReadProvider {

    private final HostPatients patients;
    private final HostAccess access;
    private final Consumer<PatientId> patientChanged;

    /**
     * @param patientChanged told after a death is recorded, e.g. {@code RecordingRetention::recompute}; a failure
     *     fails the request, but the death stays recorded and a retry records it again and calls this again
     */
    HostPatientProvider(
            HostRecords records, HostPatients patients, HostAccess access, Consumer<PatientId> patientChanged) {
        super(records, access);
        this.patients = Objects.requireNonNull(patients, "patients");
        this.access = Objects.requireNonNull(access, "access");
        this.patientChanged = Objects.requireNonNull(patientChanged, "patientChanged");
    }

    @Create
    public MethodOutcome create(@ResourceParam Patient patient) {
        Actor actor = access.require(Privilege.CREATE_RECORDINGS, AuditAction.CREATE, null, "host patient registered");
        HostPatient registered = patients.create(PatientTranslator.toNewPatient(patient));
        access.recordChange(actor, registered.id(), "host patient registered");
        Patient created = PatientTranslator.toFhir(registered);
        return new MethodOutcome(created.getIdElement(), true).setResource(created);
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
}
