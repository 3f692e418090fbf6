/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.fhir;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Consent.ConsentProvisionType;
import org.hl7.fhir.r4.model.Consent.ConsentState;
import org.hl7.fhir.r4.model.Reference;
import org.openmrs.module.patientrecordings.consent.ConsentEvent;
import org.openmrs.module.patientrecordings.consent.ConsentEventType;
import org.openmrs.module.patientrecordings.consent.RecordingConsent;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.Purpose;
import org.openmrs.module.patientrecordings.domain.RecordingId;
import org.openmrs.module.patientrecordings.domain.RuleViolationException;

/**
 * RecordingConsent → recording-consent profile: given is active, withheld rejected (CON-4), withdrawn inactive
 * (CON-5/6); what the patient was told (CON-2) and the attestation (CON-3) as the profiled extensions; the decision
 * history as post-recording confirmations (CON-7) and the withdrawal. Each stored version of a consent is its history
 * up to that decision, so older versions are exact ({@link #asOfVersion}). The reverse direction is
 * {@link ConsentReader}.
 */
public final class ConsentTranslator {

    /** The professional guidance a recording consent follows: the GMC's on visual and audio recordings. */
    static final String GUIDANCE = "https://www.gmc-uk.org/professional-standards/the-professional-standards/"
            + "making-and-using-visual-and-audio-recordings-of-patients";

    private ConsentTranslator() {}

    public static Consent toFhir(RecordingConsent c) {
        Consent f = new Consent();
        f.setId(c.id().value());
        f.getMeta()
                .setVersionId(c.version() > 0 ? Long.toString(c.version()) : null)
                .addProfile(FhirUrls.PROFILE_RECORDING_CONSENT);
        // Every change of a consent is a decision in its history: the latest one is its last change.
        f.getMeta().setLastUpdatedElement(Times.instant(lastUpdated(c)));
        ConsentExtensions.write(c, f);
        f.setStatus(status(c.state()));
        f.setScope(new CodeableConcept(Refs.coding(Hl7Systems.CONSENT_SCOPE, "patient-privacy")));
        f.addCategory(new CodeableConcept(Refs.coding(Hl7Systems.LOINC, "59284-0")));
        f.addCategory(new CodeableConcept(Refs.coding(FhirUrls.CS_CONSENT_CATEGORY, "RECORDING")));
        f.setPatient(Refs.to("Patient", c.patient()));
        f.setDateTimeElement(Times.dateTime(c.history().get(0).at()));
        // CON-12: who decided (the clinician who recorded it is in the history extensions).
        ConsentGivers.write(c, f);
        f.addPolicy().setUri(GUIDANCE);
        Consent.ProvisionComponent p = f.getProvision();
        // The provision is the decision as made; a later withdrawal or successor changes the status only.
        p.setType(c.decision() == ConsentEventType.WITHHELD ? ConsentProvisionType.DENY : ConsentProvisionType.PERMIT);
        p.addExtension(Hl7Systems.EXT_CONSENT_LOCATION, Refs.to("Location", c.site()));
        for (String audience : c.terms().audience()) {
            p.addActor()
                    .setRole(new CodeableConcept(Refs.coding(Hl7Systems.PARTICIPATION_TYPE, "IRCP")))
                    .setReference(new Reference().setDisplay(audience));
        }
        c.terms().purposes().stream()
                .sorted(Comparator.comparing(Purpose::code))
                .map(PurposeCodes::toCoding)
                .forEach(p::addPurpose);
        c.terms().kinds().stream()
                .sorted()
                .forEach(k -> p.addCode(new CodeableConcept(Refs.coding(FhirUrls.CS_RECORDING_KIND, k.name()))));
        recordings(c)
                .forEach(id -> p.addData()
                        .setMeaning(Consent.ConsentDataMeaning.INSTANCE)
                        .setReference(Refs.to("Media", id)));
        return f;
    }

    /**
     * The consent as it stood at a stored version: every save appends exactly one decision, so version n holds the
     * first n decisions.
     *
     * @return the consent at that version
     * @throws org.openmrs.module.patientrecordings.domain.RuleViolationException NF-1 when there is no such version
     */
    public static RecordingConsent asOfVersion(RecordingConsent c, long version) {
        if (version < 1 || version > c.version() || version > c.history().size()) {
            throw RuleViolationException.of(
                    ErrorCode.NF_1, "Consent " + c.id() + " has no version " + version, "version");
        }
        int events = c.history().size() - (int) (c.version() - version);
        return new RecordingConsent(
                c.id(),
                c.patient(),
                c.encounter(),
                c.site(),
                c.terms(),
                c.attestation(),
                c.giver(),
                c.history().subList(0, events),
                version);
    }

    /** When the consent last changed: the time of its latest decision. */
    public static Instant lastUpdated(RecordingConsent c) {
        return c.history().stream()
                .map(ConsentEvent::at)
                .max(Comparator.naturalOrder())
                .orElseThrow();
    }

    static ConsentState status(org.openmrs.module.patientrecordings.domain.ConsentState state) {
        return switch (state) {
            case GIVEN -> ConsentState.ACTIVE;
            case WITHHELD -> ConsentState.REJECTED;
            case WITHDRAWN, SUPERSEDED -> ConsentState.INACTIVE;
        };
    }

    private static List<RecordingId> recordings(RecordingConsent c) {
        return c.history().stream()
                .map(ConsentEvent::recording)
                .filter(Objects::nonNull)
                .distinct()
                .toList();
    }
}
