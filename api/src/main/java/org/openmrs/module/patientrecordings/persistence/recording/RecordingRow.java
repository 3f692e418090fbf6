/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.persistence.recording;

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
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hibernate.annotations.BatchSize;

/**
 * A row of {@code patientrecordings_recording}, with its purposes, staff present, other people captured and flags in
 * child tables (so that
 * recordings can be found by flag or purpose). Plain columns: enums by name, times in UTC. {@code recording_no} is
 * the insertion order, which "oldest first" and paging follow; {@code recording_id} is the recording's own id.
 * Written and read only by {@link RecordingMapper}.
 */
@Entity
@Table(name = "patientrecordings_recording")
class RecordingRow {

    static final String ENTITY = "RecordingRow";
    static final int ID_LENGTH = 255;
    static final int TEXT_LENGTH = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "recording_no")
    Long number;

    @Column(name = "recording_id", nullable = false, length = ID_LENGTH)
    String recordingId;

    @Column(name = "patient_id", nullable = false, length = ID_LENGTH)
    String patientId;

    @Column(name = "encounter_id", length = ID_LENGTH)
    String encounterId;

    @Column(name = "site_id", nullable = false, length = ID_LENGTH)
    String siteId;

    @Column(name = "area_code", length = ID_LENGTH)
    String areaCode;

    @Column(name = "policy_version", nullable = false)
    int policyVersion;

    @Column(name = "default_policy", nullable = false)
    boolean defaultPolicy;

    @Column(name = "recording_kind", nullable = false, length = 32)
    String kind;

    @Column(name = "media_type", nullable = false, length = 16)
    String mediaType;

    @Column(name = "initiator", nullable = false, length = 16)
    String initiator;

    @Column(name = "recording_mode", nullable = false, length = 16)
    String mode;

    @Column(name = "operator_id", nullable = false, length = ID_LENGTH)
    String operatorId;

    @Column(name = "consent_id", length = ID_LENGTH)
    String consentId;

    @Column(name = "recording_state", nullable = false, length = 32)
    String state;

    @Column(name = "started_at", nullable = false)
    LocalDateTime startedAt;

    @Column(name = "ended_at")
    LocalDateTime endedAt;

    @Column(name = "content_key", length = ID_LENGTH)
    String contentKey;

    @Column(name = "content_type", length = ID_LENGTH)
    String contentType;

    @Column(name = "content_size")
    Long contentSize;

    @Column(name = "content_sha256", length = 64)
    String contentSha256;

    @Column(name = "content_sha1", length = 40)
    String contentSha1;

    @Column(name = "declared_content_type", length = ID_LENGTH)
    String declaredContentType;

    @Column(name = "third_parties_captured", nullable = false)
    boolean thirdPartiesCaptured;

    @Column(name = "derivative_of", length = ID_LENGTH)
    String derivativeOf;

    @Column(name = "de_identification", length = 16)
    String deIdentification;

    @Column(name = "retention_until")
    LocalDate retentionUntil;

    @Column(name = "defence_reason", length = TEXT_LENGTH)
    String defenceReason;

    @Column(name = "call_type", length = 32)
    String callType;

    @Column(name = "call_explicit_notice")
    Boolean callExplicitNotice;

    @Column(name = "shared_received_on")
    LocalDate sharedReceivedOn;

    @Column(name = "shared_how_obtained", length = TEXT_LENGTH)
    String sharedHowObtained;

    @Column(name = "void_reason", length = TEXT_LENGTH)
    String voidReason;

    @Column(name = "identifier_system", length = ID_LENGTH)
    String identifierSystem;

    @Column(name = "identifier_value", length = ID_LENGTH)
    String identifierValue;

    @Column(name = "last_updated", nullable = false)
    LocalDateTime lastUpdated;

    @Column(name = "version", nullable = false)
    long version;

    @ElementCollection
    @BatchSize(size = 50)
    @CollectionTable(name = "patientrecordings_recording_purpose", joinColumns = @JoinColumn(name = "recording_no"))
    @Column(name = "purpose", nullable = false, length = 64)
    Set<String> purposes = new HashSet<>();

    @ElementCollection
    @BatchSize(size = 50)
    @CollectionTable(name = "patientrecordings_recording_staff", joinColumns = @JoinColumn(name = "recording_no"))
    @OrderColumn(name = "staff_order")
    @Column(name = "user_id", nullable = false, length = ID_LENGTH)
    List<String> staffPresent = new ArrayList<>();

    @ElementCollection
    @BatchSize(size = 50)
    @CollectionTable(name = "patientrecordings_recording_party", joinColumns = @JoinColumn(name = "recording_no"))
    @OrderColumn(name = "party_order")
    List<CapturedPartyRow> thirdParties = new ArrayList<>();

    @ElementCollection
    @BatchSize(size = 50)
    @CollectionTable(name = "patientrecordings_recording_flag", joinColumns = @JoinColumn(name = "recording_no"))
    @Column(name = "flag", nullable = false, length = 32)
    Set<String> flags = new HashSet<>();

    RecordingRow() {}
}
