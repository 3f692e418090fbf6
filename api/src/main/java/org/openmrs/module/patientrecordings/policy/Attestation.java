/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.policy;

/**
 * What the clinician attests they told the patient (CON-3). Each is a yes only when explicitly recorded; null
 * counts as not told.
 *
 * @param toldMayRefuseOrWithdraw told they may refuse, or withdraw at any time during or after the recording
 * @param toldRefusalDoesNotAffectCare told that refusing will not affect their care
 * @param underNoPressure the patient was under no pressure to agree
 */
public record Attestation(
        Boolean toldMayRefuseOrWithdraw, Boolean toldRefusalDoesNotAffectCare, Boolean underNoPressure) {

    public static final Attestation COMPLETE = new Attestation(true, true, true);

    public static final Attestation NONE = new Attestation(null, null, null);
}
