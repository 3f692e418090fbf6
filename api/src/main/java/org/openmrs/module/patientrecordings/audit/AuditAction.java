/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.audit;

/**
 * What was done, or attempted, in an audited access (SAF-2). The names are stored and hashed: never rename a
 * constant, only add new ones.
 */
public enum AuditAction {
    /** Metadata of a recording was read. */
    VIEW,
    /** Content was streamed for playback. */
    PLAY,
    /** Content was downloaded whole. */
    DOWNLOAD,
    /** A search returned the recording or ran over the patient's recordings. */
    SEARCH,
    CREATE,
    UPDATE,
    /** A disclosure package was produced (REC-6). */
    DISCLOSE,
    /** A subject-access export was produced (REC-7). */
    EXPORT,
    /** Consent was given, withheld, withdrawn or confirmed. */
    CONSENT_DECISION,
    /** A site policy changed (POL-2). */
    POLICY_CHANGE,
    /** A legal hold was placed or lifted (REC-5). */
    LEGAL_HOLD,
    /** A recording was marked entered-in-error. */
    VOID,
    /** A recording's content was disposed of after its retention end (REC-4). */
    DISPOSE,
    /** An anonymised derivative was made (SEC-1, SEC-3). */
    ANONYMISE,
    /** The audit trail itself was read. */
    AUDIT_READ,
    /**
     * A request was refused before its action could be told apart (for example an unprivileged call, SAF-3); the
     * outcome carries the codes.
     */
    REFUSED,
    /** Content failed its integrity check (SAF-1). */
    INTEGRITY_FAILURE
}
