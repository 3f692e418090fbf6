/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.persistence.recording;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * A row of {@code patientrecordings_recording_party}: one other person a recording captures, and whether they
 * consented (STF-2).
 */
@Embeddable
class CapturedPartyRow {

    @Column(name = "party_role", length = 16)
    String role;

    @Column(name = "party_id", length = RecordingRow.ID_LENGTH)
    String id;

    @Column(name = "party_name", length = RecordingRow.ID_LENGTH)
    String name;

    @Column(name = "consented", nullable = false)
    boolean consented;

    CapturedPartyRow() {}

    CapturedPartyRow(String role, String id, String name, boolean consented) {
        this.role = role;
        this.id = id;
        this.name = name;
        this.consented = consented;
    }
}
