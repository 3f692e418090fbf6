/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.fhir;

import java.util.Map;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.openmrs.module.patientrecordings.domain.Purpose;

/**
 * Purposes as codings of the recording-purpose value set: the v3 PurposeOfUse code where HL7 has one (TREAT, TRAIN,
 * HRESCH, HQUALIMP), our own recording-purpose code otherwise. Site-added purposes (POL-1) use our code system's
 * URL with the site's code; the binding is extensible.
 */
public final class PurposeCodes {

    private static final Map<Purpose, String> HL7 = Map.of(
            Purpose.DIRECT_CARE, "TREAT",
            Purpose.TRAINING, "TRAIN",
            Purpose.RESEARCH, "HRESCH",
            Purpose.QUALITY, "HQUALIMP",
            Purpose.LEGAL, "HLEGAL");

    private PurposeCodes() {}

    public static Coding toCoding(Purpose purpose) {
        String hl7 = HL7.get(purpose);
        return hl7 != null
                ? new Coding(Hl7Systems.ACT_REASON, hl7, null)
                : new Coding(FhirUrls.CS_PURPOSE, purpose.code(), null);
    }

    public static CodeableConcept toConcept(Purpose purpose) {
        return new CodeableConcept(toCoding(purpose));
    }

    /**
     * @throws org.openmrs.module.patientrecordings.domain.RuleViolationException SAF-4 for a coding of another
     *     system or an unknown v3 code
     */
    public static Purpose fromCoding(Coding coding, String location) {
        if (coding != null && Hl7Systems.ACT_REASON.equals(coding.getSystem())) {
            return HL7.entrySet().stream()
                    .filter(e -> e.getValue().equals(coding.getCode()))
                    .map(Map.Entry::getKey)
                    .findFirst()
                    .orElseThrow(() -> Refs.invalid(location, "unsupported purpose " + coding.getCode()));
        }
        if (coding == null || !FhirUrls.CS_PURPOSE.equals(coding.getSystem()) || !coding.hasCode()) {
            throw Refs.invalid(location, "a purpose is a v3-ActReason or recording-purpose coding");
        }
        try {
            return Purpose.of(coding.getCode());
        } catch (IllegalArgumentException e) {
            throw Refs.invalid(location, e.getMessage());
        }
    }

    public static Purpose fromConcept(CodeableConcept concept, String location) {
        if (concept == null || concept.getCoding().isEmpty()) {
            throw Refs.invalid(location, "a purpose needs a coding");
        }
        return fromCoding(concept.getCodingFirstRep(), location);
    }
}
