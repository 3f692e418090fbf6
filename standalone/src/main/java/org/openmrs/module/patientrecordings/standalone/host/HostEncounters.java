/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone.host;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.openmrs.module.patientrecordings.domain.EncounterId;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.persistence.Database;
import org.openmrs.module.patientrecordings.port.EncounterDirectory;

/**
 * The standalone server's encounters (a FHIR {@code Encounter}): create, read, list a patient's, and the module's
 * {@link EncounterDirectory} port. Refusals are {@link org.openmrs.module.patientrecordings.domain.RuleViolationException}s:
 * SAF-4 for bad input, NF-1 for an unknown patient or site. Thread-safe.
 */
public final class HostEncounters implements EncounterDirectory {

    private final Database database;
    private final HostPatients patients;
    private final HostSites sites;
    private final Clock clock;

    public HostEncounters(Database database, HostPatients patients, HostSites sites, Clock clock) {
        this.database = Objects.requireNonNull(database, "database");
        this.patients = Objects.requireNonNull(patients, "patients");
        this.sites = Objects.requireNonNull(sites, "sites");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Records an encounter under a new random id. */
    public HostEncounter create(NewEncounter details) {
        return create(EncounterId.random(), details);
    }

    /** Records an encounter under a given id (the demo encounter's). */
    public HostEncounter create(EncounterId id, NewEncounter details) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(details, "details");
        if (details.patient() == null) {
            throw HostInput.invalid("subject is required", "subject");
        }
        if (patients.read(details.patient()).isEmpty()) {
            throw HostInput.notFound("Unknown patient " + details.patient(), "subject");
        }
        if (details.site() != null && sites.find(details.site()).isEmpty()) {
            throw HostInput.notFound("Unknown site " + details.site(), "location");
        }
        Instant now = clock.instant();
        Instant start = details.start() == null ? now : details.start();
        if (start.isAfter(now)) {
            throw HostInput.invalid("period.start is in the future", "period.start");
        }
        HostEncounter encounter = new HostEncounter(
                id,
                details.patient(),
                details.site(),
                start.truncatedTo(ChronoUnit.MICROS),
                HostInput.optionalText(details.description(), "description", 255));
        database.runInTransaction(em -> em.persist(EncounterRow.of(encounter)));
        return encounter;
    }

    /** The encounter, or empty. */
    public Optional<HostEncounter> read(EncounterId id) {
        Objects.requireNonNull(id, "id");
        return database.inTransaction(em ->
                Optional.ofNullable(em.find(EncounterRow.class, id.value())).map(EncounterRow::toEncounter));
    }

    /** A patient's encounters, latest first. */
    public List<HostEncounter> forPatient(PatientId patient, int offset, int count) {
        Objects.requireNonNull(patient, "patient");
        if (offset < 0 || count < 1) {
            throw new IllegalArgumentException("offset >= 0 and count >= 1 are required");
        }
        return database.inTransaction(em -> em.createQuery(
                        "select e from EncounterRow e where e.patientId = :patient order by e.startedAt desc, e.id",
                        EncounterRow.class)
                .setParameter("patient", patient.value())
                .setFirstResult(offset)
                .setMaxResults(count)
                .getResultStream()
                .map(EncounterRow::toEncounter)
                .toList());
    }

    @Override
    public Optional<Encounter> find(EncounterId id) {
        return read(id).map(HostEncounter::toPort);
    }
}
