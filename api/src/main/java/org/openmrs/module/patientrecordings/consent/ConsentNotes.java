/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.consent;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.openmrs.module.patientrecordings.domain.EncounterId;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.RecordingId;
import org.openmrs.module.patientrecordings.domain.UserId;
import org.openmrs.module.patientrecordings.policy.ConsentGiver;
import org.openmrs.module.patientrecordings.policy.ConsentTerms;
import org.openmrs.module.patientrecordings.port.ClinicalNotes;

/**
 * CON-8: writes every consent decision into the patient's record, in the encounter it was made for (or the encounter
 * of the recording it is about) beside that encounter's contemporaneous notes, with who decided and on what authority
 * (CON-12), who recorded it, when, and what was agreed. People are named as the host names them, never by id. A note
 * that cannot be written fails the decision.
 */
final class ConsentNotes {

    private final ClinicalNotes notes;

    ConsentNotes(ClinicalNotes notes) {
        this.notes = Objects.requireNonNull(notes, "notes");
    }

    /**
     * A consent given or withheld.
     *
     * @param replaced the earlier decisions on the same kinds and purposes that this one supersedes
     */
    void decision(
            RecordingConsent consent,
            ConsentEventType type,
            UserId by,
            Instant at,
            String comment,
            List<RecordingConsent> replaced) {
        String verb = type == ConsentEventType.GIVEN ? "GIVEN" : "WITHHELD (refused)";
        write(
                consent.patient(),
                consent.encounter(),
                by,
                at,
                "Recording consent " + verb + " " + whoDecided(consent.giver(), by) + ". "
                        + terms(consent.terms(), type)
                        + replaces(replaced)
                        + comment(comment));
    }

    /** A withdrawal; {@code encounter} is that of the recording it stopped, else the consent's own. */
    void withdrawal(
            RecordingConsent consent,
            EncounterId encounter,
            UserId by,
            Instant at,
            String comment,
            List<String> effects) {
        write(
                consent.patient(),
                encounter,
                by,
                at,
                "Recording consent WITHDRAWN at " + at + " (consent " + consent.id() + ", given "
                        + whoDecided(consent.giver(), consent.history().get(0).by()) + "). "
                        + terms(consent.terms(), ConsentEventType.WITHDRAWN)
                        + (effects.isEmpty() ? "" : " Effect: " + String.join("; ", effects) + ".")
                        + comment(comment));
    }

    /** The patient's answer after a recording, written in the recording's encounter. */
    void afterRecording(
            PatientId patient,
            EncounterId encounter,
            RecordingId recording,
            boolean confirmed,
            UserId by,
            Instant at,
            String comment) {
        write(
                patient,
                encounter,
                by,
                at,
                "After recording " + recording + " the patient was offered to see or hear it and "
                        + (confirmed
                                ? "CONFIRMED their consent."
                                : "REFUSED their consent: its secondary uses end; a recording made only for them is"
                                        + " sealed for destruction.")
                        + comment(comment));
    }

    private void write(PatientId patient, EncounterId encounter, UserId by, Instant at, String text) {
        notes.append(
                new ClinicalNotes.Note(patient, encounter, by, at, text + " Recorded by " + notes.nameOf(by) + "."));
    }

    /** CON-12: who decided and how, as the note says it. */
    private String whoDecided(ConsentGiver g, UserId clinician) {
        return switch (g.authority()) {
            case PATIENT ->
                g.competenceAttested()
                        ? "by the patient, under 16, whom the clinician attests understands what the recording"
                                + " involves (competence)"
                        : "by the patient";
            case PARENTAL_RESPONSIBILITY ->
                "by " + g.name() + " (" + g.relationship() + "), who has parental responsibility";
            case LASTING_POWER_OF_ATTORNEY ->
                "by " + g.name() + " (" + g.relationship() + "), attorney under a lasting power of attorney";
            case COURT_APPOINTED_DEPUTY -> "by " + g.name() + " (" + g.relationship() + "), court-appointed deputy";
            case BEST_INTERESTS ->
                "as a best-interests decision by " + notes.nameOf(clinician)
                        + " for a patient who lacks capacity, after consulting "
                        + g.consulted().stream()
                                .map(c -> c.name() + " (" + c.role() + ")")
                                .collect(Collectors.joining(", "));
        };
    }

    private static String replaces(List<RecordingConsent> replaced) {
        return replaced.isEmpty()
                ? ""
                : " It replaces the earlier decision" + (replaced.size() == 1 ? " " : "s ")
                        + replaced.stream()
                                .map(r ->
                                        r.state() + " at " + r.history().get(0).at() + " (consent " + r.id() + ")")
                                .collect(Collectors.joining(", "))
                        + ".";
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
