/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.fhir;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Media;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.UserId;
import org.openmrs.module.patientrecordings.policy.CovertAuthorisation;
import org.openmrs.module.patientrecordings.policy.CovertAuthorisation.CovertJustification;

/** The covert-authorisation extension (COV-1): who authorised it, on what basis, why and for which period. */
final class CovertExtension {

    private CovertExtension() {}

    static Extension write(MediaContext.Covert covert) {
        CovertAuthorisation a = covert.authorisation();
        Extension e = new Extension(FhirUrls.EXT_COVERT_AUTHORISATION);
        e.addExtension("authorisingBody", new StringType(a.authorisingBody()));
        e.addExtension("reference", new StringType(a.reference()));
        e.addExtension("legalBasis", legalBasis(a.legalBasis()));
        e.addExtension(
                "justification", Refs.coding(FhirUrls.CS_COVERT_JUSTIFICATION, justification(a.justification())));
        e.addExtension(
                "period",
                new Period()
                        .setStartElement(Times.dateTime(a.validFrom()))
                        .setEndElement(Times.dateTime(a.validUntil())));
        e.addExtension("recordedBy", Refs.to("Practitioner", covert.recordedBy()));
        return e;
    }

    /** The authorisation a Media shows, or null. The patient is the Media's subject. */
    static MediaContext.Covert read(Media m) {
        Extension e = Refs.extension(m, FhirUrls.EXT_COVERT_AUTHORISATION, "Media.extension:covertAuthorisation");
        if (e == null) {
            return null;
        }
        Period period = Refs.part(e, "period", Period.class).orElse(new Period());
        CodeableConcept basis =
                Refs.part(e, "legalBasis", CodeableConcept.class).orElse(new CodeableConcept());
        CovertAuthorisation authorisation = new CovertAuthorisation(
                PatientId.of(Refs.idOf(m.getSubject(), "Patient", "Media.subject")),
                Refs.part(e, "authorisingBody", StringType.class)
                        .map(StringType::getValue)
                        .orElse(null),
                Refs.part(e, "reference", StringType.class)
                        .map(StringType::getValue)
                        .orElse(null),
                basis.hasCoding() ? basis.getCodingFirstRep().getCode() : basis.getText(),
                Refs.part(e, "justification", Coding.class)
                        .map(c -> "SERIOUS_CRIME".equals(c.getCode())
                                ? CovertJustification.INVESTIGATE_SERIOUS_CRIME
                                : CovertJustification.PROTECT_FROM_SERIOUS_HARM)
                        .orElse(null),
                true,
                period.hasStart() ? period.getStart().toInstant() : null,
                period.hasEnd() ? period.getEnd().toInstant() : null,
                false);
        UserId recordedBy = Refs.part(e, "recordedBy", Reference.class)
                .flatMap(ref -> Refs.idIfAny(ref, "Practitioner", "Media.extension:covertAuthorisation.recordedBy"))
                .map(UserId::of)
                .orElse(null);
        return new MediaContext.Covert(authorisation, recordedBy);
    }

    /** A coded basis where the text is one of our codes; the site's own wording otherwise (extensible binding). */
    static CodeableConcept legalBasis(String basis) {
        if ("RIPA_2000".equals(basis) || "RIPSA_2000".equals(basis)) {
            return new CodeableConcept(Refs.coding(FhirUrls.CS_COVERT_LEGAL_BASIS, basis));
        }
        return new CodeableConcept().setText(basis);
    }

    static String justification(CovertJustification j) {
        return j == CovertJustification.INVESTIGATE_SERIOUS_CRIME ? "SERIOUS_CRIME" : "SERIOUS_HARM";
    }
}
