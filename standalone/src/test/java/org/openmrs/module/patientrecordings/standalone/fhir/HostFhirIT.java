/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openmrs.module.patientrecordings.audit.AuditQuery;
import org.openmrs.module.patientrecordings.audit.StoredAuditEntry;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.persistence.Database;
import org.openmrs.module.patientrecordings.standalone.testing.H2Database;

/** An external system working on the standalone server's host data over FHIR, JSON over plain HTTP. */
class HostFhirIT {

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static final Instant NOW = Instant.parse("2026-11-21T09:00:00Z");
    private static final String CLINICIAN = "dr-khan:CREATE_RECORDINGS";
    private static final String ADMINISTRATOR = "site-admin:MANAGE_POLICY";
    private static final String RECORDS_OFFICER = "records:MANAGE_RECORDS";
    private static final String RECEPTIONIST = "reception";

    private final Database database = H2Database.open();
    private final List<PatientId> changed = new CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private HostFhirServer server;

    @BeforeEach
    void start() {
        server = new HostFhirServer(database, Clock.fixed(NOW, ZoneOffset.UTC), changed::add);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        database.close();
    }

    @Test
    void registersAPatientAndFindsThemByIdentifierNameBirthDateAndId() throws Exception {
        Patient created = created(amelia("MRN-1"), CLINICIAN);

        Patient read = read(Patient.class, "Patient/" + created.getIdPart(), RECEPTIONIST);

        assertThat(read.getNameFirstRep().getFamily()).isEqualTo("Clarke");
        assertThat(read.getBirthDateElement().getValueAsString()).isEqualTo("1984-03-12");
        assertThat(ids(search("Patient?identifier=MRN-1", RECEPTIONIST))).containsExactly(created.getIdPart());
        assertThat(ids(search("Patient?name=clar&birthdate=1984-03-12", RECEPTIONIST)))
                .containsExactly(created.getIdPart());
        assertThat(ids(search("Patient?_id=" + created.getIdPart(), RECEPTIONIST)))
                .containsExactly(created.getIdPart());
        assertThat(ids(search("Patient?birthdate=1990-01-01", RECEPTIONIST))).isEmpty();
    }

    @Test
    void pagesThroughPatientsWithCount() throws Exception {
        for (String mrn : List.of("MRN-1", "MRN-2", "MRN-3")) {
            created(amelia(mrn), CLINICIAN);
        }

        Bundle first = search("Patient?_count=2", RECEPTIONIST);
        Bundle second =
                parse(Bundle.class, send("GET", URI.create(first.getLink("next").getUrl()), RECEPTIONIST, null));

        assertThat(first.getEntry()).hasSize(2);
        assertThat(second.getEntry()).hasSize(1);
        assertThat(ids(first)).doesNotContainAnyElementsOf(ids(second));
    }

    @Test
    void addsASiteAndFindsItByNameAndId() throws Exception {
        Location created = created(new Location().setName("Riverside Surgery"), ADMINISTRATOR);

        assertThat(read(Location.class, "Location/" + created.getIdPart(), RECEPTIONIST)
                        .getName())
                .isEqualTo("Riverside Surgery");
        assertThat(ids(search("Location?name=riverside", RECEPTIONIST))).containsExactly(created.getIdPart());
        assertThat(ids(search("Location?_id=" + created.getIdPart(), RECEPTIONIST)))
                .containsExactly(created.getIdPart());
    }

    @Test
    void recordsEncountersAsTreatmentsAndFindsThemByPatientLocationAndDate() throws Exception {
        String patient = created(amelia("MRN-1"), CLINICIAN).getIdPart();
        String site = created(new Location().setName("Riverside Surgery"), ADMINISTRATOR)
                .getIdPart();
        Encounter earlier = new Encounter().setSubject(new Reference("Patient/" + patient));
        earlier.getPeriod().setStartElement(new DateTimeType("2026-10-02T10:00:00Z"));

        String atSite = created(consultation(patient, site), CLINICIAN).getIdPart();
        String before = created(earlier, CLINICIAN).getIdPart();

        Encounter read = read(Encounter.class, "Encounter/" + atSite, RECEPTIONIST);
        assertThat(read.getStatus()).isEqualTo(Encounter.EncounterStatus.INPROGRESS);
        assertThat(read.getLocationFirstRep().getLocation().getReference()).isEqualTo("Location/" + site);
        assertThat(read.getPeriod().getStart().toInstant()).isEqualTo(NOW);
        assertThat(changed).containsExactly(PatientId.of(patient), PatientId.of(patient));
        assertThat(ids(search("Encounter?patient=" + patient, RECEPTIONIST))).containsExactly(atSite, before);
        assertThat(ids(search("Encounter?subject=Patient/" + patient + "&location=" + site, RECEPTIONIST)))
                .containsExactly(atSite);
        assertThat(ids(search("Encounter?patient=" + patient + "&date=lt2026-11-01", RECEPTIONIST)))
                .containsExactly(before);
        assertThat(ids(search("Encounter?_id=" + before, RECEPTIONIST))).containsExactly(before);
    }

    @Test
    void writesANoteAsTheUserAndFindsItByPatientEncounterDateAndId() throws Exception {
        String patient = created(amelia("MRN-1"), CLINICIAN).getIdPart();
        String encounter = created(consultation(patient, null), CLINICIAN).getIdPart();

        DocumentReference note = created(note(patient, encounter, "Knee pain – review in 2 weeks."), CLINICIAN);

        DocumentReference read = read(DocumentReference.class, "DocumentReference/" + note.getIdPart(), RECEPTIONIST);
        assertThat(new String(read.getContentFirstRep().getAttachment().getData(), StandardCharsets.UTF_8))
                .isEqualTo("Knee pain – review in 2 weeks.");
        assertThat(read.getAuthorFirstRep().getReference()).isEqualTo("Practitioner/dr-khan");
        assertThat(read.getContext().getEncounterFirstRep().getReference()).isEqualTo("Encounter/" + encounter);
        assertThat(read.getDate().toInstant()).isEqualTo(NOW);
        assertThat(ids(search("DocumentReference?patient=" + patient, RECEPTIONIST)))
                .containsExactly(note.getIdPart());
        assertThat(ids(search("DocumentReference?encounter=" + encounter, RECEPTIONIST)))
                .containsExactly(note.getIdPart());
        assertThat(ids(search("DocumentReference?subject=" + patient + "&date=lt2026-11-01", RECEPTIONIST)))
                .isEmpty();
        assertThat(ids(search("DocumentReference?_id=" + note.getIdPart(), RECEPTIONIST)))
                .containsExactly(note.getIdPart());
    }

    @Test
    void recordsADeathAndHasTheRetentionOfTheRecordingsRecomputed() throws Exception {
        String patient = created(amelia("MRN-1"), CLINICIAN).getIdPart();
        Parameters death = new Parameters();
        death.addParameter().setName("date").setValue(new DateType("2026-11-01"));

        HttpResponse<String> response = send("POST", "Patient/" + patient + "/$record-death", RECORDS_OFFICER, death);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(parse(Patient.class, response).getDeceasedDateTimeType().getValueAsString())
                .isEqualTo("2026-11-01");
        assertThat(read(Patient.class, "Patient/" + patient, RECEPTIONIST).hasDeceasedDateTimeType())
                .isTrue();
        assertThat(changed).containsExactly(PatientId.of(patient));
    }

    @Test
    void unknownIdsAreNotFoundWithNf1() throws Exception {
        for (String path :
                List.of("Patient/nobody", "Location/nowhere", "Encounter/never", "DocumentReference/unwritten")) {
            HttpResponse<String> response = send("GET", path, RECEPTIONIST, null);

            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(codes(response)).as(path).containsExactly("NF-1");
        }
    }

    @Test
    void badInputIsRefusedWith400AndSaf4NamingTheElement() throws Exception {
        Patient nameless = amelia("MRN-9");
        nameless.getNameFirstRep().getGiven().clear();
        String patient = created(amelia("MRN-1"), CLINICIAN).getIdPart();
        Parameters unborn = new Parameters();
        unborn.addParameter().setName("date").setValue(new DateType("1900-01-01"));

        assertRefused(send("POST", "Patient", CLINICIAN, nameless), 400, "SAF-4", "name.given");
        assertRefused(send("POST", "Patient", CLINICIAN, amelia("MRN-1")), 400, "SAF-4", "identifier");
        assertRefused(send("GET", "Encounter?location=riverside", RECEPTIONIST, null), 400, "SAF-4", "patient");
        assertRefused(
                send("POST", "Patient/" + patient + "/$record-death", RECORDS_OFFICER, unborn),
                400,
                "SAF-4",
                "deceasedDate");
        assertThat(codes(send("GET", "Patient?_id=" + patient + "&name=clarke", RECEPTIONIST, null)))
                .containsExactly("SAF-4");
        assertThat(changed).isEmpty();
    }

    @Test
    void writesWithoutTheirPrivilegeAreForbiddenWithSaf3AndAudited() throws Exception {
        String patient = created(amelia("MRN-1"), CLINICIAN).getIdPart();
        Parameters death = new Parameters();
        death.addParameter().setName("date").setValue(new DateType("2026-11-01"));

        assertRefused(
                send("POST", "Location", CLINICIAN, new Location().setName("Elsewhere")), 403, "SAF-3", "privilege");
        assertRefused(
                send("POST", "Patient/" + patient + "/$record-death", CLINICIAN, death), 403, "SAF-3", "privilege");
        assertRefused(send("POST", "Patient", RECEPTIONIST, amelia("MRN-2")), 403, "SAF-3", "privilege");

        assertThat(server.audit.search(AuditQuery.all()).entries())
                .extracting(StoredAuditEntry::entry)
                .filteredOn(e -> !e.outcome().succeeded())
                .hasSize(3);
        assertThat(read(Patient.class, "Patient/" + patient, RECEPTIONIST).hasDeceased())
                .isFalse();
        assertThat(changed).isEmpty();
    }

    @Test
    void anonymousRequestsAreRefused() throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(server.base().resolve("Patient")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
    }

    private static Patient amelia(String mrn) {
        Patient patient = new Patient();
        patient.addIdentifier().setSystem(HostIdentifiers.MEDICAL_RECORD_NUMBER).setValue(mrn);
        patient.addName().setFamily("Clarke").addGiven("Amelia");
        patient.setGender(AdministrativeGender.FEMALE);
        patient.setBirthDateElement(new DateType("1984-03-12"));
        return patient;
    }

    private static Encounter consultation(String patient, String site) {
        Encounter encounter = new Encounter().setSubject(new Reference("Patient/" + patient));
        if (site != null) {
            encounter.addLocation().setLocation(new Reference("Location/" + site));
        }
        return encounter;
    }

    private static DocumentReference note(String patient, String encounter, String text) {
        DocumentReference doc = new DocumentReference().setSubject(new Reference("Patient/" + patient));
        doc.getContext().addEncounter(new Reference("Encounter/" + encounter));
        doc.addContent()
                .setAttachment(new Attachment()
                        .setContentType("text/plain; charset=UTF-8")
                        .setData(text.getBytes(StandardCharsets.UTF_8)));
        return doc;
    }

    @SuppressWarnings("unchecked")
    private <T extends Resource> T created(T resource, String user) throws Exception {
        HttpResponse<String> response = send("POST", resource.fhirType(), user, resource);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(response.headers().firstValue("Location")).isPresent();
        return (T) parse(resource.getClass(), response);
    }

    private <T extends IBaseResource> T read(Class<T> type, String path, String user) throws Exception {
        HttpResponse<String> response = send("GET", path, user, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return parse(type, response);
    }

    private Bundle search(String query, String user) throws Exception {
        return read(Bundle.class, query, user);
    }

    private static List<String> ids(Bundle bundle) {
        return bundle.getEntry().stream()
                .map(e -> e.getResource().getIdElement().getIdPart())
                .toList();
    }

    private static void assertRefused(HttpResponse<String> response, int status, String code, String element) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        OperationOutcome outcome = parse(OperationOutcome.class, response);
        assertThat(outcome.getIssue())
                .extracting(
                        i -> i.getDetails().getCodingFirstRep().getCode(),
                        i -> i.getExpression().isEmpty()
                                ? null
                                : i.getExpression().get(0).getValue())
                .containsExactly(tuple(code, element));
    }

    private static List<String> codes(HttpResponse<String> response) {
        return parse(OperationOutcome.class, response).getIssue().stream()
                .map(i -> i.getDetails().getCodingFirstRep().getCode())
                .toList();
    }

    private HttpResponse<String> send(String method, String path, String user, Resource body)
            throws IOException, InterruptedException {
        return send(method, server.base().resolve(path), user, body);
    }

    private HttpResponse<String> send(String method, URI uri, String user, Resource body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .header("Accept", "application/fhir+json")
                .header(HostFhirServer.USER, user);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/fhir+json")
                    .method(
                            method,
                            HttpRequest.BodyPublishers.ofString(
                                    FHIR.newJsonParser().encodeResourceToString(body)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static <T extends IBaseResource> T parse(Class<T> type, HttpResponse<String> response) {
        return FHIR.newJsonParser().parseResource(type, response.body());
    }
}
