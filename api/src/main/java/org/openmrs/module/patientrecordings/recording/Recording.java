/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.recording;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.openmrs.module.patientrecordings.domain.ConsentId;
import org.openmrs.module.patientrecordings.domain.DeIdentification;
import org.openmrs.module.patientrecordings.domain.EncounterId;
import org.openmrs.module.patientrecordings.domain.Initiator;
import org.openmrs.module.patientrecordings.domain.MediaType;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.Purpose;
import org.openmrs.module.patientrecordings.domain.RecordingId;
import org.openmrs.module.patientrecordings.domain.RecordingKind;
import org.openmrs.module.patientrecordings.domain.RecordingMode;
import org.openmrs.module.patientrecordings.domain.RecordingState;
import org.openmrs.module.patientrecordings.domain.SiteId;
import org.openmrs.module.patientrecordings.domain.UserId;
import org.openmrs.module.patientrecordings.policy.RecordingFacts;

/**
 * A recording: an entry of the patient's clinical record (REC-1). Immutable; every change makes a new value
 * through {@link #toBuilder()}, and state changes go through {@link RecordingLifecycle}.
 *
 * @param id never null
 * @param patient whose record it belongs to (REC-1)
 * @param encounter the encounter, or null
 * @param site where it was made
 * @param areaCode the area of the site it was made in (PAT-3), as the site's policy names its areas, or null
 * @param policyVersion the version of the policy it was made under (POL-2): the site's own, or the server's default
 *     when {@code defaultPolicy}
 * @param defaultPolicy whether it was made under the server's default site policy, the site having none of its own
 * @param kind what it captures
 * @param mediaType audio, video or image
 * @param initiator who made it
 * @param mode overt or covert
 * @param purposes the purposes it may currently serve
 * @param operator who operated the recording (for a patient's copy: who added it)
 * @param staffPresent the staff recorded in it
 * @param consent the consent that governs it, or null (implicit kinds, patients' and routine calls)
 * @param state where it is in its lifecycle
 * @param startedAt when capture started
 * @param endedAt when capture ended, or null while in progress
 * @param content the stored content, or null before upload
 * @param declaredContentType the content type the client declared when it started it (e.g. {@code video/webm}), or
 *     null; shown until content arrives, which must then be of this type (SAF-4)
 * @param thirdParties the other people it captures, with their consent (STF-2), in the order given
 * @param derivativeOf the source of an anonymised derivative (SEC-3), or null
 * @param deIdentification how a derivative was de-identified (SEC-3), as its maker stated; null for a recording that
 *     is no derivative
 * @param retentionUntil the last day it must be kept (REC-2), or null when not yet known
 * @param flags flags such as NOTE_MISSING
 * @param defenceReason the stated reason for a purely defensive purpose (CON-11), or null
 * @param call for telephone recordings, or null
 * @param sharedCopy for a patient's shared copy (PAT-2), or null
 * @param voidReason why it was voided (REC-1), or null
 * @param identifier the business identifier a client gave it when creating it, or null
 * @param lastUpdated when it was last saved, on the server's clock (set by the repository), or null before the
 *     first save
 * @param version optimistic-locking version, 0 when new
 */
public record Recording(
        RecordingId id,
        PatientId patient,
        EncounterId encounter,
        SiteId site,
        String areaCode,
        int policyVersion,
        boolean defaultPolicy,
        RecordingKind kind,
        MediaType mediaType,
        Initiator initiator,
        RecordingMode mode,
        Set<Purpose> purposes,
        UserId operator,
        List<UserId> staffPresent,
        ConsentId consent,
        RecordingState state,
        Instant startedAt,
        Instant endedAt,
        RecordedContent content,
        String declaredContentType,
        List<CapturedParty> thirdParties,
        RecordingId derivativeOf,
        DeIdentification deIdentification,
        LocalDate retentionUntil,
        Set<RecordingFlag> flags,
        String defenceReason,
        CallDetails call,
        SharedCopy sharedCopy,
        String voidReason,
        RecordingIdentifier identifier,
        Instant lastUpdated,
        long version) {

    public Recording {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(initiator, "initiator");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(startedAt, "startedAt");
        if (deIdentification != null && derivativeOf == null) {
            throw new IllegalArgumentException("only a derivative is de-identified");
        }
        purposes = Set.copyOf(purposes);
        staffPresent = List.copyOf(staffPresent);
        thirdParties = List.copyOf(thirdParties);
        flags = flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return Builder.from(this);
    }

    /** This recording in a new lifecycle state, checked by {@link RecordingLifecycle} (LIF-1). */
    public Recording withState(RecordingState next) {
        return toBuilder().state(RecordingLifecycle.transition(state, next)).build();
    }

    /**
     * SAF-4: whether content of a type fits what the client declared when it started the recording: any type when it
     * declared none.
     *
     * @param contentType lower case, without parameters
     */
    public boolean fitsDeclaredType(String contentType) {
        return declaredContentType == null || declaredContentType.equals(contentType);
    }

    /** STF-2: whether it captures other people. */
    public boolean thirdPartiesCaptured() {
        return !thirdParties.isEmpty();
    }

    /** STF-2: whether it captures other people who have not (all) consented to its use outside direct care. */
    public boolean othersCapturedWithoutConsent() {
        return thirdParties.stream().anyMatch(p -> !p.consented());
    }

    public boolean hasFlag(RecordingFlag flag) {
        return flags.contains(flag);
    }

    /** This recording with one more flag. */
    public Recording flagged(RecordingFlag flag) {
        Set<RecordingFlag> more = flags.isEmpty() ? EnumSet.noneOf(RecordingFlag.class) : EnumSet.copyOf(flags);
        more.add(flag);
        return toBuilder().flags(more).build();
    }

    /** This recording without a flag. */
    public Recording unflagged(RecordingFlag flag) {
        return toBuilder()
                .flags(flags.stream().filter(f -> f != flag).collect(Collectors.toSet()))
                .build();
    }

    /** The facts the rules engine reads. */
    public RecordingFacts facts(boolean underLegalHold) {
        return new RecordingFacts(
                id,
                patient,
                kind,
                initiator,
                mode,
                purposes,
                state,
                othersCapturedWithoutConsent(),
                derivativeOf != null,
                underLegalHold,
                retentionUntil);
    }

    /** Builds recordings; unset collections are empty. */
    public static final class Builder {
        private RecordingId id;
        private PatientId patient;
        private EncounterId encounter;
        private SiteId site;
        private String areaCode;
        private int policyVersion;
        private boolean defaultPolicy;
        private RecordingKind kind;
        private MediaType mediaType;
        private Initiator initiator;
        private RecordingMode mode;
        private Set<Purpose> purposes;
        private UserId operator;
        private List<UserId> staffPresent;
        private ConsentId consent;
        private RecordingState state;
        private Instant startedAt;
        private Instant endedAt;
        private RecordedContent content;
        private String declaredContentType;
        private List<CapturedParty> thirdParties;
        private RecordingId derivativeOf;
        private DeIdentification deIdentification;
        private LocalDate retentionUntil;
        private Set<RecordingFlag> flags;
        private String defenceReason;
        private CallDetails call;
        private SharedCopy sharedCopy;
        private String voidReason;
        private RecordingIdentifier identifier;
        private Instant lastUpdated;
        private long version;

        private Builder() {
            purposes = Set.of();
            staffPresent = List.of();
            thirdParties = List.of();
            flags = Set.of();
        }

        static Builder from(Recording r) {
            Builder b = new Builder();
            b.id = r.id();
            b.patient = r.patient();
            b.encounter = r.encounter();
            b.site = r.site();
            b.areaCode = r.areaCode();
            b.policyVersion = r.policyVersion();
            b.defaultPolicy = r.defaultPolicy();
            b.kind = r.kind();
            b.mediaType = r.mediaType();
            b.initiator = r.initiator();
            b.mode = r.mode();
            b.purposes = r.purposes();
            b.operator = r.operator();
            b.staffPresent = r.staffPresent();
            b.consent = r.consent();
            b.state = r.state();
            b.startedAt = r.startedAt();
            b.endedAt = r.endedAt();
            b.content = r.content();
            b.declaredContentType = r.declaredContentType();
            b.thirdParties = r.thirdParties();
            b.derivativeOf = r.derivativeOf();
            b.deIdentification = r.deIdentification();
            b.retentionUntil = r.retentionUntil();
            b.flags = r.flags();
            b.defenceReason = r.defenceReason();
            b.call = r.call();
            b.sharedCopy = r.sharedCopy();
            b.voidReason = r.voidReason();
            b.identifier = r.identifier();
            b.lastUpdated = r.lastUpdated();
            b.version = r.version();
            return b;
        }

        public Builder id(RecordingId id) {
            this.id = id;
            return this;
        }

        public Builder patient(PatientId patient) {
            this.patient = patient;
            return this;
        }

        public Builder encounter(EncounterId encounter) {
            this.encounter = encounter;
            return this;
        }

        public Builder site(SiteId site) {
            this.site = site;
            return this;
        }

        public Builder areaCode(String areaCode) {
            this.areaCode = areaCode;
            return this;
        }

        public Builder policyVersion(int policyVersion) {
            this.policyVersion = policyVersion;
            return this;
        }

        public Builder defaultPolicy(boolean defaultPolicy) {
            this.defaultPolicy = defaultPolicy;
            return this;
        }

        public Builder kind(RecordingKind kind) {
            this.kind = kind;
            return this;
        }

        public Builder mediaType(MediaType mediaType) {
            this.mediaType = mediaType;
            return this;
        }

        public Builder initiator(Initiator initiator) {
            this.initiator = initiator;
            return this;
        }

        public Builder mode(RecordingMode mode) {
            this.mode = mode;
            return this;
        }

        public Builder purposes(Set<Purpose> purposes) {
            this.purposes = purposes;
            return this;
        }

        public Builder operator(UserId operator) {
            this.operator = operator;
            return this;
        }

        public Builder staffPresent(List<UserId> staffPresent) {
            this.staffPresent = staffPresent;
            return this;
        }

        public Builder consent(ConsentId consent) {
            this.consent = consent;
            return this;
        }

        public Builder state(RecordingState state) {
            this.state = state;
            return this;
        }

        public Builder startedAt(Instant startedAt) {
            this.startedAt = startedAt;
            return this;
        }

        public Builder endedAt(Instant endedAt) {
            this.endedAt = endedAt;
            return this;
        }

        public Builder content(RecordedContent content) {
            this.content = content;
            return this;
        }

        public Builder declaredContentType(String declaredContentType) {
            this.declaredContentType = declaredContentType;
            return this;
        }

        public Builder thirdParties(List<CapturedParty> thirdParties) {
            this.thirdParties = thirdParties;
            return this;
        }

        public Builder derivativeOf(RecordingId derivativeOf) {
            this.derivativeOf = derivativeOf;
            return this;
        }

        public Builder deIdentification(DeIdentification deIdentification) {
            this.deIdentification = deIdentification;
            return this;
        }

        public Builder retentionUntil(LocalDate retentionUntil) {
            this.retentionUntil = retentionUntil;
            return this;
        }

        public Builder flags(Set<RecordingFlag> flags) {
            this.flags = flags;
            return this;
        }

        public Builder defenceReason(String defenceReason) {
            this.defenceReason = defenceReason;
            return this;
        }

        public Builder call(CallDetails call) {
            this.call = call;
            return this;
        }

        public Builder sharedCopy(SharedCopy sharedCopy) {
            this.sharedCopy = sharedCopy;
            return this;
        }

        public Builder voidReason(String voidReason) {
            this.voidReason = voidReason;
            return this;
        }

        public Builder identifier(RecordingIdentifier identifier) {
            this.identifier = identifier;
            return this;
        }

        public Builder lastUpdated(Instant lastUpdated) {
            this.lastUpdated = lastUpdated;
            return this;
        }

        public Builder version(long version) {
            this.version = version;
            return this;
        }

        public Recording build() {
            return new Recording(
                    id,
                    patient,
                    encounter,
                    site,
                    areaCode,
                    policyVersion,
                    defaultPolicy,
                    kind,
                    mediaType,
                    initiator,
                    mode,
                    purposes,
                    operator,
                    staffPresent,
                    consent,
                    state,
                    startedAt,
                    endedAt,
                    content,
                    declaredContentType,
                    thirdParties,
                    derivativeOf,
                    deIdentification,
                    retentionUntil,
                    flags,
                    defenceReason,
                    call,
                    sharedCopy,
                    voidReason,
                    identifier,
                    lastUpdated,
                    version);
        }
    }
}
