/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone.host;

/** Administrative gender, as FHIR's {@code Patient.gender} codes it. */
public enum Gender {
    MALE,
    FEMALE,
    OTHER,
    UNKNOWN
}
