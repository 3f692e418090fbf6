/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.retention;

/**
 * The class of clinical record a recording belongs to, which picks the entry of the {@link RetentionSchedule}
 * (REC-2).
 *
 * <p>The class says <em>which record</em> the recording is filed in, something a user chooses once. Whether that
 * record is an adult's or a child's is deliberately <b>not</b> a class: it follows from the patient's age at the
 * last treatment, changes as treatment continues, and must never be picked by hand (a child's record filed as
 * "adult" would be destroyed years early). The schedule derives it, see {@link RetentionRule#agedBetween}.
 */
public enum RecordClass {

    /**
     * A hospital (acute) or community health record: the general case. Adult or child is decided by the age at the
     * last treatment.
     */
    GENERAL("general health record"),

    /** The record held by the patient's general practice. */
    GP("GP record"),

    /** A record of mental health care. */
    MENTAL_HEALTH("mental health record"),

    /** A maternity record: the mother's record of pregnancy and birth. */
    MATERNITY("maternity record");

    private final String description;

    RecordClass(String description) {
        this.description = description;
    }

    /** The class in words, for rule citations. */
    public String description() {
        return description;
    }
}
