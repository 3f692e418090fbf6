/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.policy;

/** What a site does when a clinician recording is completed for an encounter with no clinical note (REC-3). */
public enum MissingNoteHandling {
    /** Completion is refused until a note exists. */
    BLOCK,
    /** Completion goes ahead; the recording is flagged and listed until a note exists. */
    FLAG
}
