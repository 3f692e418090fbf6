/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone.host;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.openmrs.module.patientrecordings.domain.EncounterId;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.SiteId;

/** A row of {@code standalone_encounter}. Times are UTC. */
@Entity
@Table(name = "standalone_encounter")
class EncounterRow {

    @Id
    @Column(name = "id", length = 64)
    private String id;

    @Column(name = "patient_id", nullable = false, length = 64)
    private String patientId;

    @Column(name = "site_id", length = 64)
    private String siteId;

    @Column(name = "started_at", nullable = false)
    private LocalDateTime startedAt;

    @Column(name = "description", length = 255)
    private String description;

    protected EncounterRow() {}

    static EncounterRow of(HostEncounter encounter) {
        EncounterRow row = new EncounterRow();
        row.id = encounter.id().value();
        row.patientId = encounter.patient().value();
        row.siteId = encounter.site() == null ? null : encounter.site().value();
        row.startedAt = LocalDateTime.ofInstant(encounter.start(), ZoneOffset.UTC);
        row.description = encounter.description();
        return row;
    }

    HostEncounter toEncounter() {
        return new HostEncounter(
                EncounterId.of(id),
                PatientId.of(patientId),
                siteId == null ? null : SiteId.of(siteId),
                startedAt.toInstant(ZoneOffset.UTC),
                description);
    }
}
