/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.fhir;

import org.openmrs.module.patientrecordings.domain.ConsentState;
import org.openmrs.module.patientrecordings.domain.Initiator;
import org.openmrs.module.patientrecordings.domain.RecordingMode;
import org.openmrs.module.patientrecordings.recording.Recording;
import org.openmrs.module.patientrecordings.recording.RecordingFlag;

/** The consent-status a Media shows (media-consent-status code system), derived from the recording and its consent. */
enum MediaConsentStatus {
    /** CON-9. */
    IMPLICIT,
    /** PAT-1, TEL-1, and anonymised derivatives (SEC-3). */
    NOT_REQUIRED,
    /** CON-7: direct care only until the patient confirms. */
    AWAITING_CONFIRMATION,
    CONFIRMED,
    REFUSED_AFTER_RECORDING,
    /** CON-5, CON-6. */
    WITHDRAWN,
    /** COV-1. */
    COVERT_AUTHORISED;

    static MediaConsentStatus of(Recording r, ConsentState governingConsent) {
        if (r.derivativeOf() != null || r.initiator() != Initiator.CLINICIAN) {
            return NOT_REQUIRED;
        }
        if (r.mode() == RecordingMode.COVERT) {
            return COVERT_AUTHORISED;
        }
        if (r.kind().implicitConsent()) {
            return IMPLICIT;
        }
        if (r.hasFlag(RecordingFlag.CONFIRMATION_REFUSED)) {
            return REFUSED_AFTER_RECORDING;
        }
        if (governingConsent == ConsentState.WITHDRAWN || r.hasFlag(RecordingFlag.WITHDRAWN_DURING_RECORDING)) {
            return WITHDRAWN;
        }
        return r.hasFlag(RecordingFlag.CONFIRMED) ? CONFIRMED : AWAITING_CONFIRMATION;
    }
}
