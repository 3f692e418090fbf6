/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.persistence.register;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.openmrs.module.patientrecordings.persistence.RowVersions;
import org.openmrs.module.patientrecordings.persistence.Transactions;
import org.openmrs.module.patientrecordings.persistence.UtcTimes;
import org.openmrs.module.patientrecordings.register.RegisterEntry;
import org.openmrs.module.patientrecordings.register.RegisterRepository;

/**
 * The registers in the database: one table for every register, the entry type in a discriminator column. Nothing is
 * deleted; an entry saved again replaces its stored state and keeps its place in the order. Every call joins the
 * thread's unit of work when there is one ({@link Transactions#inCurrentTransaction}).
 */
public final class JpaRegisterRepository implements RegisterRepository {

    /** The entity classes this repository needs mapped. */
    public static final List<Class<?>> ENTITIES = List.of(RegisterEntryRow.class);

    private final Transactions database;

    public JpaRegisterRepository(Transactions database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    /**
     * {@inheritDoc}
     *
     * @throws org.openmrs.module.patientrecordings.persistence.ConcurrentUpdateException VER-1 when another
     *     transaction inserted the same new entry meanwhile
     * @throws IllegalArgumentException when the id is empty or longer than 255 characters, or the entry is too large
     *     to store
     */
    @Override
    public <T extends RegisterEntry> T save(T entry) {
        Objects.requireNonNull(entry, "entry");
        String type = RegisterEntryTypes.name(entry.getClass()).orElseThrow();
        if (entry.id().isEmpty() || entry.id().length() > 255) {
            throw new IllegalArgumentException("a register entry id has 1 to 255 characters");
        }
        String data = RegisterEntryDocuments.write(entry);
        if (data.length() > RegisterEntryRow.DATA_LENGTH) {
            throw new IllegalArgumentException("the register entry is too large to store");
        }
        return database.inCurrentTransaction(entityManager -> {
            Optional<RegisterEntryRow> stored = row(entityManager, type, entry.id());
            RegisterEntryRow row = stored.orElseGet(RegisterEntryRow::new);
            row.type = type;
            row.entryId = entry.id();
            row.patientId = RegisterEntryDocuments.patient(entry);
            row.endedAt = UtcTimes.toColumn(entry.endedAt());
            row.data = data;
            if (stored.isPresent()) {
                entityManager.flush();
            } else {
                RowVersions.insert(entityManager, row, "register entry " + type + " " + entry.id());
            }
            return entry;
        });
    }

    @Override
    public <T extends RegisterEntry> List<T> list(Class<T> type) {
        Objects.requireNonNull(type, "type");
        Optional<String> name = RegisterEntryTypes.name(type);
        if (name.isEmpty()) {
            return List.of();
        }
        return database.inCurrentTransaction(entityManager -> entityManager
                .createQuery(
                        "select e from RegisterEntryRow e where e.type = :type order by e.number",
                        RegisterEntryRow.class)
                .setParameter("type", name.get())
                .getResultStream()
                .map(row -> RegisterEntryDocuments.read(type, row.entryId, row.data))
                .toList());
    }

    @Override
    public <T extends RegisterEntry> Optional<T> find(Class<T> type, String id) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
        Optional<String> name = RegisterEntryTypes.name(type);
        if (name.isEmpty()) {
            return Optional.empty();
        }
        return database.inCurrentTransaction(entityManager -> row(entityManager, name.get(), id)
                .map(row -> RegisterEntryDocuments.read(type, row.entryId, row.data)));
    }

    private static Optional<RegisterEntryRow> row(EntityManager entityManager, String type, String id) {
        return entityManager
                .createQuery(
                        "select e from RegisterEntryRow e where e.type = :type and e.entryId = :id",
                        RegisterEntryRow.class)
                .setParameter("type", type)
                .setParameter("id", id)
                .getResultStream()
                .findFirst();
    }
}
