/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.web.fhir;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import java.util.Arrays;
import java.util.List;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Parameters;
import org.openmrs.module.patientrecordings.access.AccessGuard.Subject;
import org.openmrs.module.patientrecordings.audit.AuditAction;
import org.openmrs.module.patientrecordings.audit.AuditPage;
import org.openmrs.module.patientrecordings.audit.AuditQuery;
import org.openmrs.module.patientrecordings.audit.ChainVerification;
import org.openmrs.module.patientrecordings.domain.Decision;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.Privilege;
import org.openmrs.module.patientrecordings.domain.RecordingId;
import org.openmrs.module.patientrecordings.domain.RuleViolationException;
import org.openmrs.module.patientrecordings.domain.UserId;
import org.openmrs.module.patientrecordings.fhir.AuditEventTranslator;
import org.openmrs.module.patientrecordings.policy.Privileges;

/**
 * The audit trail as AuditEvents (SAF-2), to users with VIEW_AUDIT only (SAF-3); reading it is itself audited. The id
 * of an AuditEvent is its place in the hash chain. A search answers the newest {@value AuditQuery#MAX_LIMIT} matches.
 */
public final class AuditEventProvider implements IResourceProvider {

    private final FhirServerDependencies services;
    private final AuditEventTranslator translator;

    AuditEventProvider(FhirServerDependencies services, AuditEventTranslator translator) {
        this.services = services;
        this.translator = translator;
    }

    @Override
    public Class<AuditEvent> getResourceType() {
        return AuditEvent.class;
    }

    @Read
    public AuditEvent read(@IdParam IdType id) {
        long sequence = parse(id.getIdPart());
        permit("audit entry " + sequence);
        // Sequence numbers have no gaps: entry n is the n-th, oldest first.
        AuditPage page = services.audit()
                .search(AuditQuery.all()
                        .ordered(AuditQuery.Order.OLDEST_FIRST)
                        .page((int) Math.min(Integer.MAX_VALUE, sequence - 1), 1));
        return page.entries().stream()
                .filter(e -> e.sequence() == sequence)
                .findFirst()
                .map(translator::toFhir)
                .orElseThrow(() -> RuleViolationException.of(ErrorCode.NF_1, "No audit entry " + sequence, "id"));
    }

    @Search
    public List<AuditEvent> search(
            @OptionalParam(name = AuditEvent.SP_PATIENT) ReferenceParam patient,
            @OptionalParam(name = AuditEvent.SP_ENTITY) ReferenceParam entity,
            @OptionalParam(name = AuditEvent.SP_AGENT) ReferenceParam agent,
            @OptionalParam(name = AuditEvent.SP_ACTION) TokenParam action,
            @OptionalParam(name = AuditEvent.SP_DATE) DateRangeParam date) {
        permit("audit search");
        AuditQuery query = AuditQuery.all().page(0, AuditQuery.MAX_LIMIT);
        if (patient != null) {
            query = query.forPatient(PatientId.of(RequestChecks.referencedId(patient, "patient", "Patient")));
        }
        if (entity != null) {
            query = query.forRecording(RecordingId.of(RequestChecks.referencedId(entity, "entity", "Media")));
        }
        if (agent != null) {
            query = query.byUser(UserId.of(RequestChecks.referencedId(agent, "agent", "Practitioner")));
        }
        if (date != null) {
            query = query.between(
                    date.getLowerBoundAsInstant() == null
                            ? null
                            : date.getLowerBoundAsInstant().toInstant(),
                    date.getUpperBoundAsInstant() == null
                            ? null
                            : date.getUpperBoundAsInstant().toInstant());
        }
        List<AuditEvent> events = services.audit().search(query).entries().stream()
                .map(translator::toFhir)
                .toList();
        if (action == null) {
            return events;
        }
        // The CRUDE code (R, C, U, D, E) or one of our action names (PLAY, DISCLOSE, ...).
        boolean ourName =
                Arrays.stream(AuditAction.values()).anyMatch(a -> a.name().equals(action.getValue()));
        return events.stream()
                .filter(e -> ourName
                        ? e.getEntity().stream()
                                .anyMatch(x -> x.getDescription() != null
                                        && x.getDescription().contains("action " + action.getValue()))
                        : e.getAction().toCode().equals(action.getValue()))
                .toList();
    }

    /**
     * SAF-2: checks the whole hash chain of the audit trail (every entry against the one before it and the recorded
     * head), for auditors (VIEW_AUDIT); the check is itself audited. A broken chain is answered with where it breaks
     * ({@code brokenAt}), how ({@code kind}, a {@link org.openmrs.module.patientrecordings.audit.ChainBreak}) and an
     * explanation.
     */
    @Operation(name = "$verify-chain", typeName = "AuditEvent", idempotent = true)
    public Parameters verifyChain() {
        permit("audit chain verification");
        Parameters result = new Parameters();
        ChainVerification verification = services.audit().verify();
        result.addParameter("intact", verification.intact());
        if (verification instanceof ChainVerification.Intact intact) {
            result.addParameter(
                    "entries", (int) Math.min(Integer.MAX_VALUE, intact.head().sequence()));
            result.addParameter("head", intact.head().hash());
        } else if (verification instanceof ChainVerification.Broken broken) {
            result.addParameter("brokenAt", (int) Math.min(Integer.MAX_VALUE, broken.sequence()));
            result.addParameter("kind", new CodeType(broken.kind().name()));
            result.addParameter("explanation", broken.explanation());
        }
        return result;
    }

    private void permit(String detail) {
        var actor = services.guard().actor();
        services.guard()
                .permit(
                        Decision.of(Privileges.check(actor, Privilege.VIEW_AUDIT)),
                        Subject.of(actor, AuditAction.AUDIT_READ, null, null).withDetail(detail));
    }

    private static long parse(String id) {
        try {
            long sequence = Long.parseLong(id);
            if (sequence < 1) {
                throw new NumberFormatException(id);
            }
            return sequence;
        } catch (NumberFormatException e) {
            throw RuleViolationException.of(ErrorCode.NF_1, "No audit entry " + id, "id");
        }
    }
}
