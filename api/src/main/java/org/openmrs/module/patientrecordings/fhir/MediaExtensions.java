/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.fhir;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Set;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Media;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.openmrs.module.patientrecordings.domain.ConsentId;
import org.openmrs.module.patientrecordings.domain.Initiator;
import org.openmrs.module.patientrecordings.domain.Purpose;
import org.openmrs.module.patientrecordings.domain.RecordingId;
import org.openmrs.module.patientrecordings.domain.RecordingMode;
import org.openmrs.module.patientrecordings.domain.SiteId;
import org.openmrs.module.patientrecordings.recording.Recording;

/**
 * The recording-media profile's extensions that come from the recording itself: initiator, mode, purposes, defence
 * reason (CON-11), site, area (PAT-3) and policy version (POL-2), governing consent and consent status, retention (REC-2), third
 * parties (STF-2) and derivation (SEC-3).
 */
final class MediaExtensions {

    private MediaExtensions() {}

    static void write(Recording r, MediaContext context, Media m) {
        m.addExtension(
                FhirUrls.EXT_INITIATOR,
                Refs.coding(FhirUrls.CS_INITIATOR, r.initiator().name()));
        m.addExtension(FhirUrls.EXT_MODE, Refs.coding(FhirUrls.CS_MODE, r.mode().name()));
        r.purposes().stream()
                .sorted(Comparator.comparing(Purpose::code))
                .forEach(p -> m.addExtension(FhirUrls.EXT_PURPOSE, PurposeCodes.toConcept(p)));
        if (r.defenceReason() != null) {
            m.addExtension(FhirUrls.EXT_DEFENCE_REASON, new StringType(r.defenceReason()));
        }
        m.addExtension(Hl7Systems.EXT_EVENT_LOCATION, Refs.to("Location", r.site()));
        if (r.areaCode() != null) {
            m.addExtension(FhirUrls.EXT_AREA, new CodeType(r.areaCode()));
        }
        m.addExtension(FhirUrls.EXT_SITE_POLICY_VERSION, new StringType(Integer.toString(r.policyVersion())));
        if (r.defaultPolicy()) {
            m.addExtension(FhirUrls.EXT_SITE_POLICY_DEFAULT, new BooleanType(true));
        }
        MediaConsentStatus status = MediaConsentStatus.of(r, context.governingConsentState());
        m.addExtension(FhirUrls.EXT_CONSENT_STATUS, Refs.coding(FhirUrls.CS_MEDIA_CONSENT_STATUS, status.name()));
        if (r.consent() != null) {
            m.addExtension(FhirUrls.EXT_GOVERNING_CONSENT, Refs.to("Consent", r.consent()));
        }
        if (r.retentionUntil() != null) {
            m.addExtension(
                    FhirUrls.EXT_RETENTION_UNTIL,
                    new DateType(r.retentionUntil().toString()));
        }
        r.thirdParties().forEach(p -> CapturedParties.write(p, m));
        if (r.derivativeOf() != null) {
            m.addExtension(FhirUrls.EXT_DERIVATIVE_OF, Refs.to("Media", r.derivativeOf()));
        }
    }

    /** Reads the extensions into the builder; returns the consent status shown. */
    static String read(Media m, Recording.Builder b) {
        b.initiator(Refs.enumOf(
                Refs.value(m, FhirUrls.EXT_INITIATOR, Coding.class, "Media.extension:initiator")
                        .orElse(null),
                FhirUrls.CS_INITIATOR,
                Initiator::valueOf,
                "Media.extension:initiator"));
        b.mode(Refs.value(m, FhirUrls.EXT_MODE, Coding.class, "Media.extension:mode")
                .map(c -> Refs.enumOf(c, FhirUrls.CS_MODE, RecordingMode::valueOf, "Media.extension:mode"))
                .orElse(RecordingMode.OVERT));
        b.purposes(purposes(m));
        b.defenceReason(Refs.value(m, FhirUrls.EXT_DEFENCE_REASON, StringType.class, "Media.extension:defenceReason")
                .map(StringType::getValue)
                .orElse(null));
        b.site(SiteId.of(Refs.idOf(
                Refs.value(m, Hl7Systems.EXT_EVENT_LOCATION, Reference.class, "Media.extension:site")
                        .orElse(null),
                "Location",
                "Media.extension:site")));
        b.areaCode(Refs.value(m, FhirUrls.EXT_AREA, CodeType.class, "Media.extension:area")
                .map(CodeType::getValue)
                .orElse(null));
        Refs.value(m, FhirUrls.EXT_SITE_POLICY_VERSION, StringType.class, "Media.extension:sitePolicyVersion")
                .ifPresent(v -> b.policyVersion(policyVersion(v.getValue())));
        b.defaultPolicy(
                Refs.value(m, FhirUrls.EXT_SITE_POLICY_DEFAULT, BooleanType.class, "Media.extension:sitePolicyDefault")
                        .map(BooleanType::booleanValue)
                        .orElse(false));
        Refs.value(m, FhirUrls.EXT_GOVERNING_CONSENT, Reference.class, "Media.extension:governingConsent")
                .flatMap(ref -> Refs.idIfAny(ref, "Consent", "Media.extension:governingConsent"))
                .ifPresent(id -> b.consent(ConsentId.of(id)));
        Refs.value(m, FhirUrls.EXT_RETENTION_UNTIL, DateType.class, "Media.extension:retentionUntil")
                .ifPresent(d -> b.retentionUntil(retentionUntil(d)));
        b.thirdParties(CapturedParties.read(m));
        Refs.value(m, FhirUrls.EXT_DERIVATIVE_OF, Reference.class, "Media.extension:derivativeOf")
                .flatMap(ref -> Refs.idIfAny(ref, "Media", "Media.extension:derivativeOf"))
                .ifPresent(id -> b.derivativeOf(RecordingId.of(id)));
        return Refs.value(m, FhirUrls.EXT_CONSENT_STATUS, Coding.class, "Media.extension:consentStatus")
                .map(Coding::getCode)
                .orElse(null);
    }

    static Set<Purpose> purposes(Media m) {
        Set<Purpose> purposes = new LinkedHashSet<>();
        for (Extension e : m.getExtensionsByUrl(FhirUrls.EXT_PURPOSE)) {
            if (!(e.getValue() instanceof CodeableConcept concept)) {
                throw Refs.invalid("Media.extension:purpose", "a purpose is a CodeableConcept");
            }
            purposes.add(PurposeCodes.fromConcept(concept, "Media.extension:purpose"));
        }
        if (purposes.isEmpty()) {
            throw Refs.invalid("Media.extension:purpose", "a recording names at least one purpose");
        }
        return purposes;
    }

    /** A day: FHIR allows a date of a year or a month only, which says no day retention ends. */
    private static LocalDate retentionUntil(DateType date) {
        if (date.getPrecision() != TemporalPrecisionEnum.DAY) {
            throw Refs.invalid(
                    "Media.extension:retentionUntil",
                    "retention ends on a day (YYYY-MM-DD), not " + date.asStringValue());
        }
        return LocalDate.of(date.getYear(), date.getMonth() + 1, date.getDay());
    }

    private static int policyVersion(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw Refs.invalid("Media.extension:sitePolicyVersion", "not a policy version: " + value);
        }
    }
}
