/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.fhir;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.openmrs.module.patientrecordings.consent.RecordingConsent;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.policy.ConsentGiver;
import org.openmrs.module.patientrecordings.policy.ConsentGiver.Authority;

/**
 * CON-12 in the recording-consent profile: {@code Consent.performer} is who decided. The Patient (with the
 * competence-attestation extension when a child under 16 consents themself); a person with parental responsibility,
 * an attorney or a deputy as a contained RelatedPerson with their name, their relationship (as text) and the authority
 * they decide on (consent-authority code); or, for a best-interests decision, the clinician who made it as a
 * Practitioner, with the people consulted in the best-interests extension. A Consent without a performer is the
 * patient's own decision.
 */
final class ConsentGivers {

    private static final String CONTAINED_ID = "giver";
    private static final String PERFORMER = "Consent.performer";

    private ConsentGivers() {}

    static void write(RecordingConsent c, Consent f) {
        ConsentGiver g = c.giver();
        switch (g.authority()) {
            case PATIENT -> {
                f.addPerformer(Refs.to("Patient", c.patient()));
                if (g.competenceAttested()) {
                    f.addExtension(FhirUrls.EXT_COMPETENCE_ATTESTATION, new BooleanType(true));
                }
            }
            case BEST_INTERESTS -> {
                // The clinician who recorded the decision made it.
                f.addPerformer(Refs.to("Practitioner", c.history().get(0).by()));
                Extension best = f.addExtension().setUrl(FhirUrls.EXT_BEST_INTERESTS);
                for (ConsentGiver.Consulted person : g.consulted()) {
                    Extension consulted = best.addExtension().setUrl("consulted");
                    consulted.addExtension("name", new StringType(person.name()));
                    consulted.addExtension("role", new StringType(person.role()));
                }
            }
            default -> {
                RelatedPerson giver = new RelatedPerson();
                giver.setId(CONTAINED_ID);
                giver.setPatient(Refs.to("Patient", c.patient()));
                giver.addRelationship(new CodeableConcept(
                        Refs.coding(FhirUrls.CS_CONSENT_AUTHORITY, g.authority().name())));
                giver.addRelationship(new CodeableConcept().setText(g.relationship()));
                giver.addName(new HumanName().setText(g.name()));
                f.addContained(giver);
                f.addPerformer(new Reference("#" + CONTAINED_ID).setDisplay(g.name() + " (" + g.relationship() + ")"));
            }
        }
    }

    /**
     * Who decided, as the Consent says it.
     *
     * @throws org.openmrs.module.patientrecordings.domain.RuleViolationException SAF-4 when the performer is not the
     *     patient, a contained RelatedPerson with its authority, or the clinician of a best-interests decision
     */
    static ConsentGiver read(Consent f, PatientId patient) {
        if (f.getPerformer().size() > 1) {
            throw Refs.invalid(PERFORMER, "one performer decides: the patient, their representative or the clinician");
        }
        Reference performer = f.hasPerformer() ? f.getPerformerFirstRep() : null;
        Extension best = Refs.extension(f, FhirUrls.EXT_BEST_INTERESTS, "Consent.extension:bestInterests");
        boolean competence = Refs.value(
                        f, FhirUrls.EXT_COMPETENCE_ATTESTATION, BooleanType.class, "Consent.extension:competence")
                .map(BooleanType::booleanValue)
                .orElse(false);
        String reference = performer == null ? null : performer.getReference();
        if (reference == null || reference.isBlank()) {
            if (performer != null && performer.getResource() instanceof RelatedPerson related) {
                return representative(related);
            }
            requireNo(best, "a best-interests decision names the clinician who made it as the performer");
            return ConsentGiver.patient(competence);
        }
        if (reference.startsWith("#")) {
            requireNo(best, "a best-interests decision names the clinician who made it as the performer");
            return representative(contained(f, performer, reference.substring(1)));
        }
        if (reference.startsWith("Practitioner/")) {
            // A clinician decides only as a best-interests decision; without the people consulted CON-12 refuses it.
            return ConsentGiver.bestInterests(best == null ? List.of() : consulted(best));
        }
        String id = Refs.idOf(performer, "Patient", PERFORMER);
        if (!id.equals(patient.value())) {
            throw Refs.invalid(PERFORMER, "the performer is the patient of the consent, or their representative");
        }
        requireNo(best, "a best-interests decision names the clinician who made it as the performer");
        return ConsentGiver.patient(competence);
    }

    private static RelatedPerson contained(Consent f, Reference performer, String id) {
        if (performer.getResource() instanceof RelatedPerson related) {
            return related;
        }
        for (Resource r : f.getContained()) {
            String own = r.getIdElement().getIdPart();
            if (r instanceof RelatedPerson related && (id.equals(own) || ("#" + id).equals(own))) {
                return related;
            }
        }
        throw Refs.invalid(PERFORMER, "the performer #" + id + " is not a contained RelatedPerson");
    }

    private static ConsentGiver representative(RelatedPerson related) {
        Authority authority = null;
        List<String> texts = new ArrayList<>();
        for (CodeableConcept relationship : related.getRelationship()) {
            for (Coding coding : relationship.getCoding()) {
                if (FhirUrls.CS_CONSENT_AUTHORITY.equals(coding.getSystem())) {
                    authority = Refs.enumOf(
                            coding, FhirUrls.CS_CONSENT_AUTHORITY, Authority::valueOf, "RelatedPerson.relationship");
                }
            }
            if (relationship.hasText()) {
                texts.add(relationship.getText().trim());
            }
        }
        if (authority == null || !authority.representative()) {
            throw Refs.invalid(
                    "RelatedPerson.relationship",
                    "a representative's authority is coded from " + FhirUrls.CS_CONSENT_AUTHORITY
                            + ": PARENTAL_RESPONSIBILITY, LASTING_POWER_OF_ATTORNEY or COURT_APPOINTED_DEPUTY");
        }
        String name = related.getName().stream()
                .map(ConsentGivers::nameOf)
                .filter(n -> !n.isBlank())
                .findFirst()
                .orElse(null);
        return ConsentGiver.representative(authority, name, texts.isEmpty() ? null : String.join(", ", texts));
    }

    private static String nameOf(HumanName name) {
        if (name.hasText()) {
            return name.getText().trim();
        }
        return (name.getGivenAsSingleString() + " "
                        + Optional.ofNullable(name.getFamily()).orElse(""))
                .trim();
    }

    private static List<ConsentGiver.Consulted> consulted(Extension best) {
        return best.getExtensionsByUrl("consulted").stream()
                .map(c -> new ConsentGiver.Consulted(
                        Refs.part(c, "name", StringType.class)
                                .map(StringType::getValue)
                                .orElse(null),
                        Refs.part(c, "role", StringType.class)
                                .map(StringType::getValue)
                                .orElse(null)))
                .toList();
    }

    private static void requireNo(Extension best, String message) {
        if (best != null) {
            throw Refs.invalid("Consent.extension:bestInterests", message);
        }
    }
}
