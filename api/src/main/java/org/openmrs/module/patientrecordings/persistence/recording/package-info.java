/* SPDX-License-Identifier: MPL-2.0 */
/**
 * Recordings in the database: {@link org.openmrs.module.patientrecordings.persistence.recording.JpaRecordingRepository}
 * over {@code patientrecordings_recording} and its child tables {@code _purpose}, {@code _staff} (ordered) and
 * {@code _flag}, kept as tables rather than text so that recordings can be found by flag (REC-3) or purpose.
 */
package org.openmrs.module.patientrecordings.persistence.recording;
