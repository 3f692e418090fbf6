/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.consent;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.openmrs.module.patientrecordings.domain.RecordingId;
import org.openmrs.module.patientrecordings.domain.UserId;
import org.openmrs.module.patientrecordings.policy.ConsentTerms;
import org.openmrs.module.patientrecordings.port.ClinicalNotes;

/**
 * CON-8: writes every consent decision into the patient's record, beside the encounter's contemporaneous notes,
 * with who, when and what was agreed. A note that cannot be written fails the decision.
 */
final class ConsentNotes {

    private final ClinicalNotes notes;

    ConsentNotes(ClinicalNotes notes) {
        this.notes = Objects.requireNonNull(notes, "notes");
    }

    void decision(RecordingConsent consent, ConsentEventType type, UserId by, Instant at, String comment) {
        write(consent, by, at, headline(type) + " " + terms(consent.terms(), type) + comment(comment));
    }

    void withdrawal(RecordingConsent consent, UserId by, Instant at, String comment, List<String> effects) {
        write(
                consent,
                by,
                at,
                "Recording consent WITHDRAWN by the patient at " + at + " (consent " + consent.id() + "). "
                        + terms(consent.terms(), ConsentEventType.WITHDRAWN)
                        + (effects.isEmpty() ? "" : " Effect: " + String.join("; ", effects) + ".")
                        + comment(comment));
    }

    void afterRecording(
            RecordingConsent consent, RecordingId recording, boolean confirmed, UserId by, Instant at, String comment) {
        write(
                consent,
                by,
                at,
                "After recording " + recording + " the patient was offered to see or hear it and "
                        + (confirmed
                                ? "CONFIRMED their consent."
                                : "REFUSED their consent: its secondary uses end; a recording made only for them is"
                                        + " sealed for destruction.")
                        + comment(comment));
    }

    private void write(RecordingConsent consent, UserId by, Instant at, String text) {
        notes.append(new ClinicalNotes.Note(
                consent.patient(), consent.encounter(), by, at, text + " Recorded by " + by + "."));
    }

    private static String headline(ConsentEventType type) {
        return switch (type) {
            case GIVEN -> "Recording consent GIVEN by the patient.";
            case WITHHELD -> "Recording consent WITHHELD by the patient (refused).";
            default -> "Recording consent " + type + ".";
        };
    }

    private static String terms(ConsentTerms t, ConsentEventType type) {
        StringBuilder s = new StringBuilder()
                .append("Kinds: ")
                .append(sorted(t.kinds()))
                .append(". Purposes: ")
                .append(sorted(t.purposes()))
                .append('.');
        if (type == ConsentEventType.GIVEN) {
            s.append(" Who may see it: ")
                    .append(String.join(", ", t.audience()))
                    .append(". Context of use: ")
                    .append(t.contextOfUse())
                    .append(". Copies: ")
                    .append(Boolean.TRUE.equals(t.copiesWillBeMade()) ? "yes" : "no")
                    .append(". Storage: ")
                    .append(t.storageArrangements())
                    .append(". Kept for: ")
                    .append(t.retentionPeriod())
                    .append(". The patient was told they may refuse or withdraw at any time, during or after the"
                            + " recording, that refusing will not affect their care, and was under no pressure.");
            if (t.defenceReason() != null) {
                s.append(" Defensive purpose, stated reason: ")
                        .append(t.defenceReason())
                        .append('.');
            }
        }
        return s.toString();
    }

    private static String sorted(Collection<?> values) {
        return values.stream()
                .map(Object::toString)
                .collect(Collectors.toCollection(TreeSet::new))
                .toString();
    }

    private static String comment(String comment) {
        return comment == null || comment.isBlank() ? "" : " Patient's words: " + comment;
    }
}
