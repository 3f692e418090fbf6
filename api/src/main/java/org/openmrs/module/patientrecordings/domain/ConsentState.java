/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.domain;

/**
 * The state of a recording consent; in FHIR: active, rejected, inactive. A withdrawal is a new state, never an
 * edit of history.
 */
public enum ConsentState {
    GIVEN,
    WITHHELD,
    WITHDRAWN,
    /** A later decision on the same kinds and purposes replaced it; in FHIR inactive, with a link to its successor. */
    SUPERSEDED
}
