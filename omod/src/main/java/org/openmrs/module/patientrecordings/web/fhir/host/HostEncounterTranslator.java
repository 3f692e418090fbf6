/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.web.fhir.host;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Encounter.EncounterStatus;
import org.hl7.fhir.r4.model.Reference;

/**
 * A host's encounter as a FHIR {@code Encounter}: subject, location (the site), period.start, and the description as
 * the type's text. The class is ambulatory: recordings are made in consultations.
 *
 * <p>The hosts keep no end time of an encounter, so the status is derived: an encounter is {@code in-progress} on the
 * day it started (in the clock's zone) and {@code finished} from the next day on. Deterministic for a given clock.
 */
public final class HostEncounterTranslator {

    /** HL7's act codes, of which {@code AMB} (ambulatory) is the encounter class. */
    public static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";

    private final Clock clock;

    public HostEncounterTranslator(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Encounter toFhir(HostRecords.Encounter e) {
        Encounter encounter = new Encounter();
        encounter.setId(e.id().value());
        encounter.setStatus(status(e.start()));
        encounter.setClass_(new Coding(ACT_CODE, "AMB", "ambulatory"));
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

    private EncounterStatus status(Instant start) {
        LocalDate started = LocalDate.ofInstant(start, clock.getZone());
        return started.isBefore(LocalDate.now(clock)) ? EncounterStatus.FINISHED : EncounterStatus.INPROGRESS;
    }
}
