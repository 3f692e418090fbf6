/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.web.fhir;

import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.Delete;
import ca.uhn.fhir.rest.annotation.History;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.annotation.Since;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.LongStream;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.openmrs.module.patientrecordings.consent.ConsentService;
import org.openmrs.module.patientrecordings.consent.RecordingConsent;
import org.openmrs.module.patientrecordings.domain.ConsentId;
import org.openmrs.module.patientrecordings.domain.ConsentState;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.RuleViolationException;
import org.openmrs.module.patientrecordings.fhir.ConsentReader;
import org.openmrs.module.patientrecordings.fhir.ConsentTranslator;
import org.openmrs.module.patientrecordings.fhir.OperationOutcomes;
import org.openmrs.module.patientrecordings.fhir.PurposeCodes;
import org.openmrs.module.patientrecordings.fhir.RegisterTranslator.Category;

/**
 * Consent: create records a consent given (active) or withheld (rejected, CON-4), every missing CON-2/CON-3 element
 * named at once; $withdraw records a withdrawal (CON-5/6) as a new version. Every version stays readable
 * (vread, _history), because a consent's history is never edited away.
 *
 * <p>The registers that are consents are read here too, read-only ({@link RegisterConsents}): standing objections
 * (CON-10), staff objections (STF-1) and covert authorisations (COV-1), each by its own category. A search by patient
 * answers recording consents unless {@code category} names other kinds.
 */
public final class ConsentProvider implements IResourceProvider {

    private final FhirServerDependencies services;
    private final RegisterConsents registerConsents;

    ConsentProvider(FhirServerDependencies services) {
        this.services = services;
        this.registerConsents = new RegisterConsents(services);
    }

    @Override
    public Class<Consent> getResourceType() {
        return Consent.class;
    }

    @Create
    public MethodOutcome create(@ResourceParam Consent consent) {
        ConsentReader.Decision decision = ConsentReader.toCommand(consent);
        ConsentService.Decided decided = decision.decision() == ConsentState.GIVEN
                ? services.consents().give(decision.command())
                : services.consents().withhold(decision.command());
        Consent created = ConsentTranslator.toFhir(decided.consent());
        MethodOutcome outcome = new MethodOutcome(created.getIdElement(), true).setResource(created);
        if (!decided.warnings().isEmpty()) {
            outcome.setOperationOutcome(OperationOutcomes.of(decided.warnings()));
        }
        return outcome;
    }

    /**
     * REC-1: a consent decision is an entry of the patient's record, never deleted: 405 with REC-1 (NF-1 404 for an
     * unknown consent). A consent given is withdrawn with $withdraw; a new decision supersedes an earlier one.
     */
    @Delete
    public MethodOutcome delete(@IdParam IdType id) {
        if (!RegisterConsents.names(id)) {
            services.consents().delete(ConsentId.of(id.getIdPart()));
        }
        throw RuleViolationException.of(ErrorCode.REC_1, "A consent decision cannot be deleted", "id");
    }

    @Read(version = true)
    public Consent read(@IdParam IdType id) {
        if (RegisterConsents.names(id)) {
            return registerConsents.read(id);
        }
        RecordingConsent consent = services.consents().read(ConsentId.of(id.getIdPart()));
        return ConsentTranslator.toFhir(
                id.hasVersionIdPart() ? ConsentTranslator.asOfVersion(consent, versionOf(id)) : consent);
    }

    /**
     * Every version, newest first, paged by {@code _count} and {@code _offset}; {@code _since} keeps those last
     * changed at or after an instant.
     */
    @History
    public IBundleProvider history(
            @IdParam IdType id, @Since InstantType since, @Offset Integer offset, @Count Integer count) {
        RecordingConsent consent = services.consents().read(ConsentId.of(id.getIdPart()));
        return HistoryPages.page(
                LongStream.iterate(consent.version(), v -> v >= 1, v -> v - 1)
                        .mapToObj(v -> ConsentTranslator.asOfVersion(consent, v))
                        .filter(c -> since == null
                                || since.getValue() == null
                                || !Date.from(ConsentTranslator.lastUpdated(c)).before(since.getValue()))
                        .map(ConsentTranslator::toFhir)
                        .toList(),
                offset,
                count);
    }

    @Search
    public List<Consent> search(
            @RequiredParam(name = Consent.SP_PATIENT) ReferenceParam patient,
            @OptionalParam(name = Consent.SP_STATUS) TokenOrListParam status,
            @OptionalParam(name = Consent.SP_PURPOSE) TokenOrListParam purpose,
            @OptionalParam(name = "kind") TokenOrListParam kind,
            @OptionalParam(name = Consent.SP_CATEGORY) TokenOrListParam category,
            @OptionalParam(name = "_lastUpdated") DateRangeParam lastUpdated) {
        Set<Category> categories = RegisterConsents.categories(category);
        PatientId patientId = PatientId.of(RequestChecks.referencedId(patient, "patient", "Patient"));
        List<Consent> found = new ArrayList<>();
        if (categories.contains(Category.RECORDING)) {
            found.addAll(recordingConsents(patientId, status, purpose, kind));
        }
        if (purpose == null && kind == null) {
            found.addAll(registerConsents.forPatient(patientId, categories, status));
        }
        return lastUpdated == null
                ? found
                : found.stream()
                        .filter(c -> c.getMeta().getLastUpdated() != null
                                && MediaSearch.within(lastUpdated, c.getMeta().getLastUpdated()))
                        .toList();
    }

    /**
     * STF-1: staff objections, which concern no patient: {@code category=STAFF_OBJECTION}, optionally narrowed to
     * one staff member ({@code actor=Practitioner/...}) and by status.
     */
    @Search
    public List<Consent> searchStaffObjections(
            @RequiredParam(name = Consent.SP_CATEGORY) TokenOrListParam category,
            @OptionalParam(name = Consent.SP_ACTOR) ReferenceParam actor,
            @OptionalParam(name = Consent.SP_STATUS) TokenOrListParam status) {
        return registerConsents.staffObjections(RegisterConsents.categories(category), actor, status);
    }

    private List<Consent> recordingConsents(
            PatientId patient, TokenOrListParam status, TokenOrListParam purpose, TokenOrListParam kind) {
        return services.consents().forPatient(patient).stream()
                .filter(c -> status == null
                        || matches(
                                status, ConsentTranslator.toFhir(c).getStatus().toCode()))
                .filter(c -> purpose == null
                        || c.terms().purposes().stream()
                                .anyMatch(p -> matches(
                                                purpose,
                                                PurposeCodes.toCoding(p).getCode())
                                        || matches(purpose, p.code())))
                .filter(c -> kind == null || c.terms().kinds().stream().anyMatch(k -> matches(kind, k.name())))
                .map(ConsentTranslator::toFhir)
                .toList();
    }

    /**
     * CON-5, CON-6: the withdrawal takes effect now, on the server's clock: a recording in progress under the
     * consent stops at once and is sealed. A client-supplied instant is refused, because nothing captured after the
     * real instant may be kept.
     */
    @Operation(name = "$withdraw", typeName = "Consent")
    public Consent withdraw(
            @IdParam IdType id,
            @OperationParam(name = "at") DateTimeType at,
            @OperationParam(name = "duringRecording") Reference duringRecording,
            @OperationParam(name = "comment") StringType comment) {
        if (at != null && at.hasValue()) {
            throw RuleViolationException.of(
                    ErrorCode.SAF_4, "A withdrawal takes effect when it is recorded; leave out 'at'", "at");
        }
        ConsentService.Withdrawn withdrawn =
                services.consents().withdraw(ConsentId.of(id.getIdPart()), comment == null ? null : comment.getValue());
        return ConsentTranslator.toFhir(withdrawn.consent());
    }

    private static long versionOf(IdType id) {
        try {
            return Long.parseLong(id.getVersionIdPart());
        } catch (NumberFormatException e) {
            throw RuleViolationException.of(ErrorCode.NF_1, "No version " + id.getVersionIdPart(), "version");
        }
    }

    static boolean matches(TokenOrListParam tokens, String value) {
        return tokens.getValuesAsQueryTokens().stream()
                .anyMatch(t -> t.getValue() != null
                        && t.getValue().toLowerCase(Locale.ROOT).equals(value.toLowerCase(Locale.ROOT)));
    }
}
