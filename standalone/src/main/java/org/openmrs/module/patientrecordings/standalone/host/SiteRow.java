/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone.host;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.openmrs.module.patientrecordings.domain.SiteId;
import org.openmrs.module.patientrecordings.port.SiteDirectory.Site;

/** A row of {@code standalone_site}. */
@Entity
@Table(name = "standalone_site")
class SiteRow {

    @Id
    @Column(name = "id", length = 64)
    private String id;

    @Column(name = "name", nullable = false, length = 255)
    private String name;

    protected SiteRow() {}

    static SiteRow of(Site site) {
        SiteRow row = new SiteRow();
        row.id = site.id().value();
        row.name = site.name();
        return row;
    }

    Site toSite() {
        return new Site(SiteId.of(id), name);
    }
}
