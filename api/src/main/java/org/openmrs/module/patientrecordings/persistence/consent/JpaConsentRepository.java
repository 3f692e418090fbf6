/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.persistence.consent;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.openmrs.module.patientrecordings.consent.ConsentEvent;
import org.openmrs.module.patientrecordings.consent.ConsentRepository;
import org.openmrs.module.patientrecordings.consent.RecordingConsent;
import org.openmrs.module.patientrecordings.domain.ConsentId;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.persistence.ConcurrentUpdateException;
import org.openmrs.module.patientrecordings.persistence.RowVersions;
import org.openmrs.module.patientrecordings.persistence.Transactions;

/**
 * Consents in the database, their history in an append-only child table: a save inserts the decisions the stored
 * history does not have yet and never updates or deletes one. Every call joins the thread's unit of work when there
 * is one ({@link Transactions#inCurrentTransaction}). "Oldest first" is the order in which consents were first saved.
 * There is no delete.
 */
public final class JpaConsentRepository implements ConsentRepository {

    /** The entity classes this repository needs mapped. */
    public static final List<Class<?>> ENTITIES =
            List.of(ConsentRow.class, ConsentEventRow.class, ConsultedPerson.class);

    private final Transactions database;

    public JpaConsentRepository(Transactions database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    @Override
    public Optional<RecordingConsent> find(ConsentId id) {
        Objects.requireNonNull(id, "id");
        return database.inCurrentTransaction(entityManager ->
                row(entityManager, id.value()).map(row -> ConsentMapper.read(row, history(entityManager, row.number))));
    }

    /**
     * {@inheritDoc}
     *
     * <p>Version 0 inserts; any other version updates the consent only if it is still at that version, and locks it
     * until the transaction ends.
     *
     * @throws org.openmrs.module.patientrecordings.persistence.ConcurrentUpdateException VER-1, a {@link
     *     org.openmrs.module.patientrecordings.domain.RuleViolationException}
     * @throws IllegalArgumentException when the history does not begin with the stored history (it is only ever
     *     appended to)
     */
    @Override
    public RecordingConsent save(RecordingConsent consent) {
        Objects.requireNonNull(consent, "consent");
        String what = "consent " + consent.id();
        return database.inCurrentTransaction(entityManager -> {
            ConsentRow row;
            List<ConsentEventRow> stored;
            if (consent.version() == 0) {
                if (row(entityManager, consent.id().value()).isPresent()) {
                    throw RowVersions.taken(what);
                }
                row = new ConsentRow();
                ConsentMapper.write(consent, row, 1);
                RowVersions.insert(entityManager, row, what);
                stored = List.of();
            } else {
                long next;
                try {
                    next = RowVersions.claim(
                            entityManager,
                            ConsentRow.ENTITY,
                            "consentId",
                            consent.id().value(),
                            consent.version(),
                            what);
                } catch (LockTimeoutException e) {
                    // Another transaction holds the consent: it is being changed by someone else (VER-1). A lock
                    // timeout leaves the transaction usable, so the caller may carry on without this change.
                    throw new ConcurrentUpdateException(what + " is being changed by someone else", e);
                }
                row = row(entityManager, consent.id().value()).orElseThrow();
                if (row.version != next) {
                    entityManager.refresh(row);
                }
                ConsentMapper.write(consent, row, next);
                stored = history(entityManager, row.number);
            }
            List<ConsentEventRow> history = append(entityManager, row.number, stored, consent.history());
            entityManager.flush();
            return ConsentMapper.read(row, history);
        });
    }

    @Override
    public List<RecordingConsent> findByPatient(PatientId patient) {
        Objects.requireNonNull(patient, "patient");
        // One statement reads the consents and their histories together, so that both come from the same moment:
        // read apart, a decision committed in between could show an earlier consent as superseded by a successor
        // that the first read did not see, and leave the patient seemingly without consent.
        return database.inCurrentTransaction(entityManager -> PatientConsentRows.read(entityManager, patient.value()));
    }

    /** Inserts the decisions after the stored ones; refuses a history that rewrites a stored decision. */
    private static List<ConsentEventRow> append(
            EntityManager entityManager, long consentNumber, List<ConsentEventRow> stored, List<ConsentEvent> wanted) {
        List<ConsentEvent> before = stored.stream().map(ConsentMapper::read).toList();
        if (wanted.size() < before.size()
                || !wanted.subList(0, before.size()).stream()
                        .map(ConsentMapper::asStored)
                        .toList()
                        .equals(before)) {
            throw new IllegalArgumentException(
                    "a consent's history is only ever appended to: the saved history must begin with the stored one");
        }
        List<ConsentEventRow> all = new ArrayList<>(stored);
        for (int i = before.size(); i < wanted.size(); i++) {
            ConsentEventRow event = ConsentMapper.event(consentNumber, i, wanted.get(i));
            entityManager.persist(event);
            all.add(event);
        }
        return all;
    }

    private static Optional<ConsentRow> row(EntityManager entityManager, String id) {
        return entityManager
                .createQuery("select c from ConsentRow c where c.consentId = :id", ConsentRow.class)
                .setParameter("id", id)
                .getResultStream()
                .findFirst();
    }

    private static List<ConsentEventRow> history(EntityManager entityManager, long consentNumber) {
        return entityManager
                .createQuery(
                        "select e from ConsentEventRow e where e.consentNumber = :consent order by e.sequence",
                        ConsentEventRow.class)
                .setParameter("consent", consentNumber)
                .getResultList();
    }
}
