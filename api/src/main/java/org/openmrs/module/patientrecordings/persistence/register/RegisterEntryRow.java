/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.persistence.register;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.Set;
import org.hibernate.annotations.BatchSize;

/**
 * A row of {@code patientrecordings_register_entry}: one entry of one register, told apart by {@code entry_type}
 * (see {@link RegisterEntryTypes}). The entry itself is a JSON document ({@link RegisterEntryDocuments}); what a
 * {@link org.openmrs.module.patientrecordings.register.RegisterFilter} asks about (patient, staff member, maker, when
 * made, end, basis, recordings) is copied into columns and {@code patientrecordings_register_recording} so that the
 * registers are searched in the database. {@code entry_no} is the order entries were first saved in; an entry saved
 * again keeps its place. Rows saved before the search columns existed have no {@code made_at}; the repository fills
 * them in from their document before it searches.
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

    @Column(name = "made_at")
    LocalDateTime madeAt;

    @Column(name = "recorded_by", length = 255)
    String recordedBy;

    @Column(name = "staff_id", length = 255)
    String staffId;

    @Column(name = "basis", length = 64)
    String basis;

    @ElementCollection
    @BatchSize(size = 50)
    @CollectionTable(name = "patientrecordings_register_recording", joinColumns = @JoinColumn(name = "entry_no"))
    @Column(name = "recording_id", nullable = false, length = 255)
    Set<String> recordings = new HashSet<>();

    RegisterEntryRow() {}
}
