/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.persistence;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A freshly created, uniquely named database on one engine, dropped again on {@link #close()}, so that test classes
 * running in parallel or again do not see each other's rows.
 *
 * <p>The servers are expected where {@link DatabaseEngine} says; the environment variables
 * {@code PATIENTRECORDINGS_POSTGRESQL_BASE_URL} and {@code PATIENTRECORDINGS_MARIADB_BASE_URL} may move them.
 *
 * <p>When the server is unreachable the test is skipped, saying why; when {@value #REQUIRE_VARIABLE}{@code =true}
 * (as CI sets it) the test fails instead, naming the server.
 */
public final class TestDatabase implements AutoCloseable {

    public static final String REQUIRE_VARIABLE = "PATIENTRECORDINGS_REQUIRE_DATABASES";

    /** Where the servers are: the environment may move them (a URL ending in a slash, before the database name). */
    private static final String POSTGRESQL_BASE =
            environment("PATIENTRECORDINGS_POSTGRESQL_BASE_URL", "jdbc:postgresql://127.0.0.1:5432/");

    private static final String MARIADB_BASE =
            environment("PATIENTRECORDINGS_MARIADB_BASE_URL", "jdbc:mariadb://127.0.0.1:3306/");
    private static final List<String> POSTGRESQL_USERS = List.of("postgres", "root");

    /** Liquibase and Hibernate log through java.util.logging here; held so the levels set are not collected away. */
    private static final List<Logger> QUIET_LOGS =
            List.of(quiet(Logger.getLogger("liquibase")), quiet(Logger.getLogger("org.hibernate")));

    private final DatabaseEngine engine;
    private final String name;
    private final DatabaseSettings settings;
    private final List<Database> opened = new ArrayList<>();

    private TestDatabase(DatabaseEngine engine, String name, DatabaseSettings settings) {
        this.engine = engine;
        this.name = name;
        this.settings = settings;
    }

    /** Creates a new empty database, or skips (or fails) the test when the server cannot be reached. */
    public static TestDatabase create(DatabaseEngine engine) {
        String name = "pr_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        return switch (engine) {
            case H2 ->
                new TestDatabase(
                        engine,
                        name,
                        DatabaseSettings.of("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=20000", "sa", ""));
            case POSTGRESQL -> {
                String user = reachablePostgresUser();
                execute(engine, POSTGRESQL_BASE + "test", user, "", "CREATE DATABASE " + name);
                yield new TestDatabase(engine, name, DatabaseSettings.of(POSTGRESQL_BASE + name, user, ""));
            }
            case MARIADB -> {
                execute(engine, MARIADB_BASE + "test", "root", "", "CREATE DATABASE " + name);
                yield new TestDatabase(engine, name, DatabaseSettings.of(MARIADB_BASE + name, "root", ""));
            }
        };
    }

    public DatabaseEngine engine() {
        return engine;
    }

    public DatabaseSettings settings() {
        return settings;
    }

    /** Opens (migrates, maps, validates) this database; closed again by {@link #close()}. */
    public Database open(Collection<Class<?>> entities) {
        Database database = Database.open(settings, entities);
        opened.add(database);
        return database;
    }

    /** Closes what was opened and drops the database. */
    @Override
    public void close() {
        opened.forEach(Database::close);
        switch (engine) {
            case H2 -> execute(engine, settings.jdbcUrl(), "sa", "", "SHUTDOWN");
            case POSTGRESQL ->
                execute(
                        engine,
                        POSTGRESQL_BASE + "test",
                        settings.user(),
                        "",
                        "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            case MARIADB -> execute(engine, MARIADB_BASE + "test", "root", "", "DROP DATABASE IF EXISTS " + name);
        }
    }

    @Override
    public String toString() {
        return engine + " " + name;
    }

    private static String baseUrl(DatabaseEngine engine) {
        return switch (engine) {
            case H2 -> "jdbc:h2:mem:";
            case POSTGRESQL -> POSTGRESQL_BASE;
            case MARIADB -> MARIADB_BASE;
        };
    }

    private static String environment(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static Logger quiet(Logger logger) {
        logger.setLevel(Level.WARNING);
        return logger;
    }

    private static String reachablePostgresUser() {
        SQLException last = null;
        for (String user : POSTGRESQL_USERS) {
            try (Connection connection = connect(POSTGRESQL_BASE + "test", user, "")) {
                if (connection.isValid(5)) {
                    return user;
                }
            } catch (SQLException e) {
                last = e;
            }
        }
        throw unreachable(DatabaseEngine.POSTGRESQL, "users " + POSTGRESQL_USERS + ", database test", last);
    }

    private static void execute(DatabaseEngine engine, String url, String user, String password, String sql) {
        try (Connection connection = connect(url, user, password);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw unreachable(engine, "user " + user + ", running " + sql, e);
        }
    }

    private static Connection connect(String url, String user, String password) throws SQLException {
        DriverManager.setLoginTimeout(5);
        return DriverManager.getConnection(url, user, password);
    }

    private static RuntimeException unreachable(DatabaseEngine engine, String attempt, SQLException cause) {
        String why = "the " + engine.server() + " server at " + baseUrl(engine) + " is not usable (" + attempt + "): "
                + cause.getMessage();
        if (Boolean.parseBoolean(System.getenv(REQUIRE_VARIABLE))) {
            Assertions.fail(why + "; " + REQUIRE_VARIABLE + "=true requires every database server", cause);
        }
        Assumptions.abort(why + "; skipped (set " + REQUIRE_VARIABLE + "=true to fail instead)");
        return new IllegalStateException(why, cause);
    }
}
