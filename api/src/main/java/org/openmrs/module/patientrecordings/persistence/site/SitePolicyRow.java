/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.persistence.site;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A row of {@code patientrecordings_site_policy}: one version of one site's policy (POL-2), inserted once and never
 * updated. The unique constraint on (site, version) lets only one of two concurrent changes create a version (VER-1).
 * The scalar settings are columns; the lists and sets are one JSON document ({@link SitePolicySettings}), since a
 * version is only ever read whole. {@code policy_no} is the order versions were added in.
 */
@Entity
@Table(name = "patientrecordings_site_policy")
class SitePolicyRow {

    /** The most characters of the settings document. */
    static final int SETTINGS_LENGTH = 1_000_000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "policy_no")
    Long number;

    @Column(name = "site_id", nullable = false, length = 255)
    String siteId;

    @Column(name = "policy_version", nullable = false)
    int version;

    @Column(name = "clinicians_may_record", nullable = false)
    boolean cliniciansMayRecordConsultations;

    @Column(name = "telephone_enabled", nullable = false)
    boolean telephoneEnabled;

    @Column(name = "jurisdiction", nullable = false, length = 64)
    String jurisdiction;

    @Column(name = "record_class", nullable = false, length = 32)
    String recordClass;

    @Column(name = "missing_note", nullable = false, length = 16)
    String missingNote;

    @Column(name = "settings", nullable = false, length = SETTINGS_LENGTH)
    String settings;

    SitePolicyRow() {}
}
