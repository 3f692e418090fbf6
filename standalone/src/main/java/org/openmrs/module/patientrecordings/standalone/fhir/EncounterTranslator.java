/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone.fhir;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Encounter.EncounterStatus;
import org.hl7.fhir.r4.model.Reference;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.SiteId;
import org.openmrs.module.patientrecordings.standalone.host.HostEncounter;
import org.openmrs.module.patientrecordings.standalone.host.NewEncounter;

/**
 * Host encounter and FHIR {@code Encounter}: subject, location (the site), period.start, and the description as the
 * type's text. The class is always ambulatory: the standalone server records outpatient consultations.
 *
 * <p>The host keeps no end time, so the status is derived: an encounter is {@code in-progress} on the day it
 * started (in the clock's zone) and {@code finished} from the next day on. Deterministic for a given clock.
 */
final class EncounterTranslator {

    private final Clock clock;

    EncounterTranslator(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    Encounter toFhir(HostEncounter e) {
        Encounter encounter = new Encounter();
        encounter.setId(e.id().value());
        encounter.setStatus(status(e.start()));
        encounter.setClass_(new Coding(HostIdentifiers.ACT_CODE, "AMB", "ambulatory"));
        if (e.description() != null) {
            encounter.addType(new CodeableConcept().setText(e.description()));
        }
        encounter.setSubject(new Reference("Patient/" + e.patient().value()));
        if (e.site() != null) {
            encounter
                    .addLocation()
                    .setLocation(new Reference("Location/" + e.site().value()));
        }
        encounter.getPeriod().setStartElement(FhirValues.dateTime(e.start()));
        return encounter;
    }

    /**
     * What recording the encounter takes. The status and class sent are not kept (see the class comment).
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

    private EncounterStatus status(Instant start) {
        LocalDate started = LocalDate.ofInstant(start, clock.getZone());
        return started.isBefore(LocalDate.now(clock)) ? EncounterStatus.FINISHED : EncounterStatus.INPROGRESS;
    }

    private static String description(Encounter encounter) {
        if (!encounter.hasType()) {
            return null;
        }
        CodeableConcept type = encounter.getTypeFirstRep();
        return type.hasText() ? type.getText() : type.getCodingFirstRep().getDisplay();
    }
}
