/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.domain;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Why a recording is made or used. A value rather than an enum because a site may add purposes of its own
 * (POL-1); the built-in ones are constants. Everything but {@link #DIRECT_CARE} and {@link #PATIENT_OWN_USE} is a
 * secondary use (SEC-1).
 *
 * @param code upper-case code, letters, digits and underscores, never null
 */
public record Purpose(String code) {

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");

    /** Part of the clinical record. */
    public static final Purpose DIRECT_CARE = new Purpose("DIRECT_CARE");
    /** The patient's own use of their own recording (PAT-1). */
    public static final Purpose PATIENT_OWN_USE = new Purpose("PATIENT_OWN_USE");

    public static final Purpose TRAINING = new Purpose("TRAINING");
    public static final Purpose RESEARCH = new Purpose("RESEARCH");
    public static final Purpose AUDIT = new Purpose("AUDIT");
    /** For example call quality control (TEL-4). */
    public static final Purpose QUALITY = new Purpose("QUALITY");
    /**
     * Only to defend against complaints or litigation: discouraged, allowed with a stated reason (CON-11).
     */
    public static final Purpose DEFENCE = new Purpose("DEFENCE");

    /** Disclosure for a complaint, claim, court order, regulator or formal investigation (REC-6). */
    public static final Purpose LEGAL = new Purpose("LEGAL");

    public Purpose {
        Objects.requireNonNull(code, "code");
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("purpose code must match " + CODE.pattern() + ": " + code);
        }
    }

    /** Parses a code leniently as to case; throws {@link IllegalArgumentException} when malformed. */
    public static Purpose of(String code) {
        return new Purpose(Objects.requireNonNull(code, "code").trim().toUpperCase(Locale.ROOT));
    }

    /** @return true for every purpose other than direct care and the patient's own use */
    public boolean secondary() {
        return !equals(DIRECT_CARE) && !equals(PATIENT_OWN_USE);
    }

    @Override
    public String toString() {
        return code;
    }
}
