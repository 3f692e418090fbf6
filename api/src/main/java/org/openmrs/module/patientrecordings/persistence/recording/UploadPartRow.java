/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.persistence.recording;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.openmrs.module.patientrecordings.domain.RecordingId;
import org.openmrs.module.patientrecordings.recording.UploadPart;

/**
 * A row of {@code patientrecordings_upload_part}: one committed chunk of an upload in progress. {@code (recording_id,
 * start_offset)} is unique, so that of two chunks appended at the same offset only one commits. Written and read only
 * by {@link JpaUploadProgress}.
 */
@Entity
@Table(name = "patientrecordings_upload_part")
class UploadPartRow {

    static final String ENTITY = "UploadPartRow";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "part_no")
    Long number;

    @Column(name = "recording_id", nullable = false, length = RecordingRow.ID_LENGTH)
    String recordingId;

    @Column(name = "start_offset", nullable = false)
    long start;

    @Column(name = "part_size", nullable = false)
    long size;

    @Column(name = "content_type", nullable = false, length = RecordingRow.ID_LENGTH)
    String contentType;

    @Column(name = "content_key", nullable = false, length = RecordingRow.ID_LENGTH)
    String contentKey;

    @Column(name = "content_sha256", length = 64)
    String sha256;

    @Column(name = "content_sha1", length = 40)
    String sha1;

    static UploadPartRow of(UploadPart part) {
        UploadPartRow row = new UploadPartRow();
        row.recordingId = part.recording().value();
        row.start = part.start();
        row.size = part.size();
        row.contentType = part.contentType();
        row.contentKey = part.key();
        row.sha256 = part.sha256();
        row.sha1 = part.sha1();
        return row;
    }

    UploadPart part() {
        return new UploadPart(RecordingId.of(recordingId), start, size, contentType, contentKey, sha256, sha1);
    }
}
