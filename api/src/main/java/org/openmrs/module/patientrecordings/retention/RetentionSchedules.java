/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.retention;

import static org.openmrs.module.patientrecordings.retention.RetentionRule.agedAtLeast;
import static org.openmrs.module.patientrecordings.retention.RetentionRule.agedBetween;
import static org.openmrs.module.patientrecordings.retention.RetentionRule.latestOf;
import static org.openmrs.module.patientrecordings.retention.RetentionRule.untilBirthday;
import static org.openmrs.module.patientrecordings.retention.RetentionRule.whileAlive;
import static org.openmrs.module.patientrecordings.retention.RetentionRule.yearsAfterDeath;
import static org.openmrs.module.patientrecordings.retention.RetentionRule.yearsAfterLastTreatment;

import java.time.LocalDate;
import java.util.Map;

/** The retention schedules this module ships. A site may configure others, or override entries of these. */
public final class RetentionSchedules {

    private RetentionSchedules() {}

    /**
     * The REC-2 defaults for England, after the NHS Records Management Code of Practice.
     *
     * <p>What REC-2 states:
     *
     * <ul>
     *   <li>{@link RecordClass#GENERAL}, adult (18 or over when the last treatment ended): 8 years after the last
     *       treatment;
     *   <li>{@link RecordClass#GENERAL}, child (under 18 when the last treatment ended): until the 25th birthday, or
     *       the 26th if the patient was 17 when treatment ended;
     *   <li>{@link RecordClass#GP}, deceased patient: 10 years after the death;
     *   <li>{@link RecordClass#MENTAL_HEALTH}: 20 years after the last treatment or 10 years after the death,
     *       whichever is later;
     *   <li>{@link RecordClass#MATERNITY}: 25 years after the last treatment (the birth).
     * </ul>
     *
     * <p>Where REC-2 is silent, what a careful records manager would do, erring towards keeping longer:
     *
     * <ul>
     *   <li><b>Adult or child</b> is the age in completed years when the last treatment ended, so a new treatment
     *       after the 18th birthday turns a child's record into an adult's. That never shortens retention: 8 years
     *       after a treatment at 18 or over reaches at least the 26th birthday.
     *   <li><b>Death and a general record</b>, adult or child: also kept 8 years after the death, whichever is later.
     *       The Code's trigger for these records is "conclusion of treatment or death", and a claim by the estate
     *       runs from the death; a death never shortens retention.
     *   <li><b>A living patient's GP record</b> is kept indefinitely: it is the lifelong record that follows the
     *       patient between practices, and REC-2 only starts its clock at death. It becomes due 10 years after a
     *       recorded death.
     *   <li><b>GP entries dated after the death</b> (a post-mortem report): kept 10 years after that entry too, so
     *       the end is never before the last entry.
     *   <li><b>A child's mental health record</b> is also kept until the 25th (26th) birthday when that is later
     *       than 20 years after treatment: the children's rule exists because limitation runs from the 18th
     *       birthday, which holds for mental health care as much as any other.
     *   <li><b>Maternity and death</b>: no change. The record is also the baby's, and 25 years from the birth
     *       already covers the child to adulthood whatever happens to the mother.
     * </ul>
     *
     * <p>Dates: a 29 February anniversary or birthday falls on 1 March in a common year, the later candidate
     * (keeping one day longer is the safe error; {@link LocalDate#plusYears} would give 28 February); the end day
     * itself is still kept ({@link RetentionEnd}).
     */
    public static RetentionSchedule england() {
        return new RetentionSchedule(
                Jurisdiction.ENGLAND,
                Map.of(
                        RecordClass.GENERAL,
                        latestOf(
                                childUntilTwentyFifthBirthday(),
                                agedAtLeast(18, yearsAfterLastTreatment(8)),
                                yearsAfterDeath(8)),
                        RecordClass.GP,
                        latestOf(whileAlive(), yearsAfterDeath(10), yearsAfterLastTreatment(10)),
                        RecordClass.MENTAL_HEALTH,
                        latestOf(yearsAfterLastTreatment(20), yearsAfterDeath(10), childUntilTwentyFifthBirthday()),
                        RecordClass.MATERNITY,
                        yearsAfterLastTreatment(25)));
    }

    /** Under 18 at the last treatment: until the 25th birthday, or the 26th if 17 when treatment ended. */
    private static RetentionRule childUntilTwentyFifthBirthday() {
        return latestOf(agedBetween(0, 16, untilBirthday(25)), agedBetween(17, 17, untilBirthday(26)));
    }
}
