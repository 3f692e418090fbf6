/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.fhir.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.validation.SingleValidationMessage;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Media;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openmrs.module.patientrecordings.fhir.FhirUrls;

/** A deliberately broken copy of each example fails validation, with the error the profile intends. */
class BrokenExamplesTest {

    /**
     * @param example the example's file name
     * @param breakage what is broken, for the test name
     * @param change the change that breaks it
     * @param expected a fragment of the expected error: an invariant key or a precise message
     */
    record Broken(String example, String breakage, Consumer<Resource> change, String expected) {
        @Override
        public String toString() {
            return example + ": " + breakage;
        }
    }

    static Stream<Broken> brokenCopies() {
        return Stream.of(
                new Broken(
                        "Consent-consent-given.json",
                        "without the CON-3 attestation",
                        r -> removeExtension(r, FhirUrls.EXT_ATTESTATION),
                        "prc-2"),
                new Broken(
                        "Consent-consent-withheld.json",
                        "withheld but permitting",
                        r -> ((Consent) r).getProvision().setType(Consent.ConsentProvisionType.PERMIT),
                        "prc-4"),
                new Broken(
                        "Consent-consent-withdrawn.json",
                        "withdrawn without the withdrawal",
                        r -> removeExtension(r, FhirUrls.EXT_WITHDRAWAL),
                        "prc-3"),
                new Broken(
                        "Consent-consent-by-parent.json",
                        "a parent without the authority they decide on",
                        r -> ((org.hl7.fhir.r4.model.RelatedPerson)
                                        ((Consent) r).getContained().get(0))
                                .getRelationship()
                                .remove(0),
                        "prc-6"),
                new Broken(
                        "Consent-consent-superseded.json",
                        "inactive without its successor or a withdrawal",
                        r -> removeExtension(r, FhirUrls.EXT_SUPERSEDED_BY),
                        "prc-3"),
                new Broken(
                        "Media-consultation-recording.json",
                        "a clinician consultation without its consent",
                        r -> removeExtension(r, FhirUrls.EXT_GOVERNING_CONSENT),
                        "prm-5"),
                new Broken(
                        "Media-withdrawn-recording.json",
                        "stopped by withdrawal but not sealed",
                        r -> r.getMeta().getSecurity().removeIf(c -> "SEALED".equals(c.getCode())),
                        "prm-8"),
                new Broken(
                        "Media-xray-implicit-consent.json",
                        "an unknown recording kind",
                        r -> ((Media) r).getModality().getCodingFirstRep().setCode("MRI"),
                        "Media.modality"),
                new Broken(
                        "Media-patient-made-recording.json",
                        "shared by the patient without how it was obtained",
                        r -> removeExtension(r, FhirUrls.EXT_PATIENT_SHARED_COPY),
                        "prm-2"),
                new Broken(
                        "Media-telephone-call.json",
                        "a call without its notice",
                        r -> removeExtension(r, FhirUrls.EXT_CALL_NOTICE),
                        "prm-7"),
                new Broken(
                        "Media-covert-recording.json",
                        "covert without its authorisation",
                        r -> removeExtension(r, FhirUrls.EXT_COVERT_AUTHORISATION),
                        "prm-1"),
                new Broken(
                        "Media-anonymised-derivative.json",
                        "a derivative not labelled de-identified",
                        r -> r.getMeta().getSecurity().removeIf(c -> "ANONYED".equals(c.getCode())),
                        "prm-4"),
                new Broken(
                        "Media-legal-hold-recording.json",
                        "a legal hold without its security label",
                        r -> r.getMeta().getSecurity().removeIf(c -> "LEGAL_HOLD".equals(c.getCode())),
                        "prm-3"),
                new Broken(
                        "AuditEvent-disclosure-audit.json",
                        "a disclosure without its recipient",
                        r -> ((AuditEvent) r)
                                .getAgent()
                                .removeIf(a -> "110152"
                                        .equals(a.getType().getCodingFirstRep().getCode())),
                        "AuditEvent.agent:recipient"),
                new Broken(
                        "AuditEvent-read-audit.json",
                        "a read with no purpose",
                        r -> ((AuditEvent) r).getPurposeOfEvent().clear(),
                        "AuditEvent.purposeOfEvent"),
                new Broken(
                        "AuditEvent-query-audit.json",
                        "a query that does not say what was asked",
                        r -> ((AuditEvent) r).getEntity().forEach(e -> e.setQuery(null)),
                        "AuditEvent.entity:query.query"),
                new Broken(
                        "AuditEvent-create-audit.json",
                        "a create with nobody who made it",
                        r -> ((AuditEvent) r).getAgent().forEach(a -> a.setRequestor(false)),
                        "rae-1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenCopies")
    void aBrokenCopyFailsWithTheIntendedError(Broken broken) {
        Resource copy = BuiltPackage.example(broken.example());
        assertThat(SharedValidator.errors(copy))
                .as("the intact example is valid")
                .isEmpty();

        broken.change().accept(copy);
        List<SingleValidationMessage> errors = SharedValidator.errors(copy);

        assertThat(errors)
                .as(broken + SharedValidator.describe(errors))
                .anySatisfy(m ->
                        assertThat(m.getLocationString() + " " + m.getMessage()).contains(broken.expected()));
    }

    @Test
    void everyExampleHasABrokenCopy() {
        Set<String> broken = brokenCopies().map(Broken::example).collect(Collectors.toSet());
        Set<String> examples = BuiltPackage.examples().stream()
                .map(r -> r.fhirType() + "-" + r.getIdPart() + ".json")
                .collect(Collectors.toSet());
        assertThat(broken).isEqualTo(examples);
    }

    @Test
    void aWithdrawnConsentMissingWhatThePatientWasToldListsEveryMissingElement() {
        Consent consent = (Consent) BuiltPackage.example("Consent-consent-withdrawn.json");
        consent.getExtensionByUrl(FhirUrls.EXT_INFORMATION_GIVEN)
                .getExtension()
                .removeIf(e -> !e.getUrl().equals("copies"));

        List<String> messages = SharedValidator.errors(consent).stream()
                .map(m -> m.getLocationString() + " " + m.getMessage())
                .toList();

        assertThat(messages)
                .anySatisfy(m -> assertThat(m).contains("contextOfUse"))
                .anySatisfy(m -> assertThat(m).contains("storage"))
                .anySatisfy(m -> assertThat(m).contains("retention"));
    }

    @Test
    void aSecurityLabelOutsideOurCodeSystemIsRejected() {
        Media media = (Media) BuiltPackage.example("Media-withdrawn-recording.json");
        media.getMeta().getSecurity().add(new Coding(FhirUrls.CS_SECURITY_LABEL, "NOT_A_LABEL", null));

        assertThat(SharedValidator.errors(media))
                .anySatisfy(m -> assertThat(m.getMessage()).contains("NOT_A_LABEL"));
    }

    private static void removeExtension(Resource resource, String url) {
        DomainResource domain = (DomainResource) resource;
        assertThat(domain.getExtensionByUrl(url)).as("the example has " + url).isNotNull();
        domain.getExtension().removeIf(e -> url.equals(e.getUrl()));
    }
}
