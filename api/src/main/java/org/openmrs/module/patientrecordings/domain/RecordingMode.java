/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.domain;

/** Whether the people recorded know they are being recorded. */
public enum RecordingMode {
    OVERT,
    /** Only with a recorded authorisation (COV-1). */
    COVERT
}
