/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.persistence.retention;

import com.google.gson.Gson;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.openmrs.module.patientrecordings.persistence.RowVersions;
import org.openmrs.module.patientrecordings.persistence.Transactions;
import org.openmrs.module.patientrecordings.retention.AdministeredSchedule;
import org.openmrs.module.patientrecordings.retention.Jurisdiction;
import org.openmrs.module.patientrecordings.retention.RetentionRuleCodec.Problem;
import org.openmrs.module.patientrecordings.retention.RetentionSchedule;
import org.openmrs.module.patientrecordings.retention.RetentionScheduleCodec;
import org.openmrs.module.patientrecordings.retention.RetentionScheduleRepository;

/**
 * Administered retention schedules in the database, one row per version (REC-2, POL-2). Versions are only added: a
 * version that exists is not added again, and the unique constraint on (jurisdiction, version), not the look-up,
 * decides which of two concurrent changes creates a version; the other gets VER-1. "Current" and "oldest first"
 * follow the order versions were added in, as in the in-memory store. Every call joins the thread's unit of work
 * when there is one ({@link Transactions#inCurrentTransaction}).
 */
public final class JpaRetentionScheduleRepository implements RetentionScheduleRepository {

    /** The entity classes this repository needs mapped. */
    public static final List<Class<?>> ENTITIES = List.of(RetentionScheduleRow.class);

    private static final Gson GSON = new Gson();

    private final Transactions database;
    private final RetentionScheduleCodec codec = new RetentionScheduleCodec();

    public JpaRetentionScheduleRepository(Transactions database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    @Override
    public Optional<AdministeredSchedule> current(Jurisdiction jurisdiction) {
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        return database.inCurrentTransaction(entityManager -> entityManager
                .createQuery(
                        "select s from RetentionScheduleRow s where s.jurisdiction = :jurisdiction"
                                + " order by s.number desc",
                        RetentionScheduleRow.class)
                .setParameter("jurisdiction", jurisdiction.code())
                .setMaxResults(1)
                .getResultStream()
                .findFirst()
                .map(this::read));
    }

    @Override
    public List<AdministeredSchedule> versions(Jurisdiction jurisdiction) {
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        return database.inCurrentTransaction(entityManager -> entityManager
                .createQuery(
                        "select s from RetentionScheduleRow s where s.jurisdiction = :jurisdiction order by s.number",
                        RetentionScheduleRow.class)
                .setParameter("jurisdiction", jurisdiction.code())
                .getResultStream()
                .map(this::read)
                .toList());
    }

    @Override
    public List<Jurisdiction> jurisdictions() {
        return database.inCurrentTransaction(entityManager -> entityManager
                .createQuery(
                        "select s.jurisdiction from RetentionScheduleRow s group by s.jurisdiction"
                                + " order by min(s.number)",
                        String.class)
                .getResultStream()
                .map(Jurisdiction::of)
                .toList());
    }

    /**
     * {@inheritDoc}
     *
     * @throws org.openmrs.module.patientrecordings.persistence.ConcurrentUpdateException VER-1 when a concurrent
     *     transaction added the same version meanwhile
     * @throws IllegalArgumentException when the schedule is too large to store
     */
    @Override
    public boolean add(AdministeredSchedule schedule) {
        Objects.requireNonNull(schedule, "schedule");
        RetentionScheduleRow row = new RetentionScheduleRow();
        row.jurisdiction = schedule.jurisdiction().code();
        row.version = schedule.version();
        row.schedule = GSON.toJson(codec.write(schedule.schedule()));
        if (row.schedule.length() > RetentionScheduleRow.SCHEDULE_LENGTH) {
            throw new IllegalArgumentException("the retention schedule is too large to store");
        }
        String what = "version " + schedule.version() + " of the retention schedule of " + schedule.jurisdiction();
        return database.inCurrentTransaction(entityManager -> {
            long existing = entityManager
                    .createQuery(
                            "select count(s) from RetentionScheduleRow s where s.jurisdiction = :jurisdiction"
                                    + " and s.version = :version",
                            Long.class)
                    .setParameter("jurisdiction", row.jurisdiction)
                    .setParameter("version", row.version)
                    .getSingleResult();
            if (existing > 0) {
                return false;
            }
            RowVersions.insert(entityManager, row, what);
            return true;
        });
    }

    /** @throws IllegalStateException when a stored document no longer reads as a schedule */
    private AdministeredSchedule read(RetentionScheduleRow row) {
        List<Problem> problems = new ArrayList<>();
        RetentionSchedule schedule = codec.read(GSON.fromJson(row.schedule, Object.class), "", problems);
        if (schedule == null) {
            throw new IllegalStateException("version " + row.version + " of the stored retention schedule of "
                    + row.jurisdiction + " does not read: " + problems);
        }
        return new AdministeredSchedule(schedule, row.version);
    }
}
