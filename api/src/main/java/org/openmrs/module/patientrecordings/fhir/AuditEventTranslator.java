/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.fhir;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.TimeZone;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAction;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAgentComponent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventOutcome;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.openmrs.module.patientrecordings.audit.AuditAction;
import org.openmrs.module.patientrecordings.audit.AuditEntry;
import org.openmrs.module.patientrecordings.audit.StoredAuditEntry;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.Purpose;

/**
 * StoredAuditEntry → AuditEvent shaped as IHE BALP, claiming one of our four profiles (read, query, create,
 * disclosure) when the entry has what that profile needs; other actions (updates, consent decisions, holds, voids,
 * refusals) are plain R4 AuditEvents. The id is the entry's sequence number in the hash chain; its hashes go in
 * {@code entity.detail} so that an auditor can check the chain from the resources alone.
 */
public final class AuditEventTranslator {

    private final String serverName;

    /** @param serverName how the server names itself as an audit source, e.g. its host name */
    public AuditEventTranslator(String serverName) {
        this.serverName = serverName;
    }

    public AuditEvent toFhir(StoredAuditEntry stored) {
        AuditEntry e = stored.entry();
        AuditShape shape = AuditShape.of(e);
        AuditEvent a = new AuditEvent();
        a.setId(Long.toString(stored.sequence()));
        if (shape.profile() != null) {
            a.getMeta().addProfile(shape.profile());
        }
        a.setType(shape.type()).addSubtype(shape.subtype());
        a.setAction(shape.action());
        a.setRecordedElement(
                new InstantType(Date.from(e.at()), TemporalPrecisionEnum.MILLI, TimeZone.getTimeZone("UTC")));
        a.setOutcome(e.outcome().succeeded() ? AuditEventOutcome._0 : AuditEventOutcome._4);
        if (!e.outcome().succeeded()) {
            a.setOutcomeDesc(String.join(
                    ",", e.outcome().codes().stream().map(ErrorCode::code).toList()));
        }
        Purpose purpose = e.purpose() == null ? Purpose.DIRECT_CARE : e.purpose();
        a.addPurposeOfEvent(new CodeableConcept(PurposeCodes.toCoding(purpose)));
        a.addAgent(agent(Hl7Systems.PARTICIPATION_TYPE, shape.userRole())
                .setWho(Refs.to("Practitioner", e.user()))
                .setRequestor(true));
        a.addAgent(agent(Hl7Systems.DICOM, "110153").setWho(server()).setRequestor(false));
        if (shape.disclosure()) {
            a.addAgent(agent(Hl7Systems.DICOM, "110152")
                    .setWho(new Reference().setDisplay("Recipient on the disclosure register: " + e.detail()))
                    .setRequestor(false));
        }
        a.getSource()
                .setSite(serverName)
                .setObserver(server())
                .addType(new Coding(Hl7Systems.SECURITY_SOURCE_TYPE, "4", "Application Server"));
        if (e.patient() != null) {
            a.addEntity()
                    .setType(new Coding(Hl7Systems.AUDIT_ENTITY_TYPE, "1", null))
                    .setRole(new Coding(Hl7Systems.OBJECT_ROLE, "1", null))
                    .setWhat(Refs.to("Patient", e.patient()));
        }
        if (e.recording() != null) {
            a.addEntity()
                    .setType(new Coding(Hl7Systems.AUDIT_ENTITY_TYPE, "2", null))
                    .setRole(new Coding(Hl7Systems.OBJECT_ROLE, "4", null))
                    .setWhat(Refs.to("Media", e.recording()));
        }
        if (shape.query()) {
            a.addEntity()
                    .setType(new Coding(Hl7Systems.AUDIT_ENTITY_TYPE, "2", null))
                    .setRole(new Coding(Hl7Systems.OBJECT_ROLE, "24", null))
                    .setQuery((e.detail().isEmpty() ? e.action().name() : e.detail()).getBytes(StandardCharsets.UTF_8));
        }
        AuditEvent.AuditEventEntityComponent chain = a.addEntity()
                .setType(new Coding(Hl7Systems.AUDIT_ENTITY_TYPE, "4", null))
                .setDescription(
                        "Audit hash chain; action " + e.action() + (e.detail().isEmpty() ? "" : "; " + e.detail()));
        chain.addDetail().setType("previousHash").setValue(new StringType(stored.previousHash()));
        chain.addDetail().setType("hash").setValue(new StringType(stored.hash()));
        return a;
    }

    private Reference server() {
        return new Reference().setDisplay("Patient Recordings server at " + serverName);
    }

    private static AuditEventAgentComponent agent(String system, String code) {
        return new AuditEventAgentComponent().setType(new CodeableConcept(new Coding(system, code, null)));
    }

    /** The FHIR action of an audited action, for searches by action. */
    public static AuditEventAction actionOf(AuditAction action) {
        return AuditShape.actionOf(action);
    }
}
