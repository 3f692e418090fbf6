/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.persistence.recording;

import java.util.List;
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
import org.openmrs.module.patientrecordings.persistence.UtcTimes;
import org.openmrs.module.patientrecordings.policy.CallContext.CallType;
import org.openmrs.module.patientrecordings.recording.CallDetails;
import org.openmrs.module.patientrecordings.recording.CapturedParty;
import org.openmrs.module.patientrecordings.recording.RecordedContent;
import org.openmrs.module.patientrecordings.recording.Recording;
import org.openmrs.module.patientrecordings.recording.RecordingFlag;
import org.openmrs.module.patientrecordings.recording.RecordingIdentifier;
import org.openmrs.module.patientrecordings.recording.SharedCopy;

/**
 * Copies a {@link Recording} into a {@link RecordingRow} and back. A nested value that is absent (content, call,
 * shared copy) is all-null columns; its first column says whether it is there.
 */
final class RecordingMapper {

    private RecordingMapper() {}

    /**
     * Writes every field of the recording into the row, child tables included.
     *
     * @param version the version the row holds after this save
     * @throws IllegalArgumentException when a text is longer than its column
     */
    static void write(Recording r, RecordingRow row, long version) {
        row.recordingId = r.id().value();
        row.patientId = r.patient().value();
        row.encounterId = r.encounter() == null ? null : r.encounter().value();
        row.siteId = r.site().value();
        row.areaCode = shortText(r.areaCode(), "the area code");
        row.policyVersion = r.policyVersion();
        row.defaultPolicy = r.defaultPolicy();
        row.kind = r.kind().name();
        row.mediaType = r.mediaType().name();
        row.initiator = r.initiator().name();
        row.mode = r.mode().name();
        row.operatorId = r.operator().value();
        row.consentId = r.consent() == null ? null : r.consent().value();
        row.state = r.state().name();
        row.startedAt = UtcTimes.toColumn(r.startedAt());
        row.endedAt = UtcTimes.toColumn(r.endedAt());
        writeContent(r.content(), row);
        row.declaredContentType = r.declaredContentType();
        row.thirdPartiesCaptured = r.thirdPartiesCaptured();
        writeParties(r.thirdParties(), row);
        row.derivativeOf = r.derivativeOf() == null ? null : r.derivativeOf().value();
        row.deIdentification =
                r.deIdentification() == null ? null : r.deIdentification().name();
        row.retentionUntil = r.retentionUntil();
        row.defenceReason = text(r.defenceReason(), "defence reason");
        row.callType = r.call() == null ? null : r.call().type().name();
        row.callExplicitNotice = r.call() == null ? null : r.call().explicitNoticeGiven();
        row.sharedReceivedOn = r.sharedCopy() == null ? null : r.sharedCopy().receivedOn();
        row.sharedHowObtained =
                r.sharedCopy() == null ? null : text(r.sharedCopy().howObtained(), "how the copy was obtained");
        row.voidReason = text(r.voidReason(), "void reason");
        row.identifierSystem = r.identifier() == null ? null : r.identifier().system();
        row.identifierValue = r.identifier() == null ? null : r.identifier().value();
        row.lastUpdated = UtcTimes.toColumn(r.lastUpdated());
        row.version = version;
        replace(row.purposes, r.purposes().stream().map(Purpose::code).collect(Collectors.toSet()));
        List<String> staff = r.staffPresent().stream().map(UserId::value).toList();
        if (!row.staffPresent.equals(staff)) {
            row.staffPresent.clear();
            row.staffPresent.addAll(staff);
        }
        replace(row.flags, r.flags().stream().map(RecordingFlag::name).collect(Collectors.toSet()));
    }

    /** @return the recording the row holds */
    static Recording read(RecordingRow row) {
        return Recording.builder()
                .id(RecordingId.of(row.recordingId))
                .patient(PatientId.of(row.patientId))
                .encounter(row.encounterId == null ? null : EncounterId.of(row.encounterId))
                .site(SiteId.of(row.siteId))
                .areaCode(row.areaCode)
                .policyVersion(row.policyVersion)
                .defaultPolicy(row.defaultPolicy)
                .kind(RecordingKind.valueOf(row.kind))
                .mediaType(MediaType.valueOf(row.mediaType))
                .initiator(Initiator.valueOf(row.initiator))
                .mode(RecordingMode.valueOf(row.mode))
                .purposes(row.purposes.stream().map(Purpose::new).collect(Collectors.toSet()))
                .operator(UserId.of(row.operatorId))
                .staffPresent(row.staffPresent.stream().map(UserId::of).toList())
                .consent(row.consentId == null ? null : ConsentId.of(row.consentId))
                .state(RecordingState.valueOf(row.state))
                .startedAt(UtcTimes.toInstant(row.startedAt))
                .endedAt(UtcTimes.toInstant(row.endedAt))
                .content(
                        row.contentKey == null
                                ? null
                                : new RecordedContent(
                                        row.contentKey,
                                        row.contentType,
                                        row.contentSize,
                                        row.contentSha256,
                                        row.contentSha1))
                .declaredContentType(row.declaredContentType)
                .thirdParties(readParties(row))
                .derivativeOf(row.derivativeOf == null ? null : RecordingId.of(row.derivativeOf))
                .deIdentification(row.deIdentification == null ? null : DeIdentification.valueOf(row.deIdentification))
                .retentionUntil(row.retentionUntil)
                .flags(row.flags.stream().map(RecordingFlag::valueOf).collect(Collectors.toSet()))
                .defenceReason(row.defenceReason)
                .call(
                        row.callType == null
                                ? null
                                : new CallDetails(CallType.valueOf(row.callType), row.callExplicitNotice))
                .sharedCopy(
                        row.sharedReceivedOn == null
                                ? null
                                : new SharedCopy(row.sharedReceivedOn, row.sharedHowObtained))
                .voidReason(row.voidReason)
                .identifier(
                        row.identifierValue == null
                                ? null
                                : new RecordingIdentifier(row.identifierSystem, row.identifierValue))
                .lastUpdated(UtcTimes.toInstant(row.lastUpdated))
                .version(row.version)
                .build();
    }

    private static void writeParties(List<CapturedParty> parties, RecordingRow row) {
        List<CapturedPartyRow> wanted = parties.stream()
                .map(p -> new CapturedPartyRow(
                        p.role() == null ? null : p.role().name(),
                        shortText(p.id(), "a captured party's id"),
                        shortText(p.name(), "a captured party's name"),
                        p.consented()))
                .toList();
        if (!parties.equals(readParties(row.thirdParties))) {
            row.thirdParties.clear();
            row.thirdParties.addAll(wanted);
        }
    }

    /**
     * STF-2: the other people captured. A recording marked as capturing others before each party was kept has no
     * party rows; it reads as one party, not stated who, who has not consented, as it was shown then.
     */
    private static List<CapturedParty> readParties(RecordingRow row) {
        List<CapturedParty> parties = readParties(row.thirdParties);
        return parties.isEmpty() && row.thirdPartiesCaptured ? List.of(CapturedParty.unstated()) : parties;
    }

    private static List<CapturedParty> readParties(List<CapturedPartyRow> rows) {
        return rows.stream()
                .map(p -> new CapturedParty(
                        p.role == null ? null : CapturedParty.Role.valueOf(p.role), p.id, p.name, p.consented))
                .toList();
    }

    private static String shortText(String value, String what) {
        if (value != null && value.length() > RecordingRow.ID_LENGTH) {
            throw new IllegalArgumentException(what + " is longer than " + RecordingRow.ID_LENGTH + " characters");
        }
        return value;
    }

    private static void writeContent(RecordedContent content, RecordingRow row) {
        row.contentKey = content == null ? null : content.key();
        row.contentType = content == null ? null : content.contentType();
        row.contentSize = content == null ? null : content.size();
        row.contentSha256 = content == null ? null : content.sha256();
        row.contentSha1 = content == null ? null : content.sha1();
    }

    private static void replace(Set<String> stored, Set<String> wanted) {
        if (!stored.equals(wanted)) {
            stored.retainAll(wanted);
            stored.addAll(wanted);
        }
    }

    private static String text(String value, String what) {
        if (value != null && value.length() > RecordingRow.TEXT_LENGTH) {
            throw new IllegalArgumentException(what + " is longer than " + RecordingRow.TEXT_LENGTH + " characters");
        }
        return value;
    }
}
