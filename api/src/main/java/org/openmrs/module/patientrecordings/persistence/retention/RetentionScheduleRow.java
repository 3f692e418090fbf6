/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.persistence.retention;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A row of {@code patientrecordings_retention_schedule}: one administered version of one jurisdiction's retention
 * schedule (REC-2), inserted once and never updated. The unique constraint on (jurisdiction, version) lets only one
 * of two concurrent changes create a version (VER-1). The schedule is one JSON document, as {@link
 * org.openmrs.module.patientrecordings.retention.RetentionScheduleCodec} writes it; {@code schedule_no} is the order
 * versions were added in.
 */
@Entity
@Table(name = "patientrecordings_retention_schedule")
class RetentionScheduleRow {

    /** The most characters of the schedule document. */
    static final int SCHEDULE_LENGTH = 1_000_000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "schedule_no")
    Long number;

    @Column(name = "jurisdiction", nullable = false, length = 64)
    String jurisdiction;

    @Column(name = "schedule_version", nullable = false)
    int version;

    @Column(name = "schedule_data", nullable = false, length = SCHEDULE_LENGTH)
    String schedule;

    RetentionScheduleRow() {}
}
