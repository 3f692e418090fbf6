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
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.ui.LoggerUIService;

/** Brings a database up to date with the one Liquibase changelog. */
final class SchemaMigration {

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
            Database database =
                    DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
            ClassLoaderResourceAccessor resources =
                    new ClassLoaderResourceAccessor(SchemaMigration.class.getClassLoader());
            try {
                Map<String, Object> scope = Map.of(
                        Scope.Attr.resourceAccessor.name(), resources, Scope.Attr.ui.name(), new LoggerUIService());
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
    }
}
