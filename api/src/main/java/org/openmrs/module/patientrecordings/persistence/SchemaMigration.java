/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import liquibase.Scope;
import liquibase.UpdateSummaryOutputEnum;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.command.core.helpers.ShowSummaryArgument;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.core.H2Database;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.lockservice.LockServiceFactory;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.ui.LoggerUIService;

/** Brings a database up to date with the one Liquibase changelog. */
public final class SchemaMigration {

    private SchemaMigration() {}

    /**
     * Applies every changeSet of the changelog not yet applied, under Liquibase's own lock, so that two
     * instances starting together do not both migrate. Liquibase's messages go to its log, never to the console.
     *
     * @param dataSource where to migrate
     * @param changelog the class path resource of the changelog
     */
    static void migrate(DataSource dataSource, String changelog) throws SQLException, LiquibaseException {
        try (Connection connection = dataSource.getConnection()) {
            migrate(connection, changelog, SchemaMigration.class.getClassLoader());
        }
    }

    /**
     * Applies a changelog over an open connection, as {@link #migrate(DataSource, String)} does; for a host with
     * tables of its own (the standalone server's users and patients).
     *
     * @param connection where to migrate; not closed here
     * @param changelog the class path resource of the changelog
     * @param resources the class loader the changelog and its includes are read from
     */
    public static void migrate(Connection connection, String changelog, ClassLoader resources)
            throws SQLException, LiquibaseException {
        Database database =
                DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
        releaseStaleEmbeddedLock(database, connection);
        try {
            Map<String, Object> scope = Map.of(
                    Scope.Attr.resourceAccessor.name(),
                    new ClassLoaderResourceAccessor(resources),
                    Scope.Attr.ui.name(),
                    new LoggerUIService());
            Scope.child(
                    scope,
                    () -> new CommandScope(UpdateCommandStep.COMMAND_NAME)
                            .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                            .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, changelog)
                            .addArgumentValue(ShowSummaryArgument.SHOW_SUMMARY_OUTPUT, UpdateSummaryOutputEnum.LOG)
                            .execute());
        } catch (LiquibaseException | SQLException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new LiquibaseException(e);
        }
    }

    /**
     * An embedded H2 file database is open in this process only, so a Liquibase lock found when it opens was left by
     * a process that died while migrating (killed during start-up): without this release, every later start would
     * wait for it and fail. Server databases keep their lock, which another instance may really hold.
     */
    static void releaseStaleEmbeddedLock(Database database, Connection connection)
            throws SQLException, LiquibaseException {
        if (database instanceof H2Database && connection.getMetaData().getURL().startsWith("jdbc:h2:file:")) {
            LockServiceFactory.getInstance().getLockService(database).forceReleaseLock();
        }
    }
}
