/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openmrs.module.patientrecordings.domain.Privilege.AUTHORISE_COVERT;
import static org.openmrs.module.patientrecordings.domain.Privilege.VIEW_RECORDINGS;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openmrs.module.patientrecordings.access.AuthorisationMatrix;
import org.openmrs.module.patientrecordings.access.AuthorisationTable;
import org.openmrs.module.patientrecordings.access.FhirMatrixCalls;
import org.openmrs.module.patientrecordings.access.FhirMatrixCalls.Call;
import org.openmrs.module.patientrecordings.domain.Privilege;
import org.openmrs.module.patientrecordings.standalone.config.StandaloneConfig;
import org.openmrs.module.patientrecordings.standalone.testing.TestFiles;

/**
 * SAF-3 as a matrix over the running standalone server: every administration endpoint its OpenAPI document describes
 * and every FHIR interaction, operation and search its CapabilityStatement declares, against a user of each privilege
 * set (none, clinician, records manager, auditor, covert authoriser, administrator). Who is admitted is the shared
 * {@link AuthorisationTable}; a row the server does not declare, or a declared capability without a row, fails the
 * test, so a new endpoint cannot go unchecked. The cells are those of every host ({@link AuthorisationMatrix}, the
 * OpenMRS adapter's in omod's {@code OpenmrsHostAuthorisationMatrixIT}): a user the row admits is not refused (an
 * administration call may meet 400, 404 or 422 for its made-up input; a FHIR call must get the status its {@link
 * FhirMatrixCalls request} names), any other user gets 403 naming SAF-3 or COV-2 and exactly one refusal in the audit
 * trail. {@link Leaks} checks
 * that a covert recording stays unknown to a user without the covert privilege (COV-2) on every way a search or read
 * could tell of it. The privilege checks do not depend on the database, so H2 stands for all engines.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorisationMatrixIT {

    private static final String ADMIN_CREDENTIALS = "admin:" + StandaloneConfig.DEFAULT_ADMIN_PASSWORD;

    /**
     * The calls that leave no audit entry (SAF-2): what holds no patient's data, and a chunk that does not complete
     * its upload, which changes nothing of the recording yet (the one that completes it is audited as the content
     * stored).
     */
    private static final Set<String> NOT_AUDITED =
            Set.of("metadata", "OperationDefinition read", "Media $binary-access-write (chunk)");

    private Path dataDir;
    private StandaloneApplication server;
    private FhirMatrixCalls fhir;
    private AuthorisationMatrix matrix;

    @BeforeAll
    void startServer() throws IOException {
        dataDir = Files.createTempDirectory("authorisation-matrix-it");
        server = StandaloneServerContract.start(dataDir, List.of());
        fhir = new FhirMatrixCalls(new FhirMatrixCalls.Host(
                server.port(),
                "/fhir",
                "/admin",
                ADMIN_CREDENTIALS,
                DemoData.ADULT.value(),
                DemoData.CONSULTATION.value(),
                DemoData.SITE.value(),
                () -> fhir.created("Patient", FhirMatrixCalls.patient())));
        var accounts = server.services().users();
        accounts.createIfAbsent("nobody", "No Privileges", "Nobody123", EnumSet.noneOf(Privilege.class));
        accounts.createIfAbsent(
                "covert", "Covert Authoriser", "Covert123", EnumSet.of(AUTHORISE_COVERT, VIEW_RECORDINGS));
        List<AuthorisationMatrix.User> users = new ArrayList<>();
        users.add(user("nobody", "Nobody123"));
        for (DemoData.DemoUser demo : DemoData.USERS) {
            users.add(user(demo.username(), demo.password()));
        }
        users.add(user("covert", "Covert123"));
        users.add(user("admin", StandaloneConfig.DEFAULT_ADMIN_PASSWORD));
        matrix = new AuthorisationMatrix(fhir, server.services().audit(), users);
    }

    @AfterAll
    void stopServer() throws IOException {
        if (server != null) {
            server.close();
        }
        TestFiles.deleteTree(dataDir);
    }

    @Test
    void theTableHasARowForEveryAdministrationEndpointTheServerDescribes() throws Exception {
        assertThat(new TreeSet<>(AuthorisationTable.ADMINISTRATION.keySet()))
                .isEqualTo(matrix.describedAdministrationEndpoints());
    }

    @Test
    void theTableHasARowForEveryCapabilityTheServerDeclares() throws Exception {
        Set<String> rows = new TreeSet<>();
        AuthorisationTable.FHIR.keySet().forEach(row -> rows.add(AuthorisationTable.capability(row)));
        Set<String> declared = matrix.declaredCapabilities();
        declared.add("metadata");
        assertThat(rows).isEqualTo(declared);
    }

    @Test
    void everyAdministrationEndpointAdmitsExactlyTheUsersItsRowNames_SAF3() throws Exception {
        assertThat(matrix.administrationCells(AuthorisationTable.ADMINISTRATION))
                .isEmpty();
    }

    @Test
    void everyFhirCapabilityAdmitsExactlyTheUsersItsRowNames_SAF3() throws Exception {
        assertThat(new TreeSet<>(fhir.calls().keySet())).isEqualTo(new TreeSet<>(AuthorisationTable.FHIR.keySet()));
        assertThat(matrix.fhirCells(AuthorisationTable.FHIR, NOT_AUDITED)).isEmpty();
    }

    @Test
    void everyFhirCapabilityButTheCapabilityStatementAsksForSignIn_SAF3() throws Exception {
        assertThat(matrix.signedOutFhirCells(AuthorisationTable.FHIR, 401)).isEmpty();
    }

    /**
     * COV-2: a covert recording is visible only to users with the covert privilege, so a user without it learns
     * nothing of one, on any way a search or a read could tell: the entries and {@code total} of a search,
     * {@code _summary=count}, {@code _include}, paging links, instance and type history, vread, content, operations and
     * error messages (a covert id answers exactly as an id that does not exist), the patient's notes, a derivative, a
     * legal hold's list and the subject-access export (the covert recording listed as withheld with COV-2, as the API
     * defines, never its metadata or content). A sealed recording (CON-5) is in no search of anyone. Each check
     * compares the answer of a user who does see the covert recording (the covert authoriser, or the administrator
     * where the call needs a privilege the covert authoriser lacks), so that a check that could not tell cannot pass.
     */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Leaks {

        private static final String CLINICIAN = "clinician:Clinician123";
        private static final String COVERT = "covert:Covert123";
        private static final String RECORDS = "records:Records123";

        private String patient;
        private String overt;
        private String covert;
        private String sealed;

        @BeforeAll
        void recordOvertCovertAndSealed() throws Exception {
            patient = fhir.created("Patient", FhirMatrixCalls.patient());
            String encounter = fhir.created("Encounter", FhirMatrixCalls.encounter(patient, DemoData.SITE.value()));
            fhir.created("DocumentReference", FhirMatrixCalls.note(patient, encounter));
            String consent = fhir.giveConsent(patient);
            fhir.adminCreated("/admin/registers/covert-authorisations", FhirMatrixCalls.covertAuthorisation(patient));
            overt = fhir.completedRecording(patient, encounter);
            // CON-7: confirmed by the patient, it is theirs to receive in a subject access.
            fhir.send(
                    Call.post(
                            "/fhir/Media/" + overt + "/$confirm-consent",
                            FhirMatrixCalls.example("confirm-consent.json"),
                            200),
                    ADMIN_CREDENTIALS,
                    200);
            covert = fhir.created("Media", fhir.recordingStart(patient, encounter, "COVERT"));
            fhir.upload(covert);
            fhir.send(Call.post("/fhir/Media/" + covert + "/$complete", 200), ADMIN_CREDENTIALS, 200);
            sealed = fhir.recording(patient, encounter);
            fhir.upload(sealed);
            fhir.send(
                    Call.post("/fhir/Consent/" + consent + "/$withdraw", FhirMatrixCalls.example("withdraw.json"), 200),
                    ADMIN_CREDENTIALS,
                    200);
        }

        @Test
        void aSearchNeitherListsNorCountsACovertRecording_COV2() throws Exception {
            JsonObject seen = bundle("/fhir/Media?patient=" + patient, COVERT);
            JsonObject hidden = bundle("/fhir/Media?patient=" + patient, CLINICIAN);

            assertThat(ids(seen)).containsExactlyInAnyOrder(overt, covert);
            assertThat(seen.get("total").getAsInt()).isEqualTo(2);
            assertThat(ids(hidden)).containsExactly(overt);
            assertThat(hidden.get("total").getAsInt()).isEqualTo(1);
            assertThat(hidden.toString()).doesNotContain(covert);
        }

        @Test
        void aCountOnlySearchDoesNotCountACovertRecording_COV2() throws Exception {
            String search = "/fhir/Media?patient=" + patient + "&_summary=count";

            assertThat(bundle(search, COVERT).get("total").getAsInt()).isEqualTo(2);
            assertThat(bundle(search, CLINICIAN).get("total").getAsInt()).isEqualTo(1);
        }

        @Test
        void includedConsentsBringNoCovertRecordingAlong_COV2() throws Exception {
            String search = "/fhir/Media?patient=" + patient + "&_include=Media:consent";

            assertThat(bundle(search, COVERT).toString()).contains(covert);
            assertThat(bundle(search, CLINICIAN).toString()).doesNotContain(covert);
        }

        @Test
        void pagesEndWhereTheUsersRecordingsEnd_COV2() throws Exception {
            String search = "/fhir/Media?patient=" + patient + "&_count=1";
            JsonObject seen = bundle(search, COVERT);
            JsonObject hidden = bundle(search, CLINICIAN);

            assertThat(next(seen)).isNotNull();
            JsonObject second = bundle(relative(next(seen)), COVERT);
            assertThat(ids(seen).size() + ids(second).size()).isEqualTo(2);
            assertThat(next(hidden)).isNull();
            assertThat(hidden.toString()).doesNotContain(covert);
        }

        @Test
        void anotherUsersPagingLinkShowsNothingOfTheirSearch_COV2_SAF3() throws Exception {
            String search = "/fhir/Media?patient=" + patient + "&_count=1";
            JsonObject seen = bundle(search, COVERT);
            String link = relative(next(seen));
            HttpResponse<String> own = fhir.send(Call.get(link, 200), COVERT);

            for (String other : List.of(CLINICIAN, "nobody:Nobody123", "auditor:Auditor123")) {
                HttpResponse<String> followed = fhir.send(Call.get(link, 200), other);
                assertThat(followed.statusCode())
                        .as(other + ": " + followed.body())
                        .isNotEqualTo(200);
                assertThat(followed.body()).as(other).doesNotContain(covert).doesNotContain(overt);
            }
            assertThat(own.statusCode()).isEqualTo(200);
            assertThat(own.body()).contains("Media/");
        }

        @Test
        void aCovertRecordingReadsAsAnIdThatDoesNotExist_COV2() throws Exception {
            String unknown = java.util.UUID.randomUUID().toString();
            for (String path : List.of(
                    "/fhir/Media/%s",
                    "/fhir/Media/%s/_history/1",
                    "/fhir/Media/%s/_history",
                    "/fhir/Media/%s/$binary-access-read",
                    "/fhir/Binary/%s-content")) {
                HttpResponse<String> seen = fhir.send(Call.get(path.formatted(covert), 200), COVERT);
                HttpResponse<String> hidden = fhir.send(Call.get(path.formatted(covert), 200), CLINICIAN);
                HttpResponse<String> absent = fhir.send(Call.get(path.formatted(unknown), 200), CLINICIAN);

                assertThat(seen.statusCode()).as(path + ": " + seen.body()).isBetween(200, 206);
                assertThat(hidden.statusCode()).as(path + ": " + hidden.body()).isEqualTo(404);
                assertThat(hidden.body().replace(covert, "ID"))
                        .as(path)
                        .isEqualTo(absent.body().replace(unknown, "ID"));
            }
        }

        @Test
        void anOperationOnACovertRecordingAnswersAsOnAnIdThatDoesNotExist_COV2() throws Exception {
            String unknown = java.util.UUID.randomUUID().toString();
            String disclosure = FhirMatrixCalls.json(FhirMatrixCalls.disclosure());

            HttpResponse<String> seen =
                    fhir.send(Call.post("/fhir/Media/" + covert + "/$disclose", disclosure, 200), ADMIN_CREDENTIALS);
            HttpResponse<String> hidden =
                    fhir.send(Call.post("/fhir/Media/" + covert + "/$disclose", disclosure, 200), RECORDS);
            HttpResponse<String> absent =
                    fhir.send(Call.post("/fhir/Media/" + unknown + "/$disclose", disclosure, 200), RECORDS);

            assertThat(seen.statusCode()).as(seen.body()).isEqualTo(200);
            assertThat(hidden.statusCode()).as(hidden.body()).isEqualTo(404);
            assertThat(hidden.body().replace(covert, "ID"))
                    .isEqualTo(absent.body().replace(unknown, "ID"));
        }

        @Test
        void voidingACovertRecordingWritesNothingIntoThePatientsNotes_COV2() throws Exception {
            String whose = fhir.created("Patient", FhirMatrixCalls.patient());
            String visit = fhir.created("Encounter", FhirMatrixCalls.encounter(whose, DemoData.SITE.value()));
            fhir.giveConsent(whose);
            fhir.adminCreated("/admin/registers/covert-authorisations", FhirMatrixCalls.covertAuthorisation(whose));
            fhir.created("DocumentReference", FhirMatrixCalls.note(whose, visit));
            String overtVoided = fhir.completedRecording(whose, visit);
            String covertVoided = fhir.created("Media", fhir.recordingStart(whose, visit, "COVERT"));
            fhir.upload(covertVoided);
            fhir.send(Call.post("/fhir/Media/" + covertVoided + "/$complete", 200), ADMIN_CREDENTIALS, 200);
            String reason = FhirMatrixCalls.json(
                    FhirMatrixCalls.parameters("reason", new StringType("Recorded against the wrong patient")));
            for (String voided : List.of(overtVoided, covertVoided)) {
                fhir.send(Call.post("/fhir/Media/" + voided + "/$void", reason, 200), ADMIN_CREDENTIALS, 200);
            }

            String notes = notesOf(whose, CLINICIAN);

            assertThat(notes).contains(overtVoided).doesNotContain(covertVoided);
        }

        @Test
        void anAnonymisedDerivativeOfACovertRecordingIsHiddenLikeItsSource_COV2_SEC3() throws Exception {
            String whose = fhir.created("Patient", FhirMatrixCalls.patient());
            String visit = fhir.created("Encounter", FhirMatrixCalls.encounter(whose, DemoData.SITE.value()));
            fhir.giveConsent(whose);
            fhir.adminCreated("/admin/registers/covert-authorisations", FhirMatrixCalls.covertAuthorisation(whose));
            String source = fhir.created("Media", fhir.recordingStart(whose, visit, "COVERT"));
            fhir.upload(source);
            String derivative = JsonParser.parseString(fhir.send(
                            Call.post(
                                    "/fhir/Media/" + source + "/$anonymised-derivative",
                                    FhirMatrixCalls.json(FhirMatrixCalls.parameters(
                                            "deIdentification",
                                            new Coding(null, "ANONYED", null),
                                            "purpose",
                                            new Coding(
                                                    "http://terminology.hl7.org/CodeSystem/v3-ActReason",
                                                    "TRAIN",
                                                    null))),
                                    200),
                            ADMIN_CREDENTIALS,
                            200))
                    .getAsJsonObject()
                    .get("id")
                    .getAsString();

            String seen = bundle("/fhir/Media?patient=" + whose, COVERT).toString();
            String hidden = bundle("/fhir/Media?patient=" + whose, CLINICIAN).toString();

            assertThat(seen).contains(source).contains(derivative);
            assertThat(hidden).doesNotContain(source).doesNotContain(derivative);
        }

        @Test
        void aLegalHoldOnThePatientListsOnlyTheRecordingsTheUserMaySee_REC5_COV2() throws Exception {
            String seen = fhir.send(
                    Call.post(
                            "/fhir/Patient/" + patient + "/$legal-hold",
                            FhirMatrixCalls.json(FhirMatrixCalls.hold(FhirMatrixCalls.reference())),
                            200),
                    ADMIN_CREDENTIALS,
                    200);
            String hidden = fhir.send(
                    Call.post(
                            "/fhir/Patient/" + patient + "/$legal-hold",
                            FhirMatrixCalls.json(FhirMatrixCalls.hold(FhirMatrixCalls.reference())),
                            200),
                    RECORDS,
                    200);

            assertThat(seen).contains("Media/" + overt).contains("Media/" + covert);
            assertThat(hidden).contains("Media/" + overt).doesNotContain(covert);
        }

        @Test
        void theTypesHistoryIsNotServedToAnyone() throws Exception {
            for (String path : List.of("/fhir/Media/_history", "/fhir/_history")) {
                HttpResponse<String> privileged = fhir.send(Call.get(path, 200), ADMIN_CREDENTIALS);
                HttpResponse<String> hidden = fhir.send(Call.get(path, 200), CLINICIAN);

                assertThat(privileged.statusCode()).as(path).isGreaterThanOrEqualTo(400);
                assertThat(hidden.statusCode()).as(path).isGreaterThanOrEqualTo(400);
                assertThat(privileged.body() + hidden.body()).doesNotContain(covert);
            }
        }

        @Test
        void theSubjectAccessExportListsACovertRecordingAsWithheldWithoutItsContent_REC7_COV2() throws Exception {
            Call export = Call.post(
                            "/fhir/Patient/" + patient + "/$subject-access",
                            FhirMatrixCalls.example("subject-access.json"),
                            200)
                    .with("Accept", "application/zip");

            Map<String, String> seen =
                    unzip(fhir.sendForBytes(export, ADMIN_CREDENTIALS).body());
            Map<String, String> hidden =
                    unzip(fhir.sendForBytes(export, RECORDS).body());

            assertThat(seen).containsKey("content/" + covert);
            assertThat(recordingsIn(seen.get("manifest.json"))).contains("Media/" + covert);
            assertThat(hidden).doesNotContainKey("content/" + covert).containsKey("content/" + overt);
            assertThat(recordingsIn(hidden.get("manifest.json")))
                    .contains("Media/" + overt)
                    .doesNotContain(covert);
            assertThat(withheld(hidden.get("manifest.json"))).contains("Media/" + covert + " COV-2");
        }

        @Test
        void aSealedRecordingIsInNobodysSearch_CON5() throws Exception {
            for (String user : List.of(CLINICIAN, COVERT, ADMIN_CREDENTIALS)) {
                JsonObject found = bundle("/fhir/Media?patient=" + patient, user);
                assertThat(found.toString()).as(user).doesNotContain(sealed);
            }
            HttpResponse<String> read = fhir.send(Call.get("/fhir/Media/" + sealed, 200), ADMIN_CREDENTIALS);
            assertThat(read.statusCode()).as(read.body()).isEqualTo(403);
            assertThat(read.body()).contains("CON-5");
        }

        @Test
        void aCovertAuthorisationIsNeitherListedNorCountedWithoutThePrivilege_COV2() throws Exception {
            String search = "/fhir/Consent?patient=" + patient + "&category=COVERT_AUTHORISATION";

            assertThat(bundle(search, COVERT).get("total").getAsInt()).isEqualTo(1);
            assertThat(bundle(search, CLINICIAN).get("total").getAsInt()).isZero();
        }

        private JsonObject bundle(String path, String credentials) throws Exception {
            HttpResponse<String> answer = fhir.send(Call.get(path, 200), credentials);
            assertThat(answer.statusCode()).as(path + ": " + answer.body()).isEqualTo(200);
            return JsonParser.parseString(answer.body()).getAsJsonObject();
        }

        /** The text of the patient's clinical notes, as the user reads them. */
        private String notesOf(String whose, String credentials) throws Exception {
            StringBuilder text = new StringBuilder();
            JsonObject found = bundle("/fhir/DocumentReference?patient=" + whose, credentials);
            if (found.has("entry")) {
                for (JsonElement e : found.getAsJsonArray("entry")) {
                    for (JsonElement c :
                            e.getAsJsonObject().getAsJsonObject("resource").getAsJsonArray("content")) {
                        String data = c.getAsJsonObject()
                                .getAsJsonObject("attachment")
                                .get("data")
                                .getAsString();
                        text.append(new String(Base64.getDecoder().decode(data), StandardCharsets.UTF_8))
                                .append('\n');
                    }
                }
            }
            return text.toString();
        }

        private static List<String> ids(JsonObject bundle) {
            List<String> ids = new ArrayList<>();
            if (bundle.has("entry")) {
                for (JsonElement e : bundle.getAsJsonArray("entry")) {
                    JsonObject resource = e.getAsJsonObject().getAsJsonObject("resource");
                    if ("Media".equals(resource.get("resourceType").getAsString())) {
                        ids.add(resource.get("id").getAsString());
                    }
                }
            }
            return ids;
        }

        private static String next(JsonObject bundle) {
            if (bundle.has("link")) {
                for (JsonElement l : bundle.getAsJsonArray("link")) {
                    if ("next".equals(l.getAsJsonObject().get("relation").getAsString())) {
                        return l.getAsJsonObject().get("url").getAsString();
                    }
                }
            }
            return null;
        }

        private String relative(String url) {
            return URI.create(url).getRawPath() + "?" + URI.create(url).getRawQuery();
        }

        private static Map<String, String> unzip(byte[] zip) throws IOException {
            Map<String, String> entries = new java.util.HashMap<>();
            try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
                for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                    entries.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.ISO_8859_1));
                }
            }
            assertThat(entries).as(new String(zip, StandardCharsets.UTF_8)).containsKey("manifest.json");
            return entries;
        }

        private static List<String> recordingsIn(String manifest) {
            List<String> media = new ArrayList<>();
            for (JsonElement item :
                    JsonParser.parseString(manifest).getAsJsonObject().getAsJsonArray("recordings")) {
                media.add("Media/"
                        + item.getAsJsonObject()
                                .getAsJsonObject("media")
                                .get("id")
                                .getAsString());
            }
            return media;
        }

        private static List<String> withheld(String manifest) {
            List<String> withheld = new ArrayList<>();
            for (JsonElement w :
                    JsonParser.parseString(manifest).getAsJsonObject().getAsJsonArray("withheld")) {
                JsonObject entry = w.getAsJsonObject();
                List<String> codes = new ArrayList<>();
                entry.getAsJsonArray("codes").forEach(c -> codes.add(c.getAsString()));
                withheld.add(entry.get("recording").getAsString() + " " + String.join(",", codes));
            }
            return withheld;
        }
    }

    private AuthorisationMatrix.User user(String name, String password) {
        var account = server.services().users().find(name).orElseThrow();
        return new AuthorisationMatrix.User(name, password, account.privileges(), account.id());
    }
}
