/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.domain;

/**
 * What a recording captures. The implicit-consent kinds are those for which consent to the investigation or
 * treatment covers making the recording (CON-9): no separate recording consent is needed to make them, though
 * their secondary use still is (SEC-1).
 */
public enum RecordingKind {
    CONSULTATION(false),
    PROCEDURE(false),
    TELEPHONE(false),
    CLINICAL_PHOTO(false),
    INTERNAL_IMAGING(true),
    PATHOLOGY_SLIDE(true),
    ENDOSCOPY(true),
    ORGAN_FUNCTION(true),
    ULTRASOUND(true),
    XRAY(true);

    private final boolean implicitConsent;

    RecordingKind(boolean implicitConsent) {
        this.implicitConsent = implicitConsent;
    }

    /** @return true when consent to the investigation or treatment covers making the recording (CON-9) */
    public boolean implicitConsent() {
        return implicitConsent;
    }
}
