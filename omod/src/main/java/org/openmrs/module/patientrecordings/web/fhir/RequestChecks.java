/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.web.fhir;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.util.UrlUtil;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.hl7.fhir.instance.model.api.IIdType;
import org.openmrs.module.patientrecordings.domain.Decision;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.Reason;
import org.openmrs.module.patientrecordings.domain.RuleViolationException;

/**
 * Checks what every request may carry before a provider sees it (SAF-4, OWASP ASVS V5): the paging parameters
 * {@code _count}, {@code _offset} and {@code _getpagesoffset} are whole numbers from 0 to {@value Integer#MAX_VALUE},
 * and an id or version in the path is a FHIR id (1 to 64 letters, digits, {@code -} and {@code .}). Every problem
 * is named at once, each with the parameter it is about, so that HAPI never pages from a negative offset nor writes
 * an invalid value into a next link.
 */
final class RequestChecks {

    private static final List<String> PAGING = List.of("_count", "_offset", "_getpagesoffset");
    private static final Pattern WHOLE_NUMBER = Pattern.compile("[0-9]{1,10}");
    private static final Pattern FHIR_ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");

    private RequestChecks() {}

    /**
     * @throws RuleViolationException SAF-4, one reason per invalid value
     */
    static void check(RequestDetails request) {
        List<Reason> problems = problems(request.getParameters(), request.getId());
        if (!problems.isEmpty()) {
            throw new RuleViolationException(new Decision.Denied(problems));
        }
    }

    /**
     * @param parameters the request's query parameters
     * @param id the id in the request's path, or null
     * @return one SAF-4 reason per invalid value, empty when all are valid
     */
    static List<Reason> problems(Map<String, String[]> parameters, IIdType id) {
        List<Reason> problems = new ArrayList<>();
        for (String name : PAGING) {
            for (String value : parameters.getOrDefault(name, new String[0])) {
                if (!isPageNumber(value)) {
                    problems.add(Reason.error(
                            ErrorCode.SAF_4, name + " is a whole number from 0 to " + Integer.MAX_VALUE, name));
                }
            }
        }
        if (id != null && id.hasIdPart() && !FHIR_ID.matcher(id.getIdPart()).matches()) {
            problems.add(Reason.error(ErrorCode.SAF_4, "An id has 1 to 64 letters, digits, '-' or '.'", "id"));
        }
        if (id != null
                && id.hasVersionIdPart()
                && !FHIR_ID.matcher(id.getVersionIdPart()).matches()) {
            problems.add(
                    Reason.error(ErrorCode.SAF_4, "A version id has 1 to 64 letters, digits, '-' or '.'", "_history"));
        }
        return problems;
    }

    /**
     * Query parameter names HAPI would rewrite before parsing (a quote, an angle bracket or a control character):
     * two names that become one after the rewrite made HAPI fail the request, so such a name is refused first.
     *
     * @return one SAF-4 reason per such name, empty when all are plain
     */
    static List<Reason> parameterNameProblems(Set<String> names) {
        List<Reason> problems = new ArrayList<>();
        for (String name : names) {
            if (UrlUtil.isNeedsSanitization(name)) {
                problems.add(Reason.error(
                        ErrorCode.SAF_4,
                        "A parameter name has no quote, angle bracket or control character: "
                                + name.replaceAll("\\p{Cntrl}", "?"),
                        "parameters"));
            }
        }
        return problems;
    }

    /**
     * The id a reference search parameter names; HAPI passes a parameter sent without a value ({@code ?patient}) as
     * null even when it is required.
     *
     * @throws RuleViolationException SAF-4 when the parameter names no id
     */
    static String referencedId(ReferenceParam reference, String parameter, String type) {
        if (reference == null
                || reference.getIdPart() == null
                || reference.getIdPart().isBlank()) {
            throw RuleViolationException.of(
                    ErrorCode.SAF_4,
                    parameter + " names a " + type + " by its id: " + parameter + "=" + type + "/{id}",
                    parameter);
        }
        return reference.getIdPart();
    }

    private static boolean isPageNumber(String value) {
        return value != null && WHOLE_NUMBER.matcher(value).matches() && Long.parseLong(value) <= Integer.MAX_VALUE;
    }
}
