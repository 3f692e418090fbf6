/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone.fhir;

import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.api.MethodOutcome;
import java.util.Objects;
import java.util.function.Consumer;
import org.hl7.fhir.r4.model.Encounter;
import org.openmrs.module.patientrecordings.audit.AuditAction;
import org.openmrs.module.patientrecordings.domain.Actor;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.Privilege;
import org.openmrs.module.patientrecordings.standalone.host.HostEncounter;
import org.openmrs.module.patientrecordings.standalone.host.HostEncounters;
import org.openmrs.module.patientrecordings.web.fhir.host.HostAccess;
import org.openmrs.module.patientrecordings.web.fhir.host.HostEncounterReadProvider;
import org.openmrs.module.patientrecordings.web.fhir.host.HostEncounterTranslator;
import org.openmrs.module.patientrecordings.web.fhir.host.HostRecords;

/**
 * Encounter of the standalone server: the reads and searches both hosts serve ({@link HostEncounterReadProvider}),
 * and create (CREATE_RECORDINGS, as recordings are made in encounters).
 */
public final class HostEncounterProvider extends HostEncounterReadProvider {

    private final HostEncounters encounters;
    private final HostAccess access;
    private final Consumer<PatientId> patientChanged;
    private final HostEncounterTranslator translator;

    /** @param patientChanged told after an encounter is recorded: it is the patient's latest treatment (REC-2) */
    HostEncounterProvider(
            HostRecords records, HostEncounters encounters, HostAccess access, Consumer<PatientId> patientChanged) {
        super(records, access);
        this.encounters = Objects.requireNonNull(encounters, "encounters");
        this.access = Objects.requireNonNull(access, "access");
        this.patientChanged = Objects.requireNonNull(patientChanged, "patientChanged");
        this.translator = new HostEncounterTranslator(access.clock());
    }

    @Create
    public MethodOutcome create(@ResourceParam Encounter encounter) {
        Actor actor = access.require(Privilege.CREATE_RECORDINGS, AuditAction.CREATE, null, "host encounter recorded");
        HostEncounter created = encounters.create(EncounterTranslator.toNewEncounter(encounter));
        access.recordChange(actor, created.patient(), "host encounter recorded");
        patientChanged.accept(created.patient());
        Encounter fhir = translator.toFhir(EncounterTranslator.record(created));
        return new MethodOutcome(fhir.getIdElement(), true).setResource(fhir);
    }
}
