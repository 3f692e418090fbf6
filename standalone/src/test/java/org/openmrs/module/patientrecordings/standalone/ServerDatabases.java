/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone;

import java.util.ArrayList;
import java.util.List;
import org.openmrs.module.patientrecordings.persistence.DatabaseEngine;
import org.openmrs.module.patientrecordings.persistence.TestDatabase;

/**
 * Fresh databases on a database server for one test class, dropped again at its end. An unreachable server skips
 * the test, or fails it naming the server when {@code PATIENTRECORDINGS_REQUIRE_DATABASES=true} (the api module's
 * {@link TestDatabase}).
 */
final class ServerDatabases implements AutoCloseable {

    private final DatabaseEngine engine;
    private final List<TestDatabase> created = new ArrayList<>();

    ServerDatabases(DatabaseEngine engine) {
        this.engine = engine;
    }

    /** The flags pointing the server at a new empty database. */
    List<String> fresh() {
        TestDatabase database = TestDatabase.create(engine);
        created.add(database);
        List<String> flags =
                new ArrayList<>(List.of("--jdbc-url=" + database.settings().jdbcUrl()));
        if (database.settings().user() != null) {
            flags.add("--jdbc-user=" + database.settings().user());
        }
        return flags;
    }

    @Override
    public void close() {
        created.forEach(TestDatabase::close);
    }
}
