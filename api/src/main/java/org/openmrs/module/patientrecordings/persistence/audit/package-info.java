/* SPDX-License-Identifier: MPL-2.0 */
/**
 * The audit log in the database: {@link org.openmrs.module.patientrecordings.persistence.audit.JpaAuditLog} and
 * its two tables, {@code patientrecordings_audit_entry} (the hash-chained entries) and
 * {@code patientrecordings_audit_head} (the one row that records the end of the chain).
 */
package org.openmrs.module.patientrecordings.persistence.audit;
