/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.web.fhir;

import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.IdType;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.RuleViolationException;
import org.openmrs.module.patientrecordings.domain.UserId;
import org.openmrs.module.patientrecordings.fhir.FhirUrls;
import org.openmrs.module.patientrecordings.fhir.RegisterTranslator;
import org.openmrs.module.patientrecordings.fhir.RegisterTranslator.Category;
import org.openmrs.module.patientrecordings.register.CovertAuthorisationEntry;
import org.openmrs.module.patientrecordings.register.PatientObjection;
import org.openmrs.module.patientrecordings.register.RegisterFilter;
import org.openmrs.module.patientrecordings.register.StaffObjection;

/**
 * The registers that are Consents, read through the register service, so with its privilege checks and audit
 * (SAF-2, SAF-3): standing objections to consent managers (CON-10), staff objections to policy managers (STF-1),
 * covert authorisations only to users with the covert privilege (COV-2). A search by others leaves covert
 * authorisations out without a trace, so neither the entries nor the Bundle's total reveal them; reading one by id
 * is refused before it is looked up.
 */
final class RegisterConsents {

    private final FhirServerDependencies services;

    RegisterConsents(FhirServerDependencies services) {
        this.services = services;
    }

    /** Whether the id is one of a register's Consents rather than a recording consent. */
    static boolean names(IdType id) {
        return Category.ofConsentId(id.getIdPart()) != Category.RECORDING;
    }

    Consent read(IdType id) {
        Category category = Category.ofConsentId(id.getIdPart());
        String entry = category.entryId(id.getIdPart());
        if (id.hasVersionIdPart() && !id.getVersionIdPart().equals("1")) {
            throw RuleViolationException.of(
                    ErrorCode.NF_1, "A register entry has one version; it is ended, never edited", "version");
        }
        Instant now = services.guard().now();
        return switch (category) {
            case STANDING_OBJECTION ->
                RegisterTranslator.toFhir(services.registers().entry(PatientObjection.class, entry), now);
            case STAFF_OBJECTION ->
                RegisterTranslator.toFhir(services.registers().entry(StaffObjection.class, entry), now);
            case COVERT_AUTHORISATION ->
                RegisterTranslator.toFhir(services.registers().entry(CovertAuthorisationEntry.class, entry), now);
            case RECORDING -> throw new IllegalArgumentException("a recording consent is not a register entry");
        };
    }

    /**
     * The categories a search asks for: recording consents when it names none.
     *
     * @throws RuleViolationException SAF-4 for a category that is not ours
     */
    static Set<Category> categories(TokenOrListParam category) {
        if (category == null) {
            return EnumSet.of(Category.RECORDING);
        }
        Set<Category> categories = EnumSet.noneOf(Category.class);
        for (TokenParam token : category.getValuesAsQueryTokens()) {
            if (token.getSystem() != null
                    && !token.getSystem().isEmpty()
                    && !token.getSystem().equals(FhirUrls.CS_CONSENT_CATEGORY)) {
                throw unknownCategory(token);
            }
            categories.add(Category.ofCode(token.getValue()).orElseThrow(() -> unknownCategory(token)));
        }
        return categories;
    }

    /** The patient's register Consents of the categories asked for; staff objections concern no patient. */
    List<Consent> forPatient(PatientId patient, Set<Category> categories, TokenOrListParam status) {
        if (noRegisterStatus(status)) {
            return List.of();
        }
        RegisterFilter filter = new RegisterFilter(patient, null, null, null, active(status), null, null, null);
        Instant now = services.guard().now();
        List<Consent> found = new ArrayList<>();
        if (categories.contains(Category.STANDING_OBJECTION)) {
            services.registers().list(PatientObjection.class, filter).stream()
                    .map(o -> RegisterTranslator.toFhir(o, now))
                    .forEach(found::add);
        }
        if (categories.contains(Category.COVERT_AUTHORISATION)
                && services.registers().maySeeCovertAuthorisations()) {
            services.registers().covertAuthorisations(filter).stream()
                    .map(e -> RegisterTranslator.toFhir(e, now))
                    .forEach(found::add);
        }
        return found;
    }

    /**
     * STF-1: the staff objections, optionally of one staff member.
     *
     * @throws RuleViolationException SAF-4 when a category other than staff objections is asked for without a
     *     patient
     */
    List<Consent> staffObjections(Set<Category> categories, ReferenceParam actor, TokenOrListParam status) {
        if (!categories.equals(EnumSet.of(Category.STAFF_OBJECTION))) {
            throw RuleViolationException.of(
                    ErrorCode.SAF_4,
                    "A Consent search needs a patient, except for category " + Category.STAFF_OBJECTION.code(),
                    "patient");
        }
        if (noRegisterStatus(status)) {
            return List.of();
        }
        UserId staff = actor == null ? null : UserId.of(actor.getIdPart());
        RegisterFilter filter = new RegisterFilter(null, staff, null, null, active(status), null, null, null);
        Instant now = services.guard().now();
        return services.registers().list(StaffObjection.class, filter).stream()
                .map(o -> RegisterTranslator.toFhir(o, now))
                .toList();
    }

    /**
     * A status search as the register's "in force" criterion.
     *
     * @return null for either (or none asked), true for active only, false for inactive only
     */
    static Boolean active(TokenOrListParam status) {
        if (status == null) {
            return null;
        }
        boolean active = ConsentProvider.matches(status, "active");
        boolean inactive = ConsentProvider.matches(status, "inactive");
        return active == inactive ? null : active;
    }

    /** Whether a status search asks for neither active nor inactive entries, which is all a register has. */
    static boolean noRegisterStatus(TokenOrListParam status) {
        return status != null
                && !ConsentProvider.matches(status, "active")
                && !ConsentProvider.matches(status, "inactive");
    }

    private static RuleViolationException unknownCategory(TokenParam token) {
        return RuleViolationException.of(
                ErrorCode.SAF_4,
                "Unknown Consent category " + token.getValue() + "; one of "
                        + Arrays.stream(Category.values()).map(Category::code).toList(),
                "category");
    }
}
