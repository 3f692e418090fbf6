/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.persistence.register;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/**
 * A row of {@code patientrecordings_register_entry}: one entry of one register, told apart by {@code entry_type}
 * (see {@link RegisterEntryTypes}). The entry itself is a JSON document ({@link RegisterEntryDocuments}); the
 * patient and the end are copied into columns so that the registers can be searched by them. {@code entry_no} is the
 * order entries were first saved in; an entry saved again keeps its place.
 */
@Entity
@Table(name = "patientrecordings_register_entry")
class RegisterEntryRow {

    /** The most characters of an entry's document. */
    static final int DATA_LENGTH = 1_000_000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "entry_no")
    Long number;

    @Column(name = "entry_type", nullable = false, length = 32)
    String type;

    @Column(name = "entry_id", nullable = false, length = 255)
    String entryId;

    @Column(name = "patient_id", length = 255)
    String patientId;

    @Column(name = "ended_at")
    LocalDateTime endedAt;

    @Column(name = "entry_data", nullable = false, length = DATA_LENGTH)
    String data;

    RegisterEntryRow() {}
}
