/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone.fhir;

import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IAnyResource;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.IdType;
import org.openmrs.module.patientrecordings.audit.AuditAction;
import org.openmrs.module.patientrecordings.domain.Actor;
import org.openmrs.module.patientrecordings.domain.EncounterId;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.Privilege;
import org.openmrs.module.patientrecordings.standalone.host.HostNote;
import org.openmrs.module.patientrecordings.standalone.host.HostNotes;
import org.openmrs.module.patientrecordings.web.fhir.host.FhirValues;
import org.openmrs.module.patientrecordings.web.fhir.host.HostAccess;
import org.openmrs.module.patientrecordings.web.fhir.host.SearchCriteria;

/**
 * DocumentReference: the patients' clinical notes, the ones REC-3 looks for and the consent notes of CON-8. Create
 * (CREATE_RECORDINGS, as the clinician who records writes the note) appends a note authored by the user, now;
 * notes are never changed. Read, and search a patient's or an encounter's notes by date, or by _id, each audited
 * (SAF-2) as the host's other reads are.
 */
public final class HostDocumentReferenceProvider implements IResourceProvider {

    private final HostNotes notes;
    private final NoteLookup lookup;
    private final HostAccess access;

    HostDocumentReferenceProvider(HostNotes notes, NoteLookup lookup, HostAccess access) {
        this.notes = Objects.requireNonNull(notes, "notes");
        this.lookup = Objects.requireNonNull(lookup, "lookup");
        this.access = Objects.requireNonNull(access, "access");
    }

    @Override
    public Class<DocumentReference> getResourceType() {
        return DocumentReference.class;
    }

    @Create
    public MethodOutcome create(@ResourceParam DocumentReference document) {
        Actor author = access.require(Privilege.CREATE_RECORDINGS, AuditAction.CREATE, null, "host note written");
        HostNote written = notes.write(DocumentReferenceTranslator.toNote(document, author.user(), access.now()));
        access.recordChange(author, written.patient(), "host note written");
        DocumentReference created = DocumentReferenceTranslator.toFhir(written);
        return new MethodOutcome(created.getIdElement(), true).setResource(created);
    }

    /** A note is the patient's data: each read is audited as a view of the patient (SAF-2), as host reads are. */
    @Read
    public DocumentReference read(@IdParam IdType id) {
        return access.read("host DocumentReference read", () -> lookup.read(id.getIdPart()), HostNote::patient)
                .map(DocumentReferenceTranslator::toFhir)
                .orElseThrow(() -> FhirValues.notFound("DocumentReference", id.getIdPart()));
    }

    /** {@code _id} alone (a comma-separated list is any of them). */
    @Search
    public List<DocumentReference> byId(@RequiredParam(name = IAnyResource.SP_RES_ID) TokenOrListParam ids) {
        return access
                .search(
                        null,
                        "host DocumentReference search by id",
                        () -> ids.getValuesAsQueryTokens().stream()
                                .map(t -> lookup.read(t.getValue()))
                                .flatMap(Optional::stream)
                                .distinct()
                                .toList())
                .stream()
                .map(DocumentReferenceTranslator::toFhir)
                .toList();
    }

    /**
     * The notes of a patient or of an encounter (at least one of them given), oldest first, narrowed by date.
     *
     * @throws org.openmrs.module.patientrecordings.domain.RuleViolationException SAF-4 with neither patient nor
     *     encounter
     */
    @Search
    public List<DocumentReference> search(
            @OptionalParam(name = DocumentReference.SP_PATIENT) ReferenceParam patient,
            @OptionalParam(name = DocumentReference.SP_SUBJECT) ReferenceParam subject,
            @OptionalParam(name = DocumentReference.SP_ENCOUNTER) ReferenceParam encounter,
            @OptionalParam(name = DocumentReference.SP_DATE) DateRangeParam date) {
        Optional<PatientId> whose = SearchCriteria.patient(patient, subject, PatientId::of);
        List<HostNote> found;
        if (whose.isPresent()) {
            found = access.search(whose.get(), "host DocumentReference search", () -> notes.forPatient(whose.get()));
        } else if (encounter != null) {
            EncounterId visit = FhirValues.id(encounter.getIdPart(), EncounterId::of, "encounter");
            found = access.search(null, "host DocumentReference search", () -> notes.forEncounter(visit));
        } else {
            throw FhirValues.invalid("Search notes by patient, subject or encounter", "patient");
        }
        return found.stream()
                .filter(n -> encounter == null
                        || (n.encounter() != null
                                && SearchCriteria.references(
                                        encounter, n.encounter().value())))
                .filter(n -> SearchCriteria.within(date, n.at()))
                .map(DocumentReferenceTranslator::toFhir)
                .toList();
    }
}
