/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.domain;

/**
 * How the content of a de-identified derivative (SEC-3) was de-identified: the codes of HL7 v3 ObservationValue
 * that FHIR puts in {@code meta.security}, kept as the caller stated them when it made the derivative.
 */
public enum DeIdentification {
    /** Anonymised: no one can be identified from it. */
    ANONYED,
    /** Pseudonymised: identifiers replaced by pseudonyms that the holder of a key could reverse. */
    PSEUDED,
    /** Masked: the identifying parts redacted (faces blurred, names bleeped). */
    MASKED
}
