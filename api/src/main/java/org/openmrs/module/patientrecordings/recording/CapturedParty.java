/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.recording;

/**
 * STF-2: someone other than the patient whom a recording captures, and whether they consented to its use or
 * disclosure outside direct care. Once every party captured has consented, the recording may leave direct care as
 * any other (its patient's own consent still applies).
 *
 * @param role who they are, or null when not stated (a recording marked before parties were kept)
 * @param id the patient's id, the staff member's user id or the visitor's id when they are identified, or null
 * @param name how they are described when not identified (e.g. "Visitor accompanying the patient"), or null; a party
 *     has an id or a name
 * @param consented whether they consented
 */
public record CapturedParty(Role role, String id, String name, boolean consented) {

    /** Who a captured party is. */
    public enum Role {
        /** Another patient. */
        PATIENT,
        /** A member of staff. */
        STAFF,
        /** Anyone else: a visitor, a relative, a carer. */
        VISITOR
    }

    public CapturedParty {
        id = blankToNull(id);
        name = blankToNull(name);
        if (id == null && name == null) {
            throw new IllegalArgumentException("a captured party is identified or described");
        }
    }

    /**
     * Other people a recording was marked as capturing before each party was kept: not stated who, not consented, as
     * they were shown then.
     */
    public static CapturedParty unstated() {
        return new CapturedParty(null, null, "Other people captured in the recording", false);
    }

    /** This party, having consented. */
    public CapturedParty withConsent() {
        return new CapturedParty(role, id, name, true);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
