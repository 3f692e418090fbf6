/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.persistence.consent;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/**
 * A row of {@code patientrecordings_consent_event}: one decision of a consent's history, at its place {@code
 * event_seq} (0 for the first). Only ever inserted: the table is the append-only history; a unique constraint on
 * (consent, place) keeps two writers from both appending the same place.
 */
@Entity
@Table(name = "patientrecordings_consent_event")
class ConsentEventRow {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "event_no")
    Long number;

    @Column(name = "consent_no", nullable = false)
    long consentNumber;

    @Column(name = "event_seq", nullable = false)
    int sequence;

    @Column(name = "event_type", nullable = false, length = 32)
    String type;

    @Column(name = "occurred_at", nullable = false)
    LocalDateTime at;

    @Column(name = "recorded_by", nullable = false, length = 255)
    String by;

    @Column(name = "recording_id", length = 255)
    String recordingId;

    @Column(name = "event_comment", length = ConsentRow.TEXT_LENGTH)
    String comment;

    /** The consent that superseded this one, for a SUPERSEDED event; otherwise null. */
    @Column(name = "successor_id", length = 255)
    String successorId;

    ConsentEventRow() {}
}
