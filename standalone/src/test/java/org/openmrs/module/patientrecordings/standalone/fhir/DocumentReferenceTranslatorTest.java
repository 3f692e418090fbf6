/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openmrs.module.patientrecordings.standalone.fhir.Refusals.assertRefused;

import ca.uhn.fhir.context.FhirContext;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import org.openmrs.module.patientrecordings.domain.EncounterId;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.UserId;
import org.openmrs.module.patientrecordings.port.ClinicalNotes.Note;
import org.openmrs.module.patientrecordings.standalone.host.HostNote;

class DocumentReferenceTranslatorTest {

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static final Instant WRITTEN = Instant.parse("2026-11-21T09:15:00.250Z");
    private static final UserId CLINICIAN = UserId.of("dr-khan");

    private final HostNote note = new HostNote(
            "n-1",
            PatientId.of("p-1"),
            EncounterId.of("e-1"),
            CLINICIAN,
            WRITTEN,
            "Knee pain, worse on stairs. Advised physiotherapy – review in 2 weeks. Größe notiert.");

    @Test
    void aNoteSurvivesTheRoundTripThroughFhirJsonAsUtf8Text() {
        DocumentReference parsed = throughJson(DocumentReferenceTranslator.toFhir(note));

        Note back = DocumentReferenceTranslator.toNote(parsed, CLINICIAN, WRITTEN);

        assertThat(back).isEqualTo(new Note(note.patient(), note.encounter(), CLINICIAN, WRITTEN, note.text()));
        assertThat(parsed.getIdPart()).isEqualTo("n-1");
        assertThat(parsed.getType().getCodingFirstRep().getCode()).isEqualTo("34109-9");
        assertThat(parsed.getAuthorFirstRep().getReference()).isEqualTo("Practitioner/dr-khan");
        assertThat(parsed.getDate().toInstant()).isEqualTo(WRITTEN);
    }

    @Test
    void theWriterAndTheTimeOfWritingAreTheNotesNotWhatWasSent() {
        DocumentReference sent = aNote("Seen today.");
        sent.addAuthor(new Reference("Practitioner/someone-else"));
        sent.setDate(java.util.Date.from(Instant.parse("2020-01-01T00:00:00Z")));

        Note note = DocumentReferenceTranslator.toNote(sent, CLINICIAN, WRITTEN);

        assertThat(note.author()).isEqualTo(CLINICIAN);
        assertThat(note.at()).isEqualTo(WRITTEN);
        assertThat(note.encounter()).isNull();
    }

    @Test
    void refusesNotesItCannotKeepNamingTheElement() {
        DocumentReference noSubject = aNote("Seen.").setSubject(null);
        DocumentReference discharge = aNote("Seen.")
                .setType(new CodeableConcept(new Coding("http://loinc.org", "18842-5", "Discharge summary")));
        DocumentReference html = aNote("Seen.");
        html.getContentFirstRep().getAttachment().setContentType("text/html");
        DocumentReference latin1 = aNote("Seen.");
        latin1.getContentFirstRep().getAttachment().setData(new byte[] {(byte) 0xE9, (byte) 0x28});
        DocumentReference blank = aNote("  ");

        assertRefused(() -> toNote(noSubject), ErrorCode.SAF_4, "subject");
        assertRefused(() -> toNote(discharge), ErrorCode.SAF_4, "type");
        assertRefused(() -> toNote(html), ErrorCode.SAF_4, "content.attachment.contentType");
        assertRefused(() -> toNote(latin1), ErrorCode.SAF_4, "content.attachment.data");
        assertRefused(() -> toNote(blank), ErrorCode.SAF_4, "content.attachment.data");
    }

    @Test
    void acceptsPlainTextWithoutACharsetOrWithUtf8SpelledAnyWay() {
        DocumentReference bare = aNote("Seen.");
        bare.getContentFirstRep().getAttachment().setContentType("text/plain");
        DocumentReference quoted = aNote("Seen.");
        quoted.getContentFirstRep().getAttachment().setContentType("Text/Plain; charset=\"UTF-8\"");

        assertThat(toNote(bare).text()).isEqualTo("Seen.");
        assertThat(toNote(quoted).text()).isEqualTo("Seen.");
    }

    private static Note toNote(DocumentReference doc) {
        return DocumentReferenceTranslator.toNote(doc, CLINICIAN, WRITTEN);
    }

    private static DocumentReference aNote(String text) {
        DocumentReference doc = new DocumentReference().setSubject(new Reference("Patient/p-1"));
        doc.addContent()
                .setAttachment(new Attachment()
                        .setContentType(DocumentReferenceTranslator.CONTENT_TYPE)
                        .setData(text.getBytes(StandardCharsets.UTF_8)));
        return doc;
    }

    private static DocumentReference throughJson(DocumentReference doc) {
        return FHIR.newJsonParser()
                .parseResource(DocumentReference.class, FHIR.newJsonParser().encodeResourceToString(doc));
    }
}
