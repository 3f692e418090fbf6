/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.fhir;

import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.Objects;
import java.util.Optional;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Consent.ConsentProvisionType;
import org.hl7.fhir.r4.model.Consent.ConsentState;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.openmrs.module.patientrecordings.policy.CovertAuthorisation;
import org.openmrs.module.patientrecordings.register.CovertAuthorisationEntry;
import org.openmrs.module.patientrecordings.register.LegalHold;
import org.openmrs.module.patientrecordings.register.PatientObjection;
import org.openmrs.module.patientrecordings.register.RegisterEntry;
import org.openmrs.module.patientrecordings.register.StaffObjection;

/**
 * The registers FHIR has a concept for, as FHIR R4 resources (read-only: entries are made and ended through the
 * administration API). A patient's standing objection (CON-10), a staff member's objection (STF-1) and a covert
 * recording authorisation (COV-1) are {@code Consent}s, each with its own category of the consent-category code
 * system and an id prefixed with its register ({@link Category}); a legal hold (REC-5) is a {@code Flag}. An entry in
 * force is {@code active}, an ended one {@code inactive}, and its period runs from when it was made to when it
 * ended.
 *
 * <p>A staff objection is not about a patient, so its Consent has no patient and its scope is the staff member's
 * privacy (text, since HL7's consent scopes are all the patient's); the staff member is its performer and the actor
 * its provision denies. A covert authorisation is the authorising body's, not the patient's: the body is its
 * performer, the legal basis its policy rule, the justification its provision's purpose and the validity its
 * provision's period.
 */
public final class RegisterTranslator {

    /** The Consent categories of the registers, their code in the consent-category code system and id prefix. */
    public enum Category {
        /** The recording consents of {@link ConsentTranslator}; their ids carry no prefix. */
        RECORDING("RECORDING", ""),
        /** CON-10. */
        STANDING_OBJECTION("STANDING_OBJECTION", "standing-objection-"),
        /** STF-1. */
        STAFF_OBJECTION("STAFF_OBJECTION", "staff-objection-"),
        /** COV-1; seen only with the covert privilege (COV-2). */
        COVERT_AUTHORISATION("COVERT_AUTHORISATION", "covert-authorisation-");

        private final String code;
        private final String prefix;

        Category(String code, String prefix) {
            this.code = code;
            this.prefix = prefix;
        }

        public String code() {
            return code;
        }

        /** The Consent id of the register entry {@code entryId}. */
        public String consentId(String entryId) {
            return prefix + entryId;
        }

        /** The category of a code, ignoring case; empty for any other code. */
        public static Optional<Category> ofCode(String code) {
            return Arrays.stream(values())
                    .filter(c -> c.code.equalsIgnoreCase(code == null ? "" : code.trim()))
                    .findFirst();
        }

        /** The register category a Consent id names, by its prefix; RECORDING for an id without one. */
        public static Category ofConsentId(String id) {
            return Arrays.stream(values())
                    .filter(c -> !c.prefix.isEmpty() && id.startsWith(c.prefix))
                    .findFirst()
                    .orElse(RECORDING);
        }

        /** The register entry id within a Consent id of this category. */
        public String entryId(String consentId) {
            return consentId.substring(prefix.length());
        }
    }

    /** The FHIR flag-category code system. */
    static final String FLAG_CATEGORY = "http://terminology.hl7.org/CodeSystem/flag-category";

    private RegisterTranslator() {}

    /** CON-10: a standing objection as a Consent denying every recording of the patient. */
    public static Consent toFhir(PatientObjection o, Instant now) {
        Consent f = base(Category.STANDING_OBJECTION, o, o.recordedAt(), now);
        f.setScope(new CodeableConcept(Refs.coding(Hl7Systems.CONSENT_SCOPE, "patient-privacy")));
        f.getCategory().add(0, new CodeableConcept(Refs.coding(Hl7Systems.LOINC, "59284-0")));
        f.setPatient(Refs.to("Patient", o.patient()));
        f.addPerformer(Refs.to("Patient", o.patient()));
        f.getProvision().setType(ConsentProvisionType.DENY);
        return f;
    }

    /** STF-1: a staff member's objection as a Consent denying recordings they take part in. */
    public static Consent toFhir(StaffObjection o, Instant now) {
        Consent f = base(Category.STAFF_OBJECTION, o, o.recordedAt(), now);
        f.setScope(new CodeableConcept().setText("Staff privacy: a staff member declines to be recorded (STF-1)"));
        f.addPerformer(Refs.to("Practitioner", o.staff()));
        f.getProvision().setType(ConsentProvisionType.DENY);
        f.getProvision()
                .addActor()
                .setRole(new CodeableConcept(Refs.coding(Hl7Systems.PARTICIPATION_TYPE, "PRF")))
                .setReference(Refs.to("Practitioner", o.staff()));
        return f;
    }

    /** COV-1: a covert recording authorisation as a Consent the authorising body gave, for its validity. */
    public static Consent toFhir(CovertAuthorisationEntry e, Instant now) {
        CovertAuthorisation a = e.authorisation();
        Consent f = base(Category.COVERT_AUTHORISATION, e, e.recordedAt(), now);
        f.setScope(new CodeableConcept(Refs.coding(Hl7Systems.CONSENT_SCOPE, "patient-privacy")));
        f.setPatient(Refs.to("Patient", a.patient()));
        f.addPerformer(new Reference().setDisplay(a.authorisingBody()));
        if (a.reference() != null) {
            f.addIdentifier(new Identifier().setValue(a.reference()));
        }
        if (a.legalBasis() != null) {
            f.setPolicyRule(CovertExtension.legalBasis(a.legalBasis()));
        }
        Consent.ProvisionComponent p = f.getProvision();
        p.setType(ConsentProvisionType.PERMIT);
        p.setPeriod(new Period()
                .setStartElement(a.validFrom() == null ? null : Times.dateTime(a.validFrom()))
                .setEndElement(a.validUntil() == null ? null : Times.dateTime(a.validUntil())));
        if (a.justification() != null) {
            p.addPurpose(
                    Refs.coding(FhirUrls.CS_COVERT_JUSTIFICATION, CovertExtension.justification(a.justification())));
        }
        return f;
    }

    /** REC-5: a legal hold as a Flag on the patient. */
    public static Flag toFhir(LegalHold h, Instant now) {
        Flag f = new Flag();
        f.setId(h.id());
        f.addIdentifier(new Identifier().setValue(h.reference()));
        f.setStatus(h.activeAt(now) ? Flag.FlagStatus.ACTIVE : Flag.FlagStatus.INACTIVE);
        f.addCategory(new CodeableConcept(Refs.coding(FLAG_CATEGORY, "admin")));
        f.setCode(new CodeableConcept(
                        Refs.coding(FhirUrls.CS_LEGAL_MATTER, MediaRegisterExtensions.matterCode(h.basis())))
                .setText("Legal hold " + h.reference() + ": recordings may not be disposed of (REC-5)"));
        f.setSubject(Refs.to("Patient", h.patient()));
        f.setPeriod(period(h.placedAt(), h.endedAt()));
        f.setAuthor(Refs.to("Practitioner", h.placedBy()));
        f.getMeta().setLastUpdated(Date.from(lastChange(h, h.placedAt(), now)));
        return f;
    }

    private static Consent base(Category category, RegisterEntry entry, Instant madeAt, Instant now) {
        Objects.requireNonNull(now, "now");
        Consent f = new Consent();
        f.setId(category.consentId(entry.id()));
        f.setStatus(entry.activeAt(now) ? ConsentState.ACTIVE : ConsentState.INACTIVE);
        f.addCategory(new CodeableConcept(Refs.coding(FhirUrls.CS_CONSENT_CATEGORY, category.code())));
        f.setDateTimeElement(Times.dateTime(madeAt));
        f.addPolicy().setUri(ConsentTranslator.GUIDANCE);
        f.getProvision().setPeriod(period(madeAt, entry.endedAt()));
        f.getMeta().setLastUpdated(Date.from(lastChange(entry, madeAt, now)));
        return f;
    }

    /**
     * When an entry last changed, as far as the register knows: when it ended, or, while it is in force (an end
     * dated after now included), when it was made.
     */
    private static Instant lastChange(RegisterEntry entry, Instant madeAt, Instant now) {
        Instant ended = entry.endedAt();
        return ended != null && !ended.isAfter(now) ? ended : madeAt;
    }

    private static Period period(Instant start, Instant end) {
        Period period = new Period().setStartElement(Times.dateTime(start));
        return end == null ? period : period.setEndElement(Times.dateTime(end));
    }
}
