/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.persistence.recording;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/**
 * A row of {@code patientrecordings_recording_version}: one saved version of a recording, as a {@link
 * RecordingDocuments} document, with its last-change time in UTC. Inserted in the transaction of the save that made
 * the version, and never updated or deleted; {@code (recording_id, version)} is unique.
 */
@Entity
@Table(name = "patientrecordings_recording_version")
class RecordingVersionRow {

    static final String ENTITY = "RecordingVersionRow";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "version_no")
    Long number;

    @Column(name = "recording_id", nullable = false, length = RecordingRow.ID_LENGTH, updatable = false)
    String recordingId;

    @Column(name = "version", nullable = false, updatable = false)
    long version;

    @Column(name = "last_updated", nullable = false, updatable = false)
    LocalDateTime lastUpdated;

    @Column(name = "recording_data", nullable = false, updatable = false, length = 1_000_000)
    String document;

    RecordingVersionRow() {}
}
