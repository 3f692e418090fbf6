/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.fhir;

import org.hl7.fhir.r4.model.AuditEvent.AuditEventAction;
import org.hl7.fhir.r4.model.Coding;
import org.openmrs.module.patientrecordings.audit.AuditAction;
import org.openmrs.module.patientrecordings.audit.AuditEntry;

/**
 * How an audited action looks in BALP terms: which of our profiles it fits, its type and subtype, its CRUDE action
 * and the user's role (IRCP for someone receiving information, AUT for its author).
 *
 * @param profile our profile's URL, or null when the entry fits none
 * @param type the event type
 * @param subtype the interaction
 * @param action C, R, U, D or E
 * @param userRole the ParticipationType code of the user agent
 * @param query whether the entry is a search (a query entity is added)
 * @param disclosure whether the entry is a disclosure or export (source and recipient agents are added)
 */
record AuditShape(
        String profile,
        Coding type,
        Coding subtype,
        AuditEventAction action,
        String userRole,
        boolean query,
        boolean disclosure) {

    private static final Coding REST = new Coding(Hl7Systems.AUDIT_EVENT_TYPE, "rest", null);

    static AuditShape of(AuditEntry e) {
        boolean patientAndRecording =
                e.patient() != null && e.recording() != null && e.outcome().succeeded();
        return switch (e.action()) {
            case VIEW, PLAY, DOWNLOAD ->
                new AuditShape(
                        patientAndRecording ? FhirUrls.PROFILE_AUDIT_READ : null,
                        REST,
                        interaction("read"),
                        AuditEventAction.R,
                        "IRCP",
                        false,
                        false);
            case SEARCH ->
                new AuditShape(
                        e.outcome().succeeded() ? FhirUrls.PROFILE_AUDIT_QUERY : null,
                        REST,
                        interaction("search-type"),
                        AuditEventAction.E,
                        "IRCP",
                        true,
                        false);
            case CREATE ->
                new AuditShape(
                        patientAndRecording ? FhirUrls.PROFILE_AUDIT_CREATE : null,
                        REST,
                        interaction("create"),
                        AuditEventAction.C,
                        "AUT",
                        false,
                        false);
            case DISCLOSE, EXPORT ->
                new AuditShape(
                        patientAndRecording ? FhirUrls.PROFILE_AUDIT_DISCLOSURE : null,
                        new Coding(Hl7Systems.DICOM, "110106", "Export"),
                        new Coding(Hl7Systems.ISO_21089_LIFECYCLE, "disclose", null),
                        AuditEventAction.R,
                        "AUT",
                        false,
                        true);
            default ->
                new AuditShape(
                        null, REST, interaction(interactionOf(e.action())), actionOf(e.action()), "AUT", false, false);
        };
    }

    static AuditEventAction actionOf(AuditAction action) {
        return switch (action) {
            case VIEW, PLAY, DOWNLOAD, DISCLOSE, EXPORT, AUDIT_READ -> AuditEventAction.R;
            case CREATE, ANONYMISE -> AuditEventAction.C;
            case DISPOSE -> AuditEventAction.D;
            case UPDATE, CONSENT_DECISION, LEGAL_HOLD, VOID, POLICY_CHANGE -> AuditEventAction.U;
            case SEARCH, REFUSED, INTEGRITY_FAILURE -> AuditEventAction.E;
        };
    }

    private static String interactionOf(AuditAction action) {
        return switch (actionOf(action)) {
            case C -> "create";
            case R -> "read";
            case D -> "delete";
            case U -> "update";
            default -> "operation";
        };
    }

    private static Coding interaction(String code) {
        return new Coding(Hl7Systems.RESTFUL_INTERACTION, code, null);
    }
}
