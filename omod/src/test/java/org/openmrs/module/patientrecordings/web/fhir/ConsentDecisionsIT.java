/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.web.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.fhir.FhirUrls;

/**
 * Consent decisions over HTTP as the browser's consent form sends them: who decided (CON-12), a later decision
 * superseding the earlier one, and no deletion (REC-1).
 */
class ConsentDecisionsIT {

    private static final FhirContext FHIR = FhirContext.forR4Cached();

    @TempDir
    static Path content;

    private static TestClinic clinic;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void openTheClinic() throws Exception {
        clinic = new TestClinic(content);
    }

    @AfterAll
    static void closeTheClinic() throws Exception {
        clinic.close();
    }

    @Test
    void aParentsConsentForAChildIsRecordedAsTheirsAndValidates() throws Exception {
        PatientId child = PatientId.of("child-" + PatientId.random());
        Consent posted = directCareOnly(Requests.consentGiven(child));
        RelatedPerson mother = new RelatedPerson();
        mother.setId("giver");
        mother.setPatient(new Reference("Patient/" + child));
        mother.addRelationship(
                new CodeableConcept(new Coding(FhirUrls.CS_CONSENT_AUTHORITY, "PARENTAL_RESPONSIBILITY", null)));
        mother.addRelationship(new CodeableConcept().setText("mother"));
        mother.addName(new HumanName().setText("Sara Example"));
        posted.addContained(mother);
        posted.addPerformer(new Reference("#giver").setDisplay("Sara Example (mother)"));

        HttpResponse<String> created = send("POST", "/Consent", posted);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        Consent consent = FHIR.newJsonParser().parseResource(Consent.class, created.body());
        assertThat(consent.getPerformerFirstRep().getDisplay()).isEqualTo("Sara Example (mother)");
        RelatedPerson giver = (RelatedPerson) consent.getContained().get(0);
        assertThat(giver.getNameFirstRep().getText()).isEqualTo("Sara Example");
        assertThat(PackageValidator.errors(consent)).isEmpty();
    }

    @Test
    void aChildConsentingThemselfNeedsTheCompetenceAttestation() throws Exception {
        PatientId child = PatientId.of("child-" + PatientId.random());
        Consent posted = directCareOnly(Requests.consentGiven(child));
        posted.addPerformer(new Reference("Patient/" + child));

        HttpResponse<String> refused = send("POST", "/Consent", posted);
        posted.addExtension(FhirUrls.EXT_COMPETENCE_ATTESTATION, new BooleanType(true));
        HttpResponse<String> created = send("POST", "/Consent", posted);

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(codes(refused.body())).containsExactly("CON-12");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        Consent consent = FHIR.newJsonParser().parseResource(Consent.class, created.body());
        assertThat(consent.getExtensionByUrl(FhirUrls.EXT_COMPETENCE_ATTESTATION))
                .isNotNull();
        assertThat(PackageValidator.errors(consent)).isEmpty();
    }

    @Test
    void aBestInterestsDecisionIsTheCliniciansWithThePeopleConsulted() throws Exception {
        PatientId patient = PatientId.random();
        Consent posted = directCareOnly(Requests.consentGiven(patient));
        posted.addPerformer(new Reference("Practitioner/clinician"));
        Extension best = posted.addExtension().setUrl(FhirUrls.EXT_BEST_INTERESTS);
        Extension consulted = best.addExtension().setUrl("consulted");
        consulted.addExtension("name", new StringType("Joe Carer"));
        consulted.addExtension("role", new StringType("paid carer"));

        HttpResponse<String> created = send("POST", "/Consent", posted);
        best.getExtension().clear();
        HttpResponse<String> nobodyConsulted = send("POST", "/Consent", posted);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        Consent consent = FHIR.newJsonParser().parseResource(Consent.class, created.body());
        assertThat(consent.getPerformerFirstRep().getReference()).startsWith("Practitioner/");
        assertThat(consent.getExtensionByUrl(FhirUrls.EXT_BEST_INTERESTS)
                        .getExtensionByUrl("consulted")
                        .getExtensionByUrl("name")
                        .getValue()
                        .primitiveValue())
                .isEqualTo("Joe Carer");
        assertThat(PackageValidator.errors(consent)).isEmpty();
        assertThat(codes(nobodyConsulted.body())).containsExactly("CON-12");
    }

    @Test
    void givenWithheldGivenLeavesOneActiveConsentAndTheEarlierOnesNameTheirSuccessor() throws Exception {
        PatientId patient = PatientId.random();
        String first = idOf(send("POST", "/Consent", Requests.consentGiven(patient)));
        Consent refusal = Requests.consentGiven(patient).setStatus(Consent.ConsentState.REJECTED);
        refusal.getProvision().setType(Consent.ConsentProvisionType.DENY);
        String second = idOf(send("POST", "/Consent", refusal));
        String third = idOf(send("POST", "/Consent", Requests.consentGiven(patient)));

        Bundle active = search("/Consent?patient=" + patient + "&status=active");
        Consent superseded = read("/Consent/" + first);

        assertThat(active.getEntry())
                .extracting(e -> e.getResource().getIdElement().getIdPart())
                .containsExactly(third);
        assertThat(superseded.getStatus()).isEqualTo(Consent.ConsentState.INACTIVE);
        assertThat(((Reference) superseded
                                .getExtensionByUrl(FhirUrls.EXT_SUPERSEDED_BY)
                                .getValue())
                        .getReference())
                .isEqualTo("Consent/" + second);
        assertThat(PackageValidator.errors(superseded)).isEmpty();
        assertThat(PackageValidator.errors(read("/Consent/" + second))).isEmpty();
    }

    @Test
    void deletingAConsentIsRefusedWith405NamingRec1() throws Exception {
        String id = idOf(send("POST", "/Consent", Requests.consentGiven(PatientId.random())));

        HttpResponse<String> refused =
                http.send(request("/Consent/" + id).DELETE().build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> unknown =
                http.send(request("/Consent/no-such-consent").DELETE().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(refused.statusCode()).isEqualTo(405);
        assertThat(codes(refused.body())).containsExactly("REC-1");
        assertThat(read("/Consent/" + id).getStatus()).isEqualTo(Consent.ConsentState.ACTIVE);
        assertThat(unknown.statusCode()).isEqualTo(404);
    }

    private static Consent directCareOnly(Consent c) {
        c.getProvision().getPurpose().removeIf(p -> "TRAIN".equals(p.getCode()));
        return c;
    }

    private HttpResponse<String> send(String method, String path, Consent body) throws Exception {
        return http.send(
                request(path)
                        .header("Content-Type", "application/fhir+json")
                        .method(
                                method,
                                HttpRequest.BodyPublishers.ofString(
                                        FHIR.newJsonParser().encodeResourceToString(body), StandardCharsets.UTF_8))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private Bundle search(String path) throws Exception {
        HttpResponse<String> answer = http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return FHIR.newJsonParser().parseResource(Bundle.class, answer.body());
    }

    private Consent read(String path) throws Exception {
        HttpResponse<String> answer = http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return FHIR.newJsonParser().parseResource(Consent.class, answer.body());
    }

    private static String idOf(HttpResponse<String> created) {
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return FHIR.newJsonParser()
                .parseResource(Consent.class, created.body())
                .getIdElement()
                .getIdPart();
    }

    private static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(clinic.base + path))
                .header("Authorization", TestClinic.authorization("clinician"))
                .header("Accept", "application/fhir+json");
    }

    private static List<String> codes(String body) {
        return FHIR.newJsonParser().parseResource(OperationOutcome.class, body).getIssue().stream()
                .filter(i -> i.getSeverity() == OperationOutcome.IssueSeverity.ERROR)
                .map(i -> i.getDetails().getCodingFirstRep().getCode())
                .toList();
    }
}
