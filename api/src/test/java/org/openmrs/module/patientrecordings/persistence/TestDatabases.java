/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.persistence;

import java.util.EnumMap;
import java.util.Map;

/**
 * One fresh database per engine for one test class, with the test note table, opened on first use and dropped on
 * {@link #close()}.
 */
public final class TestDatabases implements AutoCloseable {

    private final Map<DatabaseEngine, TestDatabase> created = new EnumMap<>(DatabaseEngine.class);
    private final Map<DatabaseEngine, Database> opened = new EnumMap<>(DatabaseEngine.class);

    /** @return the opened database of the engine; skips or fails the test when its server is unreachable */
    public synchronized Database open(DatabaseEngine engine) {
        return opened.computeIfAbsent(engine, e -> {
            TestDatabase database = TestDatabase.create(e);
            created.put(e, database);
            TestNote.createTable(database);
            return database.open(TestNote.ENTITIES);
        });
    }

    /** @return the created database of the engine, after {@link #open} */
    public synchronized TestDatabase created(DatabaseEngine engine) {
        return created.get(engine);
    }

    @Override
    public synchronized void close() {
        created.values().forEach(TestDatabase::close);
    }
}
