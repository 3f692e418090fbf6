/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.domain;

/** The FHIR R4 {@code Media.type} of a recording. */
public enum MediaType {
    AUDIO,
    VIDEO,
    IMAGE
}
