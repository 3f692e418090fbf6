/* SPDX-License-Identifier: MPL-2.0 */
/**
 * Recording consents in the database: {@link
 * org.openmrs.module.patientrecordings.persistence.consent.JpaConsentRepository} over {@code
 * patientrecordings_consent} (terms and attestation, with kinds, purposes and audience in child tables) and the
 * append-only history {@code patientrecordings_consent_event}, one row per decision, never updated.
 */
package org.openmrs.module.patientrecordings.persistence.consent;
