/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone.fhir;

import java.time.Clock;
import java.time.Instant;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Encounter;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.SiteId;
import org.openmrs.module.patientrecordings.standalone.host.HostEncounter;
import org.openmrs.module.patientrecordings.standalone.host.NewEncounter;
import org.openmrs.module.patientrecordings.web.fhir.host.FhirValues;
import org.openmrs.module.patientrecordings.web.fhir.host.HostEncounterTranslator;
import org.openmrs.module.patientrecordings.web.fhir.host.HostRecords;

/**
 * Host encounter and FHIR {@code Encounter}: out through the translator both hosts share ({@link
 * HostEncounterTranslator}), in as what recording an encounter takes.
 */
final class EncounterTranslator {

    private final HostEncounterTranslator shared;

    EncounterTranslator(Clock clock) {
        this.shared = new HostEncounterTranslator(clock);
    }

    Encounter toFhir(HostEncounter e) {
        return shared.toFhir(record(e));
    }

    /** The encounter as both hosts' FHIR endpoint reads it. */
    static HostRecords.Encounter record(HostEncounter e) {
        return new HostRecords.Encounter(e.id(), e.patient(), e.site(), e.start(), e.description());
    }

    /**
     * What recording the encounter takes. The status and class sent are not kept (the shared translator derives
     * them).
     *
     * @throws org.openmrs.module.patientrecordings.domain.RuleViolationException SAF-4 for a subject or location
     *     that is not a reference to a Patient or Location
     */
    static NewEncounter toNewEncounter(Encounter encounter) {
        PatientId patient = FhirValues.idOf(encounter.getSubject(), "Patient", "subject")
                .map(id -> FhirValues.id(id, PatientId::of, "subject"))
                .orElse(null);
        SiteId site = encounter.getLocation().isEmpty()
                ? null
                : FhirValues.idOf(encounter.getLocationFirstRep().getLocation(), "Location", "location")
                        .map(id -> FhirValues.id(id, SiteId::of, "location"))
                        .orElse(null);
        Instant start = encounter.getPeriod().hasStart()
                ? FhirValues.instant(encounter.getPeriod().getStartElement(), "period.start")
                : null;
        return new NewEncounter(patient, site, start, description(encounter));
    }

    private static String description(Encounter encounter) {
        if (!encounter.hasType()) {
            return null;
        }
        CodeableConcept type = encounter.getTypeFirstRep();
        return type.hasText() ? type.getText() : type.getCodingFirstRep().getDisplay();
    }
}
