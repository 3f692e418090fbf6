/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone.fhir;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations.DocumentReferenceStatus;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Reference;
import org.openmrs.module.patientrecordings.domain.EncounterId;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.UserId;
import org.openmrs.module.patientrecordings.fhir.Hl7Systems;
import org.openmrs.module.patientrecordings.port.ClinicalNotes.Note;
import org.openmrs.module.patientrecordings.standalone.host.HostNote;
import org.openmrs.module.patientrecordings.web.fhir.host.FhirValues;

/**
 * A clinical note and FHIR {@code DocumentReference}: type LOINC 34109-9 "Note", subject, context.encounter, date,
 * author (a user, as {@code Practitioner/[user id]} like the module's other resources) and the text inline as
 * {@code text/plain} UTF-8 (notes are a few kilobytes at most). Pure.
 *
 * <p>The host does not tell the module's own consent notes (CON-8) from clinicians' notes, so neither does this.
 */
final class DocumentReferenceTranslator {

    static final String CONTENT_TYPE = "text/plain;charset=utf-8";

    private DocumentReferenceTranslator() {}

    static DocumentReference toFhir(HostNote note) {
        DocumentReference doc = new DocumentReference();
        doc.setId(note.id());
        doc.setStatus(DocumentReferenceStatus.CURRENT);
        doc.setType(noteType());
        doc.setSubject(new Reference("Patient/" + note.patient().value()));
        doc.setDateElement(
                new InstantType(note.at().truncatedTo(ChronoUnit.MILLIS).toString()));
        doc.addAuthor(new Reference("Practitioner/" + note.author().value()));
        if (note.encounter() != null) {
            doc.getContext()
                    .addEncounter(new Reference("Encounter/" + note.encounter().value()));
        }
        doc.addContent()
                .setAttachment(new Attachment()
                        .setContentType(CONTENT_TYPE)
                        .setData(note.text().getBytes(StandardCharsets.UTF_8)));
        return doc;
    }

    /**
     * The note to write. Its author is the user who sends it and its time is when it is written: a note is a
     * contemporaneous record, so the {@code author} and {@code date} sent are not taken over.
     *
     * @throws org.openmrs.module.patientrecordings.domain.RuleViolationException SAF-4 naming the element: no
     *     subject, another type than 34109-9, not exactly one content, not text/plain, no data, data that is not
     *     UTF-8 or is blank
     */
    static Note toNote(DocumentReference doc, UserId author, Instant at) {
        PatientId patient = FhirValues.id(
                FhirValues.requiredIdOf(doc.getSubject(), "Patient", "subject"), PatientId::of, "subject");
        EncounterId encounter = doc.getContext().hasEncounter()
                ? FhirValues.idOf(doc.getContext().getEncounterFirstRep(), "Encounter", "context.encounter")
                        .map(id -> FhirValues.id(id, EncounterId::of, "context.encounter"))
                        .orElse(null)
                : null;
        if (doc.hasType()
                && doc.getType().getCoding().stream()
                        .noneMatch(c -> Hl7Systems.LOINC.equals(c.getSystem())
                                && HostIdentifiers.NOTE_LOINC.equals(c.getCode()))) {
            throw FhirValues.invalid("Only notes (LOINC " + HostIdentifiers.NOTE_LOINC + ") are kept", "type");
        }
        return new Note(patient, encounter, author, at, text(doc));
    }

    private static String text(DocumentReference doc) {
        if (doc.getContent().size() != 1) {
            throw FhirValues.invalid("A note has exactly one content", "content");
        }
        Attachment attachment = doc.getContentFirstRep().getAttachment();
        if (!isPlainUtf8(attachment.getContentType())) {
            throw FhirValues.invalid("A note is text/plain in UTF-8", "content.attachment.contentType");
        }
        if (!attachment.hasData()) {
            throw FhirValues.invalid("A note's text is sent inline", "content.attachment.data");
        }
        String text = utf8(attachment.getData());
        if (text.isBlank()) {
            throw FhirValues.invalid("A note needs text", "content.attachment.data");
        }
        return text;
    }

    /** {@code text/plain}, with no charset or UTF-8. */
    private static boolean isPlainUtf8(String contentType) {
        String[] parts = contentType == null
                ? new String[] {""}
                : contentType.toLowerCase(Locale.ROOT).split(";");
        if (!parts[0].strip().equals("text/plain")) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip();
            if (parameter.startsWith("charset=")
                    && !parameter
                            .substring("charset=".length())
                            .replace("\"", "")
                            .equals("utf-8")) {
                return false;
            }
        }
        return true;
    }

    private static String utf8(byte[] data) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(data))
                    .toString();
        } catch (CharacterCodingException e) {
            throw FhirValues.invalid("A note's text must be UTF-8", "content.attachment.data");
        }
    }

    private static CodeableConcept noteType() {
        return new CodeableConcept(new Coding(Hl7Systems.LOINC, HostIdentifiers.NOTE_LOINC, "Note"));
    }
}
