/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.domain;

/** Who makes a recording. */
public enum Initiator {
    /** Staff or the organisation. */
    CLINICIAN,
    /** The patient, for their own use (PAT-1) or as a copy shared into the record (PAT-2). */
    PATIENT,
    /** Routine site-wide telephone recording (TEL-1). */
    SYSTEM
}
