/* SPDX-License-Identifier: MPL-2.0 */
/**
 * The administered retention schedules in the database: {@link
 * org.openmrs.module.patientrecordings.persistence.retention.JpaRetentionScheduleRepository} over one table, {@code
 * patientrecordings_retention_schedule}, one row per administered version (REC-2, POL-2).
 */
package org.openmrs.module.patientrecordings.persistence.retention;
