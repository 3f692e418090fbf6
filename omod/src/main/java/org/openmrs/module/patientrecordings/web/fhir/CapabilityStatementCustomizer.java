/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.web.fhir;

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
 * would make up, and says that there is no delete (REC-1).
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
            Map.entry("verify-chain", FhirUrls.OP_VERIFY_CHAIN));

    private static final Map<String, String> PROFILES =
            Map.of("Media", FhirUrls.PROFILE_RECORDING_MEDIA, "Consent", FhirUrls.PROFILE_RECORDING_CONSENT);

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
