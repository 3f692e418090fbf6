/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.fhir;

import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.StringType;
import org.openmrs.module.patientrecordings.consent.ConsentEvent;
import org.openmrs.module.patientrecordings.consent.ConsentEventType;
import org.openmrs.module.patientrecordings.consent.RecordingConsent;
import org.openmrs.module.patientrecordings.policy.Attestation;
import org.openmrs.module.patientrecordings.policy.ConsentTerms;

/**
 * The recording-consent extensions: what the patient was told (CON-2), the attestation (CON-3), each confirmation or
 * refusal after a recording (CON-7) and the withdrawal (CON-5/6). Each is written only when complete, because its
 * parts are all required: an incomplete withheld consent simply shows less.
 */
final class ConsentExtensions {

    private ConsentExtensions() {}

    static void write(RecordingConsent c, Consent f) {
        ConsentTerms t = c.terms();
        if (t.contextOfUse() != null
                && t.copiesWillBeMade() != null
                && t.storageArrangements() != null
                && t.retentionPeriod() != null) {
            Extension info = f.addExtension().setUrl(FhirUrls.EXT_INFORMATION_GIVEN);
            info.addExtension("contextOfUse", new StringType(t.contextOfUse()));
            info.addExtension("copies", new BooleanType(t.copiesWillBeMade()));
            info.addExtension("storage", new StringType(t.storageArrangements()));
            info.addExtension("retention", new StringType(t.retentionPeriod()));
        }
        Attestation a = c.attestation();
        if (Boolean.TRUE.equals(a.toldMayRefuseOrWithdraw())
                && Boolean.TRUE.equals(a.toldRefusalDoesNotAffectCare())
                && Boolean.TRUE.equals(a.underNoPressure())) {
            Extension att = f.addExtension().setUrl(FhirUrls.EXT_ATTESTATION);
            // CON-3 asks for refuse and withdraw in one statement; the profile shows it twice.
            att.addExtension("toldMayRefuse", new BooleanType(true));
            att.addExtension("toldMayWithdraw", new BooleanType(true));
            att.addExtension("toldCareUnaffected", new BooleanType(true));
            att.addExtension("noPressure", new BooleanType(true));
        }
        for (ConsentEvent e : c.history()) {
            if (e.type() == ConsentEventType.CONFIRMED_AFTER_RECORDING
                    || e.type() == ConsentEventType.REFUSED_AFTER_RECORDING) {
                Extension conf = f.addExtension().setUrl(FhirUrls.EXT_POST_RECORDING_CONFIRMATION);
                conf.addExtension("recording", Refs.to("Media", e.recording()));
                conf.addExtension("confirmed", new BooleanType(e.type() == ConsentEventType.CONFIRMED_AFTER_RECORDING));
                conf.addExtension("at", Times.dateTime(e.at()));
                // The service records an answer only once the patient was offered to see or hear it (CON-7).
                conf.addExtension("offeredToSeeOrHear", new BooleanType(true));
            } else if (e.type() == ConsentEventType.WITHDRAWN) {
                Extension w = f.addExtension().setUrl(FhirUrls.EXT_WITHDRAWAL);
                w.addExtension("at", Times.dateTime(e.at()));
                if (e.recording() != null) {
                    w.addExtension("duringRecording", Refs.to("Media", e.recording()));
                }
                w.addExtension("recordedBy", Refs.to("Practitioner", e.by()));
            } else if (e.type() == ConsentEventType.SUPERSEDED) {
                f.addExtension(FhirUrls.EXT_SUPERSEDED_BY, Refs.to("Consent", e.successor()));
            }
        }
    }
}
