/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.web.fhir;

import ca.uhn.fhir.rest.api.SortOrderEnum;
import ca.uhn.fhir.rest.api.SortSpec;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Media;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.Purpose;
import org.openmrs.module.patientrecordings.domain.RuleViolationException;
import org.openmrs.module.patientrecordings.fhir.FhirUrls;
import org.openmrs.module.patientrecordings.fhir.PurposeCodes;
import org.openmrs.module.patientrecordings.recording.Recording;

/**
 * The Media search parameters other than the patient, applied to the patient's recordings the service returned:
 * encounter, status, type, kind, created, site, area, purpose, consent-status, initiator, _lastUpdated; and {@code _sort} by
 * created or _lastUpdated.
 * Status and consent-status are matched on the rendered Media, because they are FHIR's view of our lifecycle.
 *
 * @param encounter or null
 * @param status or null
 * @param type or null
 * @param kind or null
 * @param created or null
 * @param site or null
 * @param area or null: the area of the site (PAT-3), by its code
 * @param purpose or null
 * @param consentStatus or null
 * @param initiator or null
 * @param lastUpdated or null: when the recording was last saved, to the millisecond Media.meta.lastUpdated shows
 */
record MediaSearch(
        ReferenceParam encounter,
        TokenOrListParam status,
        TokenOrListParam type,
        TokenOrListParam kind,
        DateRangeParam created,
        ReferenceParam site,
        TokenOrListParam area,
        TokenOrListParam purpose,
        TokenOrListParam consentStatus,
        TokenOrListParam initiator,
        DateRangeParam lastUpdated) {

    Predicate<Recording> onRecording() {
        return r -> (encounter == null
                        || (r.encounter() != null && r.encounter().value().equals(encounter.getIdPart())))
                && (site == null || r.site().value().equals(site.getIdPart()))
                && (area == null || (r.areaCode() != null && any(area, r.areaCode())))
                && (type == null || any(type, r.mediaType().name()))
                && (kind == null || any(kind, r.kind().name()))
                && (initiator == null || any(initiator, r.initiator().name()))
                && (purpose == null || r.purposes().stream().anyMatch(this::purposeMatches))
                && (created == null || within(created, Date.from(r.startedAt())))
                && (lastUpdated == null || within(lastUpdated, Date.from(r.lastUpdated())));
    }

    /** Whether a criterion is matched on the rendered Media ({@link #onMedia()}), so every hit must be rendered. */
    boolean needsMedia() {
        return status != null || consentStatus != null;
    }

    Predicate<Media> onMedia() {
        return m -> (status == null || any(status, m.getStatus().toCode()))
                && (consentStatus == null
                        || any(
                                consentStatus,
                                ((Coding) m.getExtensionByUrl(FhirUrls.EXT_CONSENT_STATUS)
                                                .getValue())
                                        .getCode()));
    }

    /**
     * Sorts by created or by _lastUpdated, oldest first unless descending; otherwise keeps the order.
     *
     * @throws RuleViolationException SAF-4 for any other sort
     */
    static Comparator<Recording> order(SortSpec sort) {
        if (sort == null) {
            return (a, b) -> 0;
        }
        if (sort.getChain() != null) {
            throw RuleViolationException.of(ErrorCode.SAF_4, "Sort by one parameter", "_sort");
        }
        Comparator<Recording> by = switch (sort.getParamName()) {
            case "created" -> Comparator.comparing(Recording::startedAt);
            case "_lastUpdated" -> Comparator.comparing(Recording::lastUpdated);
            default ->
                throw RuleViolationException.of(
                        ErrorCode.SAF_4,
                        "Media can be sorted by created or _lastUpdated, not " + sort.getParamName(),
                        "_sort");
        };
        return sort.getOrder() == SortOrderEnum.DESC ? by.reversed() : by;
    }

    /** Whether an instant, to the millisecond, is in a date range (inclusive bounds, as HAPI computes them). */
    static boolean within(DateRangeParam range, Date date) {
        Date lower = range.getLowerBoundAsInstant();
        Date upper = range.getUpperBoundAsInstant();
        return (lower == null || !date.before(lower)) && (upper == null || !date.after(upper));
    }

    private boolean purposeMatches(Purpose p) {
        String code = PurposeCodes.toCoding(p).getCode();
        return purpose.getValuesAsQueryTokens().stream()
                .anyMatch(
                        t -> t.getValue().equalsIgnoreCase(code) || t.getValue().equalsIgnoreCase(p.code()));
    }

    private static boolean any(TokenOrListParam tokens, String value) {
        List<TokenParam> list = tokens.getValuesAsQueryTokens();
        return list.stream()
                .anyMatch(t -> t.getValue() != null
                        && t.getValue().toLowerCase(Locale.ROOT).equals(value.toLowerCase(Locale.ROOT)));
    }
}
