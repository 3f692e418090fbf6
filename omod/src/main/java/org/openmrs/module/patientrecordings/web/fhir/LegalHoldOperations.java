/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.web.fhir;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.Privilege;
import org.openmrs.module.patientrecordings.domain.RecordingId;
import org.openmrs.module.patientrecordings.domain.RuleViolationException;
import org.openmrs.module.patientrecordings.fhir.LegalMatters;
import org.openmrs.module.patientrecordings.fhir.RegisterTranslator;
import org.openmrs.module.patientrecordings.register.LegalHold;
import org.openmrs.module.patientrecordings.register.RegisterFilter;

/**
 * REC-5: $legal-hold and $lift-legal-hold on a Patient or on one of their Media. A hold covers all of the patient's
 * recordings (the register keeps holds per patient), so on a Media it holds that recording and its siblings. The
 * answer is the hold placed (the Flag) and the recordings held: on a Media the one named; on a Patient those the user
 * may see, since listing a patient's recordings is a search the hold manager may not be privileged for.
 */
public final class LegalHoldOperations {

    private final FhirServerDependencies services;

    LegalHoldOperations(FhirServerDependencies services) {
        this.services = services;
    }

    @Operation(name = "$legal-hold", typeName = "Patient")
    public Parameters holdPatient(
            @IdParam IdType id,
            @OperationParam(name = "matter", min = 1) Coding matter,
            @OperationParam(name = "reference", min = 1) StringType reference) {
        PatientId patient = PatientId.of(id.getIdPart());
        Parameters placed = placed(place(patient, matter, reference));
        // The recordings now held, as far as the user may see them: listing them is a search (SAF-3, SAF-2).
        if (services.guard().actor().has(Privilege.VIEW_RECORDINGS)) {
            services.recordings()
                    .findForPatient(patient)
                    .forEach(r ->
                            placed.addParameter().setName("held").setValue(new Reference("Media/" + r.id().value())));
        }
        return placed;
    }

    @Operation(name = "$legal-hold", typeName = "Media")
    public Parameters holdMedia(
            @IdParam IdType id,
            @OperationParam(name = "matter", min = 1) Coding matter,
            @OperationParam(name = "reference", min = 1) StringType reference) {
        LegalHold hold = place(
                services.recordings().known(RecordingId.of(id.getIdPart())).patient(), matter, reference);
        Parameters placed = placed(hold);
        placed.addParameter().setName("held").setValue(new Reference("Media/" + id.getIdPart()));
        return placed;
    }

    @Operation(name = "$lift-legal-hold", typeName = "Patient")
    public Parameters liftPatient(
            @IdParam IdType id,
            @OperationParam(name = "reference", min = 1) StringType reference,
            @OperationParam(name = "reason") StringType reason) {
        lift(PatientId.of(id.getIdPart()), reference, reason);
        return new Parameters();
    }

    @Operation(name = "$lift-legal-hold", typeName = "Media")
    public Parameters liftMedia(
            @IdParam IdType id,
            @OperationParam(name = "reference", min = 1) StringType reference,
            @OperationParam(name = "reason") StringType reason) {
        lift(services.recordings().known(RecordingId.of(id.getIdPart())).patient(), reference, reason);
        return MediaOperations.held("released", new Reference("Media/" + id.getIdPart()));
    }

    /** The answer to a hold placed: the hold itself, as the Flag its patient now carries. */
    private Parameters placed(LegalHold hold) {
        Parameters placed = new Parameters();
        placed.addParameter()
                .setName("flag")
                .setResource(RegisterTranslator.toFhir(hold, services.guard().now()));
        return placed;
    }

    private LegalHold place(PatientId patient, Coding matter, StringType reference) {
        return services.registers()
                .placeLegalHold(
                        patient, LegalMatters.of(matter, "matter"), reference == null ? null : reference.getValue());
    }

    private void lift(PatientId patient, StringType reference, StringType reason) {
        String ref = reference == null ? null : reference.getValue();
        RegisterFilter inForce = new RegisterFilter(patient, null, null, null, true, null, null, null);
        LegalHold hold = services.registers().list(LegalHold.class, inForce).stream()
                .filter(h -> h.reference().equals(ref))
                .findFirst()
                .orElseThrow(() -> RuleViolationException.of(
                        ErrorCode.NF_1, "No legal hold " + ref + " on this patient", "reference"));
        services.registers().liftLegalHold(hold.id(), reason == null ? null : reason.getValue());
    }
}
