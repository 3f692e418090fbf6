/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.persistence.consent;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.openmrs.module.patientrecordings.consent.ConsentEvent;
import org.openmrs.module.patientrecordings.consent.ConsentEventType;
import org.openmrs.module.patientrecordings.consent.RecordingConsent;
import org.openmrs.module.patientrecordings.domain.ConsentId;
import org.openmrs.module.patientrecordings.domain.EncounterId;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.Purpose;
import org.openmrs.module.patientrecordings.domain.RecordingId;
import org.openmrs.module.patientrecordings.domain.RecordingKind;
import org.openmrs.module.patientrecordings.domain.SiteId;
import org.openmrs.module.patientrecordings.domain.UserId;
import org.openmrs.module.patientrecordings.persistence.UtcTimes;
import org.openmrs.module.patientrecordings.policy.Attestation;
import org.openmrs.module.patientrecordings.policy.ConsentGiver;
import org.openmrs.module.patientrecordings.policy.ConsentTerms;

/** Copies a {@link RecordingConsent} into a {@link ConsentRow} and its {@link ConsentEventRow}s, and back. */
final class ConsentMapper {

    private ConsentMapper() {}

    /**
     * Writes the consent's own fields, terms and attestation (not its history) into the row.
     *
     * @throws IllegalArgumentException when a text is longer than its column
     */
    static void write(RecordingConsent c, ConsentRow row, long version) {
        row.consentId = c.id().value();
        row.patientId = c.patient().value();
        row.encounterId = c.encounter() == null ? null : c.encounter().value();
        row.siteId = c.site().value();
        ConsentTerms terms = c.terms();
        row.contextOfUse = text(terms.contextOfUse(), "context of use");
        row.copiesWillBeMade = terms.copiesWillBeMade();
        row.storageArrangements = text(terms.storageArrangements(), "storage arrangements");
        row.retentionPeriod = text(terms.retentionPeriod(), "retention period");
        row.defenceReason = text(terms.defenceReason(), "defence reason");
        row.toldMayRefuseOrWithdraw = c.attestation().toldMayRefuseOrWithdraw();
        row.toldRefusalDoesNotAffectCare = c.attestation().toldRefusalDoesNotAffectCare();
        row.underNoPressure = c.attestation().underNoPressure();
        ConsentGiver giver = c.giver();
        row.givenBy = giver.authority().name();
        row.giverName = shortText(giver.name(), "the name of who decided");
        row.giverRelationship = shortText(giver.relationship(), "the relationship of who decided");
        row.competenceAttested = giver.competenceAttested();
        List<ConsultedPerson> consulted = giver.consulted().stream()
                .map(p -> new ConsultedPerson(
                        shortText(p.name(), "a consulted person's name"),
                        shortText(p.role(), "a consulted person's role")))
                .toList();
        if (!sameConsulted(row.consulted, giver.consulted())) {
            row.consulted.clear();
            row.consulted.addAll(consulted);
        }
        row.version = version;
        replace(row.kinds, terms.kinds().stream().map(RecordingKind::name).collect(Collectors.toSet()));
        replace(row.purposes, terms.purposes().stream().map(Purpose::code).collect(Collectors.toSet()));
        for (String audience : terms.audience()) {
            if (audience.length() > ConsentRow.AUDIENCE_LENGTH) {
                throw new IllegalArgumentException(
                        "an audience is longer than " + ConsentRow.AUDIENCE_LENGTH + " characters");
            }
        }
        if (!row.audience.equals(terms.audience())) {
            row.audience.clear();
            row.audience.addAll(terms.audience());
        }
    }

    /** @return the row of the decision at place {@code sequence} of the consent's history */
    static ConsentEventRow event(long consentNumber, int sequence, ConsentEvent event) {
        ConsentEventRow row = new ConsentEventRow();
        row.consentNumber = consentNumber;
        row.sequence = sequence;
        row.type = event.type().name();
        row.at = UtcTimes.toColumn(event.at());
        row.by = event.by().value();
        row.recordingId = event.recording() == null ? null : event.recording().value();
        row.comment = text(event.comment(), "consent comment");
        row.successorId = event.successor() == null ? null : event.successor().value();
        return row;
    }

    /** @return the event as it reads back once stored (its time to the microsecond) */
    static ConsentEvent asStored(ConsentEvent event) {
        return new ConsentEvent(
                event.type(),
                UtcTimes.stored(event.at()),
                event.by(),
                event.recording(),
                event.comment(),
                event.successor());
    }

    static ConsentEvent read(ConsentEventRow row) {
        return new ConsentEvent(
                ConsentEventType.valueOf(row.type),
                UtcTimes.toInstant(row.at),
                UserId.of(row.by),
                row.recordingId == null ? null : RecordingId.of(row.recordingId),
                row.comment,
                row.successorId == null ? null : ConsentId.of(row.successorId));
    }

    /** @param history the consent's events, oldest first */
    static RecordingConsent read(ConsentRow row, List<ConsentEventRow> history) {
        ConsentTerms terms = new ConsentTerms(
                row.kinds.stream().map(RecordingKind::valueOf).collect(Collectors.toSet()),
                row.purposes.stream().map(Purpose::new).collect(Collectors.toSet()),
                List.copyOf(row.audience),
                row.contextOfUse,
                row.copiesWillBeMade,
                row.storageArrangements,
                row.retentionPeriod,
                row.defenceReason);
        Attestation attestation =
                new Attestation(row.toldMayRefuseOrWithdraw, row.toldRefusalDoesNotAffectCare, row.underNoPressure);
        return new RecordingConsent(
                ConsentId.of(row.consentId),
                PatientId.of(row.patientId),
                row.encounterId == null ? null : EncounterId.of(row.encounterId),
                SiteId.of(row.siteId),
                terms,
                attestation,
                giver(row),
                history.stream().map(ConsentMapper::read).toList(),
                row.version);
    }

    private static ConsentGiver giver(ConsentRow row) {
        if (row.givenBy == null) {
            return ConsentGiver.PATIENT;
        }
        return new ConsentGiver(
                ConsentGiver.Authority.valueOf(row.givenBy),
                row.giverName,
                row.giverRelationship,
                Boolean.TRUE.equals(row.competenceAttested),
                row.consulted.stream()
                        .map(p -> new ConsentGiver.Consulted(p.name, p.role))
                        .toList());
    }

    private static boolean sameConsulted(List<ConsultedPerson> stored, List<ConsentGiver.Consulted> wanted) {
        if (stored.size() != wanted.size()) {
            return false;
        }
        for (int i = 0; i < stored.size(); i++) {
            if (!Objects.equals(stored.get(i).name, wanted.get(i).name())
                    || !Objects.equals(stored.get(i).role, wanted.get(i).role())) {
                return false;
            }
        }
        return true;
    }

    private static String shortText(String value, String what) {
        if (value != null && value.length() > ConsentRow.AUDIENCE_LENGTH) {
            throw new IllegalArgumentException(what + " is longer than " + ConsentRow.AUDIENCE_LENGTH + " characters");
        }
        return value;
    }

    private static void replace(Set<String> stored, Set<String> wanted) {
        if (!stored.equals(wanted)) {
            stored.retainAll(wanted);
            stored.addAll(wanted);
        }
    }

    private static String text(String value, String what) {
        if (value != null && value.length() > ConsentRow.TEXT_LENGTH) {
            throw new IllegalArgumentException(what + " is longer than " + ConsentRow.TEXT_LENGTH + " characters");
        }
        return value;
    }
}
