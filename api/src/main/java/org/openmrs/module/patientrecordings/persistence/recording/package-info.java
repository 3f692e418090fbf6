/* SPDX-License-Identifier: MPL-2.0 */
/**
 * Recordings in the database: {@link org.openmrs.module.patientrecordings.persistence.recording.JpaRecordingRepository}
 * over {@code patientrecordings_recording} and its child tables {@code _purpose}, {@code _staff} (ordered) and
 * {@code _flag}, kept as tables rather than text so that recordings can be found by flag (REC-3) or purpose; and
 * {@code patientrecordings_recording_version}, one row per saved version (a JSON document, see {@code
 * RecordingDocuments}), inserted by the save that made it and never changed, for vread and {@code _history}.
 */
package org.openmrs.module.patientrecordings.persistence.recording;
