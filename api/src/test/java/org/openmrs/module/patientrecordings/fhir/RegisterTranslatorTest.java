/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.UserId;
import org.openmrs.module.patientrecordings.fhir.RegisterTranslator.Category;
import org.openmrs.module.patientrecordings.policy.CovertAuthorisation;
import org.openmrs.module.patientrecordings.policy.CovertAuthorisation.CovertJustification;
import org.openmrs.module.patientrecordings.policy.LegalAuthority;
import org.openmrs.module.patientrecordings.register.CovertAuthorisationEntry;
import org.openmrs.module.patientrecordings.register.LegalHold;
import org.openmrs.module.patientrecordings.register.PatientObjection;
import org.openmrs.module.patientrecordings.register.StaffObjection;

@DisplayName("The registers FHIR has a concept for, as valid R4 Consents and Flags")
class RegisterTranslatorTest {

    private static final Instant MADE = Instant.parse("2025-03-10T09:00:00Z");
    private static final Instant ENDED = Instant.parse("2025-03-12T09:00:00Z");
    private static final Instant NOW = Instant.parse("2025-03-11T09:00:00Z");
    private static final PatientId ALICE = PatientId.of("alice");
    private static final UserId ADMIN = UserId.of("admin");

    @Test
    @DisplayName("CON-10: a standing objection is a patient-privacy Consent denying recording, its own category")
    void standingObjection() {
        PatientObjection objection = new PatientObjection("o1", ALICE, "no cameras", ADMIN, MADE, null);

        Consent in = valid(RegisterTranslator.toFhir(objection, NOW));
        Consent lifted = valid(RegisterTranslator.toFhir(objection.ended(ENDED), ENDED));

        assertThat(in.getIdPart()).isEqualTo("standing-objection-o1");
        assertThat(in.getStatus()).isEqualTo(Consent.ConsentState.ACTIVE);
        assertThat(in.getPatient().getReference()).isEqualTo("Patient/alice");
        assertThat(in.getProvision().getType()).isEqualTo(Consent.ConsentProvisionType.DENY);
        assertThat(categories(in)).contains("STANDING_OBJECTION").doesNotContain("RECORDING");
        assertThat(lifted.getStatus()).isEqualTo(Consent.ConsentState.INACTIVE);
        assertThat(lifted.getProvision().getPeriod().getEnd()).isEqualTo(Date.from(ENDED));
        assertThat(Category.ofConsentId(in.getIdPart())).isEqualTo(Category.STANDING_OBJECTION);
        assertThat(Category.STANDING_OBJECTION.entryId(in.getIdPart())).isEqualTo("o1");
    }

    @Test
    @DisplayName("STF-1: a staff objection is a Consent without a patient, denying the staff member as actor")
    void staffObjection() {
        Consent f = valid(
                RegisterTranslator.toFhir(new StaffObjection("s1", UserId.of("dr-who"), null, ADMIN, MADE, null), NOW));

        assertThat(f.getIdPart()).isEqualTo("staff-objection-s1");
        assertThat(f.hasPatient()).isFalse();
        assertThat(f.getProvision().getActorFirstRep().getReference().getReference())
                .isEqualTo("Practitioner/dr-who");
        assertThat(categories(f)).containsExactly("STAFF_OBJECTION");
    }

    @Test
    @DisplayName("COV-1: a covert authorisation is a Consent permitting for its validity, under its legal basis")
    void covertAuthorisation() {
        CovertAuthorisation authorisation = new CovertAuthorisation(
                ALICE,
                "Police",
                "OP-7",
                "RIPA_2000",
                CovertJustification.INVESTIGATE_SERIOUS_CRIME,
                true,
                MADE,
                Instant.parse("2025-04-10T09:00:00Z"),
                false);

        Consent f = valid(
                RegisterTranslator.toFhir(new CovertAuthorisationEntry("c1", authorisation, ADMIN, MADE, null), NOW));

        assertThat(f.getIdPart()).isEqualTo("covert-authorisation-c1");
        assertThat(f.getStatus()).isEqualTo(Consent.ConsentState.ACTIVE);
        assertThat(f.getProvision().getType()).isEqualTo(Consent.ConsentProvisionType.PERMIT);
        assertThat(f.getProvision().getPeriod().getEnd()).isEqualTo(Date.from(Instant.parse("2025-04-10T09:00:00Z")));
        assertThat(f.getPolicyRule().getCodingFirstRep().getCode()).isEqualTo("RIPA_2000");
        assertThat(f.getIdentifierFirstRep().getValue()).isEqualTo("OP-7");
        assertThat(categories(f)).containsExactly("COVERT_AUTHORISATION");
    }

    @Test
    @DisplayName("REC-5: a legal hold is a Flag on the patient, active until lifted")
    void legalHold() {
        LegalHold hold =
                new LegalHold("h1", ALICE, LegalAuthority.FORMAL_INVESTIGATION, "INV-1", ADMIN, MADE, null, null, null);

        Flag held = valid(RegisterTranslator.toFhir(hold, NOW));
        Flag lifted = valid(RegisterTranslator.toFhir(hold.lifted(ENDED, ADMIN, "closed"), ENDED));

        assertThat(held.getIdPart()).isEqualTo("h1");
        assertThat(held.getStatus()).isEqualTo(Flag.FlagStatus.ACTIVE);
        assertThat(held.getSubject().getReference()).isEqualTo("Patient/alice");
        assertThat(held.getCode().getCodingFirstRep().getCode()).isEqualTo("INVESTIGATION");
        assertThat(held.getIdentifierFirstRep().getValue()).isEqualTo("INV-1");
        assertThat(lifted.getStatus()).isEqualTo(Flag.FlagStatus.INACTIVE);
        assertThat(lifted.getPeriod().hasEnd()).isTrue();
    }

    @Test
    @DisplayName("the categories are checked against the consent-category code system: an unknown one is an error")
    void categoriesAreCodesOfOurCodeSystem() {
        Consent f = RegisterTranslator.toFhir(new PatientObjection("o2", ALICE, null, ADMIN, MADE, null), NOW);
        f.getCategory().stream()
                .flatMap(c -> c.getCoding().stream())
                .filter(c -> FhirUrls.CS_CONSENT_CATEGORY.equals(c.getSystem()))
                .forEach(c -> c.setCode("NOT_A_CATEGORY"));

        assertThat(ProfileValidator.errors(f)).isNotEmpty();
    }

    private static <T extends Resource> T valid(T resource) {
        var errors = ProfileValidator.errors(resource);
        assertThat(errors).as(ProfileValidator.describe(errors)).isEmpty();
        return resource;
    }

    private static List<String> categories(Consent f) {
        return f.getCategory().stream()
                .flatMap(c -> c.getCoding().stream())
                .filter(c -> FhirUrls.CS_CONSENT_CATEGORY.equals(c.getSystem()))
                .map(c -> c.getCode())
                .toList();
    }
}
