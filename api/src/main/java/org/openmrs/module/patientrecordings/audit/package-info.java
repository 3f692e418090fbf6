/* SPDX-License-Identifier: MPL-2.0 */
/**
 * The access audit trail (SAF-2): what an audit entry says, the {@link
 * org.openmrs.module.patientrecordings.audit.AuditLog} port that records and searches entries, and the hash chain
 * that makes the log tamper-evident. Pure domain: no persistence annotations; the JPA implementation lives in
 * {@code persistence.audit}.
 */
package org.openmrs.module.patientrecordings.audit;
