/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.web.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.RuntimeSearchParam;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import java.util.Map;
import org.hl7.fhir.instance.model.api.IBaseConformance;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.openmrs.module.patientrecordings.fhir.FhirUrls;

/**
 * Makes the generated CapabilityStatement point at the published conformance resources: it instantiates our
 * CapabilityStatement, names our profiles and, for every operation, our OperationDefinition rather than the one HAPI
 * would make up, for every search parameter its definition (ours or the base specification's), and says that there
 * is no delete (REC-1).
 */
@Interceptor
public final class CapabilityStatementCustomizer {

    private static final Map<String, String> OPERATIONS = Map.ofEntries(
            Map.entry("withdraw", FhirUrls.OP_WITHDRAW),
            Map.entry("confirm-consent", FhirUrls.OP_CONFIRM_CONSENT),
            Map.entry("stop", FhirUrls.OP_STOP),
            Map.entry("complete", FhirUrls.OP_COMPLETE),
            Map.entry("void", FhirUrls.OP_VOID),
            Map.entry("legal-hold", FhirUrls.OP_LEGAL_HOLD),
            Map.entry("lift-legal-hold", FhirUrls.OP_LIFT_LEGAL_HOLD),
            Map.entry("disclose", FhirUrls.OP_DISCLOSE),
            Map.entry("subject-access", FhirUrls.OP_SUBJECT_ACCESS),
            Map.entry("anonymised-derivative", FhirUrls.OP_ANONYMISED_DERIVATIVE),
            Map.entry("binary-access-write", FhirUrls.OP_BINARY_ACCESS_WRITE),
            Map.entry("binary-access-read", FhirUrls.OP_BINARY_ACCESS_READ),
            Map.entry("verify-chain", FhirUrls.OP_VERIFY_CHAIN),
            Map.entry("record-death", FhirUrls.OP_RECORD_DEATH));

    /** Our own search parameters by resource type and name; every other one is the base specification's. */
    private static final Map<String, String> SEARCH_PARAMETERS = Map.of(
            "Media.kind", FhirUrls.SP_KIND,
            "Media.purpose", FhirUrls.SP_PURPOSE,
            "Media.site", FhirUrls.SP_SITE,
            "Media.area", FhirUrls.SP_AREA,
            "Media.consent-status", FhirUrls.SP_CONSENT_STATUS,
            "Media.initiator", FhirUrls.SP_INITIATOR,
            "Consent.kind", FhirUrls.SP_KIND,
            "Flag.status", FhirUrls.SP_LEGAL_HOLD_STATUS);

    private static final Map<String, String> PROFILES =
            Map.of("Media", FhirUrls.PROFILE_RECORDING_MEDIA, "Consent", FhirUrls.PROFILE_RECORDING_CONSENT);

    /** Ours, else the base specification's (HAPI knows their canonical URLs), else none. */
    private static String definition(String resourceType, String name) {
        String ours = SEARCH_PARAMETERS.get(resourceType + "." + name);
        if (ours != null) {
            return ours;
        }
        if ("_lastUpdated".equals(name)) {
            return "http://hl7.org/fhir/SearchParameter/Resource-lastUpdated";
        }
        RuntimeSearchParam base =
                FhirContext.forR4Cached().getResourceDefinition(resourceType).getSearchParam(name);
        return base == null ? null : base.getUri();
    }

    @Hook(Pointcut.SERVER_CAPABILITY_STATEMENT_GENERATED)
    public void customize(IBaseConformance generated) {
        CapabilityStatement cs = (CapabilityStatement) generated;
        cs.addInstantiates(FhirUrls.CAPABILITY_STATEMENT);
        cs.getSoftware().setName("OpenMRS Patient Recordings");
        for (var rest : cs.getRest()) {
            for (CapabilityStatementRestResourceComponent resource : rest.getResource()) {
                if (PROFILES.containsKey(resource.getType())) {
                    resource.setProfile(PROFILES.get(resource.getType()));
                }
                if ("AuditEvent".equals(resource.getType())) {
                    resource.addSupportedProfile(FhirUrls.PROFILE_AUDIT_READ)
                            .addSupportedProfile(FhirUrls.PROFILE_AUDIT_QUERY)
                            .addSupportedProfile(FhirUrls.PROFILE_AUDIT_CREATE)
                            .addSupportedProfile(FhirUrls.PROFILE_AUDIT_DISCLOSURE);
                }
                resource.getSearchParam().forEach(sp -> sp.setDefinition(definition(resource.getType(), sp.getName())));
                resource.getInteraction()
                        .removeIf(i -> i.getCode() == CapabilityStatement.TypeRestfulInteraction.DELETE);
                resource.setConditionalDelete(CapabilityStatement.ConditionalDeleteStatus.NOTSUPPORTED);
                resource.getOperation().forEach(op -> {
                    String definition = OPERATIONS.get(op.getName().replace("$", ""));
                    if (definition != null) {
                        op.setDefinition(definition);
                    }
                });
            }
            rest.getOperation().forEach(op -> {
                String definition = OPERATIONS.get(op.getName().replace("$", ""));
                if (definition != null) {
                    op.setDefinition(definition);
                }
            });
        }
    }
}
