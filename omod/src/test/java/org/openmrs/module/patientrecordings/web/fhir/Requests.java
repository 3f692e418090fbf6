/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.web.fhir;

import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Media;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.openmrs.module.patientrecordings.domain.EncounterId;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.fhir.FhirUrls;

/** What a clinician's client posts: a consent given for consultations, and a consultation to record. */
final class Requests {

    private static final String ACT_REASON = "http://terminology.hl7.org/CodeSystem/v3-ActReason";

    private Requests() {}

    static Consent consentGiven(PatientId patient) {
        Consent c = new Consent();
        c.setStatus(Consent.ConsentState.ACTIVE);
        c.setPatient(new Reference("Patient/" + patient));
        Extension info = c.addExtension().setUrl(FhirUrls.EXT_INFORMATION_GIVEN);
        info.addExtension("contextOfUse", new StringType("Teaching sessions for GP trainees"));
        info.addExtension("copies", new BooleanType(false));
        info.addExtension("storage", new StringType("Encrypted in the clinical record system"));
        info.addExtension("retention", new StringType("8 years after the last treatment"));
        Extension attestation = c.addExtension().setUrl(FhirUrls.EXT_ATTESTATION);
        for (String told : new String[] {"toldMayRefuse", "toldMayWithdraw", "toldCareUnaffected", "noPressure"}) {
            attestation.addExtension(told, new BooleanType(true));
        }
        Consent.ProvisionComponent p = c.getProvision().setType(Consent.ConsentProvisionType.PERMIT);
        p.addExtension(
                "http://hl7.org/fhir/StructureDefinition/consent-location", new Reference("Location/example-site"));
        p.addActor()
                .setRole(new CodeableConcept(
                        new Coding("http://terminology.hl7.org/CodeSystem/v3-ParticipationType", "IRCP", null)))
                .setReference(new Reference().setDisplay("The care team and GP trainees"));
        p.addPurpose(new Coding(ACT_REASON, "TREAT", null)).addPurpose(new Coding(ACT_REASON, "TRAIN", null));
        p.addCode(new CodeableConcept(new Coding(FhirUrls.CS_RECORDING_KIND, "CONSULTATION", null)));
        return c;
    }

    static Media consultation(PatientId patient, EncounterId encounter) {
        Media m = new Media();
        m.setStatus(Media.MediaStatus.INPROGRESS);
        m.addExtension(FhirUrls.EXT_INITIATOR, new Coding(FhirUrls.CS_INITIATOR, "CLINICIAN", null));
        m.addExtension(FhirUrls.EXT_MODE, new Coding(FhirUrls.CS_MODE, "OVERT", null));
        m.addExtension(FhirUrls.EXT_PURPOSE, new CodeableConcept(new Coding(ACT_REASON, "TREAT", null)));
        m.addExtension(FhirUrls.EXT_PURPOSE, new CodeableConcept(new Coding(ACT_REASON, "TRAIN", null)));
        m.addExtension(
                "http://hl7.org/fhir/StructureDefinition/event-location", new Reference("Location/example-site"));
        m.setType(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/media-type", "video", null)));
        m.setModality(new CodeableConcept(new Coding(FhirUrls.CS_RECORDING_KIND, "CONSULTATION", null)));
        m.setSubject(new Reference("Patient/" + patient));
        m.setEncounter(new Reference("Encounter/" + encounter));
        return m;
    }
}
