/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.domain;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The one error catalogue. Each constant is a stable code: a rule ID of REQUIREMENTS.md, or one of the few
 * technical codes that are not rules (unknown resource, version conflict, illegal lifecycle transition). The same
 * codes appear in FHIR {@code OperationOutcome.issue.details.coding}, whose CodeSystem must list exactly these.
 * Tests assert codes, never message text.
 */
public enum ErrorCode {
    CON_1("CON-1", "No active recording consent covers this kind and every purpose"),
    CON_2("CON-2", "Consent does not record everything the patient was told"),
    CON_3("CON-3", "Consent lacks the right-to-refuse and no-pressure attestation"),
    CON_4("CON-4", "The patient withheld consent for this purpose"),
    CON_5("CON-5", "Consent was withdrawn during the recording"),
    CON_6("CON-6", "Consent was withdrawn after the recording"),
    CON_7("CON-7", "The patient has not confirmed consent after the recording"),
    CON_8("CON-8", "The consent decision could not be written to the patient's record"),
    CON_9("CON-9", "Implicit consent covers making this recording, not its secondary use"),
    CON_10("CON-10", "The patient objects to being recorded"),
    CON_11("CON-11", "Recording only to defend against complaints or litigation is discouraged"),
    CON_12("CON-12", "The consent does not say who gave it, or on what authority"),
    COV_1("COV-1", "Covert recording needs a complete, current authorisation"),
    COV_2("COV-2", "Only users privileged to authorise covert recording may do this"),
    PAT_1("PAT-1", "Patients may record their own consultation for their own use"),
    PAT_2("PAT-2", "A shared patient recording needs its date received and how it was obtained"),
    PAT_3("PAT-3", "Filming is not allowed in this area of the site"),
    STF_1("STF-1", "A staff member present objects to being recorded"),
    STF_2("STF-2", "The recording captures other people who have not consented"),
    TEL_1("TEL-1", "Telephone recording is site-wide, never per caller"),
    TEL_2("TEL-2", "Callers must be told how calls are recorded before recording starts"),
    TEL_3("TEL-3", "This call needs an explicit recording notice at its start"),
    TEL_4("TEL-4", "The purpose is not one the site declared for call recording"),
    REC_1("REC-1", "A recording is a clinical record entry and cannot be deleted"),
    REC_2("REC-2", "Retention is computed from the site's retention schedule"),
    REC_3("REC-3", "A recording does not replace the contemporaneous note"),
    REC_4("REC-4", "Disposal only after the retention end"),
    REC_5("REC-5", "The recording is under legal hold"),
    REC_6("REC-6", "Disclosure produces the recording in its entirety"),
    REC_7("REC-7", "Subject access request"),
    SEC_1("SEC-1", "Secondary use needs consent or an anonymised derivative"),
    SEC_2("SEC-2", "Use outside the scope of the consent needs further consent"),
    SEC_3("SEC-3", "An anonymised derivative must link to its source"),
    SAF_1("SAF-1", "Content failed its integrity check"),
    SAF_2("SAF-2", "The access could not be audited"),
    SAF_3("SAF-3", "The user lacks the privilege for this action"),
    SAF_4("SAF-4", "The input is invalid"),
    POL_1("POL-1", "The site's recording policy does not allow this"),
    POL_2("POL-2", "The site policy version is not current"),
    LIF_1("LIF-1", "The recording's lifecycle does not allow this transition"),
    NF_1("NF-1", "The referenced resource does not exist"),
    VER_1("VER-1", "The resource was changed by someone else");

    private static final Map<String, ErrorCode> BY_CODE =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(ErrorCode::code, Function.identity()));

    private final String code;
    private final String title;

    ErrorCode(String code, String title) {
        this.code = code;
        this.title = title;
    }

    /** @return the stable code, e.g. {@code CON-1} */
    public String code() {
        return code;
    }

    /** @return a short human-readable title, used as the CodeSystem display */
    public String title() {
        return title;
    }

    /** Finds a constant by its stable code. */
    public static Optional<ErrorCode> fromCode(String code) {
        return Optional.ofNullable(BY_CODE.get(code));
    }
}
