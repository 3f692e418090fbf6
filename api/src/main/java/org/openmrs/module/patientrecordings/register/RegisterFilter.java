/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.register;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.RecordingId;
import org.openmrs.module.patientrecordings.domain.UserId;

/**
 * Narrows a register listing. Every criterion is optional (null matches everything); an entry must meet all that
 * are given. A criterion that does not apply to a register (a patient for staff objections) matches none of its
 * entries.
 *
 * @param patient whose entry: the objecting patient, the authorisation's, the held, destroyed or disclosed one's
 * @param staff the staff member who objects (STF-1)
 * @param recordedBy who made the entry (recorded, placed, destroyed, disclosed)
 * @param recording a recording destroyed or disclosed
 * @param active true for entries in force at {@code at}, false for ended ones
 * @param from entries made at or after this instant
 * @param to entries made before this instant
 * @param basis a legal hold's or disclosure's legal authority, or the rule a destruction was made under (e.g.
 *     {@code REC-4}), compared ignoring case
 */
public record RegisterFilter(
        PatientId patient,
        UserId staff,
        UserId recordedBy,
        RecordingId recording,
        Boolean active,
        Instant from,
        Instant to,
        String basis) {

    /** Matches every entry. */
    public static final RegisterFilter ALL = new RegisterFilter(null, null, null, null, null, null, null, null);

    /** @return true when {@code entry} meets every criterion given, judging "active" at {@code at} */
    public boolean matches(RegisterEntry entry, Instant at) {
        Objects.requireNonNull(entry, "entry");
        return (patient == null || patient.equals(patientOf(entry)))
                && (staff == null || entry instanceof StaffObjection o && staff.equals(o.staff()))
                && (recordedBy == null || recordedBy.equals(recordedByOf(entry)))
                && (recording == null || concerns(entry, recording))
                && (active == null || active == entry.activeAt(at))
                && (from == null || !madeAt(entry).isBefore(from))
                && (to == null || madeAt(entry).isBefore(to))
                && (basis == null || basis.equalsIgnoreCase(basisOf(entry)));
    }

    /** The patient an entry is about, or null for a staff objection. */
    public static PatientId patientOf(RegisterEntry entry) {
        if (entry instanceof PatientObjection o) {
            return o.patient();
        } else if (entry instanceof CovertAuthorisationEntry c) {
            return c.authorisation().patient();
        } else if (entry instanceof LegalHold h) {
            return h.patient();
        } else if (entry instanceof DestructionEntry d) {
            return d.patient();
        } else if (entry instanceof Disclosure d) {
            return d.patient();
        } else if (entry instanceof SitePolicyBreach b) {
            return b.patient();
        }
        return null;
    }

    /** When an entry was made. */
    public static Instant madeAt(RegisterEntry entry) {
        if (entry instanceof StaffObjection o) {
            return o.recordedAt();
        } else if (entry instanceof PatientObjection o) {
            return o.recordedAt();
        } else if (entry instanceof CovertAuthorisationEntry c) {
            return c.recordedAt();
        } else if (entry instanceof LegalHold h) {
            return h.placedAt();
        } else if (entry instanceof DestructionEntry d) {
            return d.destroyedAt();
        } else if (entry instanceof SitePolicyBreach b) {
            return b.recordedAt();
        }
        return ((Disclosure) entry).disclosedAt();
    }

    /** Who made an entry: recorded, placed, destroyed or disclosed it. */
    public static UserId recordedByOf(RegisterEntry entry) {
        if (entry instanceof StaffObjection o) {
            return o.recordedBy();
        } else if (entry instanceof PatientObjection o) {
            return o.recordedBy();
        } else if (entry instanceof CovertAuthorisationEntry c) {
            return c.recordedBy();
        } else if (entry instanceof LegalHold h) {
            return h.placedBy();
        } else if (entry instanceof DestructionEntry d) {
            return d.destroyedBy();
        } else if (entry instanceof SitePolicyBreach b) {
            return b.recordedBy();
        }
        return ((Disclosure) entry).disclosedBy();
    }

    private static boolean concerns(RegisterEntry entry, RecordingId recording) {
        return recordingsOf(entry).contains(recording);
    }

    /**
     * The recordings an entry is about: the one destroyed, those disclosed, the one made in breach of site policy;
     * none for the other registers.
     */
    public static List<RecordingId> recordingsOf(RegisterEntry entry) {
        if (entry instanceof DestructionEntry d) {
            return List.of(d.recording());
        } else if (entry instanceof SitePolicyBreach b) {
            return List.of(b.recording());
        }
        return entry instanceof Disclosure disclosure ? disclosure.recordings() : List.of();
    }

    /** The staff member a staff objection is about; null for the other registers. */
    public static UserId staffOf(RegisterEntry entry) {
        return entry instanceof StaffObjection o ? o.staff() : null;
    }

    /** The basis {@link #basis} is compared with, as stored: upper case; null for an objection or authorisation. */
    public static String basisOf(RegisterEntry entry) {
        if (entry instanceof LegalHold h) {
            return h.basis().name();
        } else if (entry instanceof DestructionEntry d) {
            return d.rule().code();
        } else if (entry instanceof Disclosure d) {
            return d.authority() == null ? "SUBJECT_ACCESS" : d.authority().name();
        }
        return null;
    }
}
