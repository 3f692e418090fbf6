/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.persistence.consent;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hibernate.annotations.BatchSize;

/**
 * A row of {@code patientrecordings_consent}: the consent with its terms (CON-2) and attestation (CON-3); who gave it (CON-12);
 * the kinds, purposes, audience and the people consulted about a best-interests decision in child tables. Its history is in {@link ConsentEventRow}s. {@code consent_no} is the
 * insertion order. Written and read only by {@link ConsentMapper}.
 */
@Entity
@Table(name = "patientrecordings_consent")
class ConsentRow {

    static final String ENTITY = "ConsentRow";
    static final int TEXT_LENGTH = 2000;
    static final int AUDIENCE_LENGTH = 255;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "consent_no")
    Long number;

    @Column(name = "consent_id", nullable = false, length = 255)
    String consentId;

    @Column(name = "patient_id", nullable = false, length = 255)
    String patientId;

    @Column(name = "encounter_id", length = 255)
    String encounterId;

    @Column(name = "site_id", nullable = false, length = 255)
    String siteId;

    @Column(name = "context_of_use", length = TEXT_LENGTH)
    String contextOfUse;

    @Column(name = "copies_will_be_made")
    Boolean copiesWillBeMade;

    @Column(name = "storage_arrangements", length = TEXT_LENGTH)
    String storageArrangements;

    @Column(name = "retention_period", length = TEXT_LENGTH)
    String retentionPeriod;

    @Column(name = "defence_reason", length = TEXT_LENGTH)
    String defenceReason;

    @Column(name = "told_may_refuse")
    Boolean toldMayRefuseOrWithdraw;

    @Column(name = "told_care_unaffected")
    Boolean toldRefusalDoesNotAffectCare;

    @Column(name = "under_no_pressure")
    Boolean underNoPressure;

    /** CON-12: who decided, a {@code ConsentGiver.Authority} name; null on rows written before CON-12 (the patient). */
    @Column(name = "given_by", length = 32)
    String givenBy;

    @Column(name = "giver_name", length = AUDIENCE_LENGTH)
    String giverName;

    @Column(name = "giver_relationship", length = AUDIENCE_LENGTH)
    String giverRelationship;

    @Column(name = "competence_attested")
    Boolean competenceAttested;

    @Column(name = "version", nullable = false)
    long version;

    @ElementCollection
    @BatchSize(size = 50)
    @CollectionTable(name = "patientrecordings_consent_kind", joinColumns = @JoinColumn(name = "consent_no"))
    @Column(name = "recording_kind", nullable = false, length = 32)
    Set<String> kinds = new HashSet<>();

    @ElementCollection
    @BatchSize(size = 50)
    @CollectionTable(name = "patientrecordings_consent_purpose", joinColumns = @JoinColumn(name = "consent_no"))
    @Column(name = "purpose", nullable = false, length = 64)
    Set<String> purposes = new HashSet<>();

    @ElementCollection
    @BatchSize(size = 50)
    @CollectionTable(name = "patientrecordings_consent_audience", joinColumns = @JoinColumn(name = "consent_no"))
    @OrderColumn(name = "audience_order")
    @Column(name = "audience", nullable = false, length = AUDIENCE_LENGTH)
    List<String> audience = new ArrayList<>();

    @ElementCollection
    @BatchSize(size = 50)
    @CollectionTable(name = "patientrecordings_consent_consulted", joinColumns = @JoinColumn(name = "consent_no"))
    @OrderColumn(name = "consulted_order")
    List<ConsultedPerson> consulted = new ArrayList<>();

    ConsentRow() {}
}
