/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone.host;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.persistence.Database;
import org.openmrs.module.patientrecordings.port.PatientDirectory;

/**
 * The standalone server's patient register: create, read and search for a FHIR {@code Patient} provider, and the
 * module's {@link PatientDirectory} port. A patient's last treatment is the start of their latest encounter.
 *
 * <p>Refusals are {@link org.openmrs.module.patientrecordings.domain.RuleViolationException}s: SAF-4 for bad input,
 * NF-1 for an unknown patient. Thread-safe.
 */
public final class HostPatients implements PatientDirectory {

    private final Database database;
    private final Clock clock;

    public HostPatients(Database database, Clock clock) {
        this.database = Objects.requireNonNull(database, "database");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Registers a patient under a new random id.
     *
     * @throws org.openmrs.module.patientrecordings.domain.RuleViolationException SAF-4 when a field is missing or
     *     invalid, or the identifier is taken (the unique constraint decides, not a prior look-up)
     */
    public HostPatient create(NewPatient details) {
        Objects.requireNonNull(details, "details");
        return create(PatientId.random(), details);
    }

    /**
     * Registers a patient under a given id; for fixed ids such as the demo patients'.
     *
     * @see #create(NewPatient)
     */
    public HostPatient create(PatientId id, NewPatient details) {
        HostPatient patient = validate(id, details);
        try {
            database.runInTransaction(em -> em.persist(PatientRow.of(patient)));
        } catch (RuntimeException e) {
            if (byIdentifier(patient.identifier()).isPresent()) {
                throw HostInput.invalid(
                        "A patient with identifier " + patient.identifier() + " exists already", "identifier");
            }
            throw e;
        }
        return patient;
    }

    /** The patient, or empty when there is none with this id. */
    public Optional<HostPatient> read(PatientId id) {
        Objects.requireNonNull(id, "id");
        return database.inTransaction(
                em -> Optional.ofNullable(em.find(PatientRow.class, id.value())).map(PatientRow::toPatient));
    }

    /** The patient with this medical record number, if any. */
    public Optional<HostPatient> byIdentifier(String identifier) {
        Objects.requireNonNull(identifier, "identifier");
        return database.inTransaction(
                em -> em.createQuery("select p from PatientRow p where p.identifier = :identifier", PatientRow.class)
                        .setParameter("identifier", identifier)
                        .getResultStream()
                        .findFirst()
                        .map(PatientRow::toPatient));
    }

    /** The patients matching every given criterion, one page, sorted by name then id. */
    public List<HostPatient> search(PatientSearch search) {
        Objects.requireNonNull(search, "search");
        return database.inTransaction(em -> query(em, search)
                .setFirstResult(search.offset())
                .setMaxResults(search.count())
                .getResultStream()
                .map(PatientRow::toPatient)
                .toList());
    }

    /** How many patients there are. */
    public long count() {
        return database.inTransaction(em ->
                em.createQuery("select count(p) from PatientRow p", Long.class).getSingleResult());
    }

    /**
     * Records a patient's death (REC-2: the retention of their recordings then depends on it; the caller recomputes
     * it through {@code RecordingRetention.recompute}).
     *
     * @throws org.openmrs.module.patientrecordings.domain.RuleViolationException NF-1 for an unknown patient, SAF-4
     *     for a date in the future or before the birth date
     */
    public HostPatient recordDeath(PatientId id, LocalDate date) {
        Objects.requireNonNull(date, "date");
        if (date.isAfter(LocalDate.now(clock))) {
            throw HostInput.invalid("deceasedDate is in the future", "deceasedDate");
        }
        return database.inTransaction(em -> {
            PatientRow row = em.find(PatientRow.class, id.value());
            if (row == null) {
                throw HostInput.notFound("Unknown patient " + id, "patient");
            }
            LocalDate birth = row.toPatient().birthDate();
            if (birth != null && date.isBefore(birth)) {
                throw HostInput.invalid("deceasedDate is before the birth date", "deceasedDate");
            }
            row.recordDeath(date);
            return row.toPatient();
        });
    }

    @Override
    public Optional<Patient> find(PatientId id) {
        Objects.requireNonNull(id, "id");
        return database.inTransaction(em -> {
            PatientRow row = em.find(PatientRow.class, id.value());
            if (row == null) {
                return Optional.empty();
            }
            HostPatient patient = row.toPatient();
            LocalDateTime latest = em.createQuery(
                            "select max(e.startedAt) from EncounterRow e where e.patientId = :patient",
                            LocalDateTime.class)
                    .setParameter("patient", id.value())
                    .getSingleResult();
            LocalDate lastTreatment =
                    latest == null ? null : latest.atOffset(ZoneOffset.UTC).toLocalDate();
            return Optional.of(
                    new Patient(id, patient.displayName(), patient.birthDate(), patient.deathDate(), lastTreatment));
        });
    }

    private HostPatient validate(PatientId id, NewPatient details) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(details, "details");
        if (details.birthDate() != null && details.birthDate().isAfter(LocalDate.now(clock))) {
            throw HostInput.invalid("birthDate is in the future", "birthDate");
        }
        return new HostPatient(
                id,
                HostInput.identifier(details.identifier(), "identifier"),
                HostInput.text(details.givenName(), "name.given", 255),
                HostInput.text(details.familyName(), "name.family", 255),
                details.gender() == null ? Gender.UNKNOWN : details.gender(),
                details.birthDate(),
                null);
    }

    private static TypedQuery<PatientRow> query(EntityManager em, PatientSearch search) {
        StringBuilder jpql = new StringBuilder("select p from PatientRow p where 1 = 1");
        if (search.name() != null) {
            jpql.append(" and (lower(p.givenName) like :name or lower(p.familyName) like :name)");
        }
        if (search.identifier() != null) {
            jpql.append(" and p.identifier = :identifier");
        }
        if (search.birthDate() != null) {
            jpql.append(" and p.birthDate = :birthDate");
        }
        jpql.append(" order by p.familyName, p.givenName, p.id");
        TypedQuery<PatientRow> query = em.createQuery(jpql.toString(), PatientRow.class);
        if (search.name() != null) {
            query.setParameter("name", "%" + escapeLike(search.name().toLowerCase(Locale.ROOT)) + "%");
        }
        if (search.identifier() != null) {
            query.setParameter("identifier", search.identifier());
        }
        if (search.birthDate() != null) {
            query.setParameter("birthDate", search.birthDate());
        }
        return query;
    }

    /** Wildcards typed by a user match themselves; the default escape character of every supported database. */
    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
