/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.persistence.recording;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A row of {@code patientrecordings_content_part}: one stored object of a content kept in parts, the chunk of a
 * completed upload it was committed as. Written (from the upload's part rows) and read only by {@link
 * JpaUploadProgress}; the content sweeper asks whether a part's content is referenced.
 */
@Entity
@Table(name = "patientrecordings_content_part")
class ContentPartRow {

    static final String ENTITY = "ContentPartRow";

    static final String TABLE = "patientrecordings_content_part";

    @Id
    @Column(name = "part_key", length = RecordingRow.ID_LENGTH)
    String partKey;

    @Column(name = "content_key", nullable = false, length = RecordingRow.ID_LENGTH)
    String contentKey;

    @Column(name = "start_offset", nullable = false)
    long start;

    @Column(name = "part_size", nullable = false)
    long size;
}
