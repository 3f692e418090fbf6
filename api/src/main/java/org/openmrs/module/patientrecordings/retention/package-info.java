/* SPDX-License-Identifier: MPL-2.0 */
/**
 * How long a recording is kept (REC-2) and when it may be disposed of (the date half of REC-4).
 *
 * <p>A recording is an entry of the clinical record, so it is kept exactly as long as the patient's other records of
 * the same class. The pieces:
 *
 * <ul>
 *   <li>{@link org.openmrs.module.patientrecordings.retention.RetentionFacts}: what the period depends on (birth,
 *       death, last treatment, record class);
 *   <li>{@link org.openmrs.module.patientrecordings.retention.RetentionRule}: small composable period rules ("8 years
 *       after the last treatment", "until the 25th birthday", "the latest of ...");
 *   <li>{@link org.openmrs.module.patientrecordings.retention.RetentionSchedule}: one rule per record class for a
 *       jurisdiction, with {@link org.openmrs.module.patientrecordings.retention.RetentionSchedules#england()} as
 *       the REC-2 defaults;
 *   <li>{@link org.openmrs.module.patientrecordings.retention.RetentionCalculator}: the pure function from schedule
 *       and facts to a {@link org.openmrs.module.patientrecordings.retention.RetentionEnd} that names the rule it
 *       came from, so a destruction register can cite it.
 * </ul>
 *
 * <p>Everything here is pure JDK and immutable. Legal holds (REC-5) are decided elsewhere: a due retention end is
 * necessary for disposal, never sufficient.
 */
package org.openmrs.module.patientrecordings.retention;
