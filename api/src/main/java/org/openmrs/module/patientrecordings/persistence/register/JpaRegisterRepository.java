/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.persistence.register;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.openmrs.module.patientrecordings.domain.UserId;
import org.openmrs.module.patientrecordings.persistence.RowVersions;
import org.openmrs.module.patientrecordings.persistence.Transactions;
import org.openmrs.module.patientrecordings.persistence.UtcTimes;
import org.openmrs.module.patientrecordings.register.RegisterEntry;
import org.openmrs.module.patientrecordings.register.RegisterFilter;
import org.openmrs.module.patientrecordings.register.RegisterPage;
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

    /** Set once a search found no row without its search columns: rows are only ever saved with them since. */
    private volatile boolean searchColumnsFilled;

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
            row.data = data;
            searchColumns(row, entry);
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

    /**
     * {@inheritDoc}
     *
     * <p>Filters, orders and pages in the database: every criterion is a column or the recordings table.
     */
    @Override
    public <T extends RegisterEntry> RegisterPage<T> search(
            Class<T> type, RegisterFilter filter, Instant at, int offset, int count) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(at, "at");
        RegisterPage.requireRange(offset, count);
        Optional<String> name = RegisterEntryTypes.name(type);
        if (name.isEmpty()) {
            return new RegisterPage<>(List.of(), 0);
        }
        return database.inCurrentTransaction(entityManager -> {
            if (!searchColumnsFilled) {
                searchColumnsFilled = fillSearchColumns(entityManager) == 0;
            }
            Map<String, Object> parameters = new LinkedHashMap<>();
            String where = where(name.get(), filter, at, parameters);
            TypedQuery<RegisterEntryRow> query = entityManager.createQuery(
                    "select e from RegisterEntryRow e where " + where + " order by e.madeAt, e.number",
                    RegisterEntryRow.class);
            parameters.forEach(query::setParameter);
            query.setFirstResult(offset);
            if (count != RegisterPage.ALL) {
                query.setMaxResults(count);
            }
            List<T> entries = count == 0
                    ? List.of()
                    : query.getResultStream()
                            .map(row -> RegisterEntryDocuments.read(type, row.entryId, row.data))
                            .toList();
            long total;
            if ((offset == 0 || !entries.isEmpty()) && entries.size() < count) {
                total = (long) offset + entries.size();
            } else {
                TypedQuery<Long> counted =
                        entityManager.createQuery("select count(e) from RegisterEntryRow e where " + where, Long.class);
                parameters.forEach(counted::setParameter);
                total = counted.getSingleResult();
            }
            return new RegisterPage<>(entries, total);
        });
    }

    /** The JPQL condition of a filter, its parameters put into {@code parameters}. */
    private static String where(String type, RegisterFilter filter, Instant at, Map<String, Object> parameters) {
        StringBuilder where = new StringBuilder("e.type = :type");
        parameters.put("type", type);
        if (filter.patient() != null) {
            where.append(" and e.patientId = :patient");
            parameters.put("patient", filter.patient().value());
        }
        if (filter.staff() != null) {
            where.append(" and e.staffId = :staff");
            parameters.put("staff", filter.staff().value());
        }
        if (filter.recordedBy() != null) {
            where.append(" and e.recordedBy = :recordedBy");
            parameters.put("recordedBy", filter.recordedBy().value());
        }
        if (filter.recording() != null) {
            where.append(" and :recording member of e.recordings");
            parameters.put("recording", filter.recording().value());
        }
        if (filter.active() != null) {
            where.append(
                    filter.active()
                            ? " and (e.endedAt is null or e.endedAt > :at)"
                            : " and e.endedAt is not null and e.endedAt <= :at");
            parameters.put("at", UtcTimes.toColumn(at));
        }
        if (filter.from() != null) {
            where.append(" and e.madeAt >= :from");
            parameters.put("from", UtcTimes.toColumn(filter.from()));
        }
        if (filter.to() != null) {
            where.append(" and e.madeAt < :to");
            parameters.put("to", UtcTimes.toColumn(filter.to()));
        }
        if (filter.basis() != null) {
            where.append(" and e.basis = :basis");
            parameters.put("basis", filter.basis().toUpperCase(Locale.ROOT));
        }
        return where.toString();
    }

    /** Copies what a filter asks about from the entry into the row's columns and recordings. */
    private static void searchColumns(RegisterEntryRow row, RegisterEntry entry) {
        row.patientId = RegisterEntryDocuments.patient(entry);
        row.endedAt = UtcTimes.toColumn(entry.endedAt());
        row.madeAt = UtcTimes.toColumn(RegisterFilter.madeAt(entry));
        row.recordedBy = RegisterFilter.recordedByOf(entry).value();
        UserId staff = RegisterFilter.staffOf(entry);
        row.staffId = staff == null ? null : staff.value();
        row.basis = RegisterFilter.basisOf(entry);
        Set<String> recordings = new HashSet<>();
        RegisterFilter.recordingsOf(entry).forEach(r -> recordings.add(r.value()));
        row.recordings.retainAll(recordings);
        row.recordings.addAll(recordings);
    }

    /**
     * Fills in the search columns of rows saved before they existed, from their documents.
     *
     * @return how many rows it filled in
     */
    private static int fillSearchColumns(EntityManager entityManager) {
        List<RegisterEntryRow> older = entityManager
                .createQuery("select e from RegisterEntryRow e where e.madeAt is null", RegisterEntryRow.class)
                .getResultList();
        for (RegisterEntryRow row : older) {
            RegisterEntryTypes.type(row.type)
                    .ifPresent(type -> searchColumns(row, RegisterEntryDocuments.read(type, row.entryId, row.data)));
        }
        if (!older.isEmpty()) {
            entityManager.flush();
        }
        return older.size();
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
