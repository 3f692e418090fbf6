/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.fhir;

/**
 * Every canonical URL this module publishes, in one place. The same URLs appear in the FHIR package built by
 * {@code fhir-profiles}; a test there proves that each constant names a resource of the package and that each
 * canonical resource of the package is a constant here. Standard FHIR URLs (core extensions, HL7 terminology) are
 * not listed: they are not ours to publish.
 */
public final class FhirUrls {

    /** The canonical base: every URL below starts with it. */
    public static final String BASE = "https://fhir.openmrs.org/patientrecordings";

    private static final String SD = BASE + "/StructureDefinition/";
    private static final String CS = BASE + "/CodeSystem/";
    private static final String VS = BASE + "/ValueSet/";
    private static final String SP = BASE + "/SearchParameter/";
    private static final String OD = BASE + "/OperationDefinition/";

    // Resource profiles
    public static final String PROFILE_RECORDING_MEDIA = SD + "recording-media";
    public static final String PROFILE_RECORDING_CONSENT = SD + "recording-consent";
    public static final String PROFILE_AUDIT_READ = SD + "recording-audit-read";
    public static final String PROFILE_AUDIT_QUERY = SD + "recording-audit-query";
    public static final String PROFILE_AUDIT_CREATE = SD + "recording-audit-create";
    public static final String PROFILE_AUDIT_DISCLOSURE = SD + "recording-audit-disclosure";

    // Extensions on Media
    public static final String EXT_INITIATOR = SD + "recording-initiator";
    public static final String EXT_MODE = SD + "recording-mode";
    public static final String EXT_PURPOSE = SD + "recording-purpose";
    public static final String EXT_DEFENCE_REASON = SD + "defence-reason";
    public static final String EXT_AREA = SD + "recording-area";
    public static final String EXT_SITE_POLICY_VERSION = SD + "site-policy-version";
    public static final String EXT_SITE_POLICY_DEFAULT = SD + "site-policy-default";
    public static final String EXT_GOVERNING_CONSENT = SD + "governing-consent";
    public static final String EXT_CONSENT_STATUS = SD + "consent-status";
    public static final String EXT_RETENTION_UNTIL = SD + "retention-until";
    public static final String EXT_LEGAL_HOLD = SD + "legal-hold";
    public static final String EXT_THIRD_PARTY_CAPTURED = SD + "third-party-captured";
    public static final String EXT_DERIVATIVE_OF = SD + "derivative-of";
    public static final String EXT_COVERT_AUTHORISATION = SD + "covert-authorisation";
    public static final String EXT_CALL_NOTICE = SD + "call-notice";
    public static final String EXT_PATIENT_SHARED_COPY = SD + "patient-shared-copy";
    public static final String EXT_CONTENT_SHA256 = SD + "content-sha256";

    // Extensions on Consent
    public static final String EXT_INFORMATION_GIVEN = SD + "information-given";
    public static final String EXT_ATTESTATION = SD + "attestation";
    public static final String EXT_POST_RECORDING_CONFIRMATION = SD + "post-recording-confirmation";
    public static final String EXT_WITHDRAWAL = SD + "withdrawal";
    public static final String EXT_COMPETENCE_ATTESTATION = SD + "competence-attestation";
    public static final String EXT_BEST_INTERESTS = SD + "best-interests";
    public static final String EXT_SUPERSEDED_BY = SD + "superseded-by";

    // Code systems
    public static final String CS_RECORDING_KIND = CS + "recording-kind";
    public static final String CS_INITIATOR = CS + "recording-initiator";
    public static final String CS_MODE = CS + "recording-mode";
    public static final String CS_PURPOSE = CS + "recording-purpose";
    public static final String CS_TELEPHONE_NOTICE_MEANS = CS + "telephone-notice-means";
    public static final String CS_ERROR_CODE = CS + "error-code";
    public static final String CS_SECURITY_LABEL = CS + "security-label";
    public static final String CS_LEGAL_MATTER = CS + "legal-matter";
    public static final String CS_COVERT_LEGAL_BASIS = CS + "covert-legal-basis";
    public static final String CS_COVERT_JUSTIFICATION = CS + "covert-justification";
    public static final String CS_CONSENT_CATEGORY = CS + "consent-category";
    public static final String CS_MEDIA_CONSENT_STATUS = CS + "media-consent-status";
    public static final String CS_CONSENT_AUTHORITY = CS + "consent-authority";
    public static final String CS_CAPTURED_PARTY_ROLE = CS + "captured-party-role";

    // Value sets
    public static final String VS_RECORDING_KIND = VS + "recording-kind";
    public static final String VS_INITIATOR = VS + "recording-initiator";
    public static final String VS_MODE = VS + "recording-mode";
    public static final String VS_PURPOSE = VS + "recording-purpose";
    public static final String VS_TELEPHONE_NOTICE_MEANS = VS + "telephone-notice-means";
    public static final String VS_ERROR_CODE = VS + "error-code";
    public static final String VS_LEGAL_MATTER = VS + "legal-matter";
    public static final String VS_COVERT_LEGAL_BASIS = VS + "covert-legal-basis";
    public static final String VS_COVERT_JUSTIFICATION = VS + "covert-justification";
    public static final String VS_MEDIA_CONSENT_STATUS = VS + "media-consent-status";
    public static final String VS_RECORDING_CONSENT_STATUS = VS + "recording-consent-status";
    public static final String VS_CAPTURED_PARTY_ROLE = VS + "captured-party-role";

    // Search parameters
    public static final String SP_KIND = SP + "recording-kind";
    public static final String SP_PURPOSE = SP + "recording-purpose";
    public static final String SP_SITE = SP + "recording-site";
    public static final String SP_AREA = SP + "recording-area";
    public static final String SP_CONSENT_STATUS = SP + "recording-consent-status";
    public static final String SP_INITIATOR = SP + "recording-initiator";
    /** Legal holds (Flag) in force or lifted. */
    public static final String SP_LEGAL_HOLD_STATUS = SP + "legal-hold-status";

    // Operations
    public static final String OP_WITHDRAW = OD + "Consent-withdraw";
    public static final String OP_CONFIRM_CONSENT = OD + "Media-confirm-consent";
    public static final String OP_STOP = OD + "Media-stop";
    public static final String OP_COMPLETE = OD + "Media-complete";
    public static final String OP_VERIFY_CHAIN = OD + "AuditEvent-verify-chain";
    public static final String OP_VOID = OD + "Media-void";
    public static final String OP_LEGAL_HOLD = OD + "legal-hold";
    public static final String OP_LIFT_LEGAL_HOLD = OD + "lift-legal-hold";
    public static final String OP_DISCLOSE = OD + "Media-disclose";
    public static final String OP_SUBJECT_ACCESS = OD + "Patient-subject-access";
    public static final String OP_ANONYMISED_DERIVATIVE = OD + "Media-anonymised-derivative";
    public static final String OP_BINARY_ACCESS_WRITE = OD + "Media-binary-access-write";
    public static final String OP_BINARY_ACCESS_READ = OD + "Media-binary-access-read";
    /** Standalone server only: the host's Patient/$record-death (REC-2). */
    public static final String OP_RECORD_DEATH = OD + "Patient-record-death";

    /** What a server running this module declares it supports. */
    public static final String CAPABILITY_STATEMENT = BASE + "/CapabilityStatement/patient-recordings-server";

    private FhirUrls() {}
}
