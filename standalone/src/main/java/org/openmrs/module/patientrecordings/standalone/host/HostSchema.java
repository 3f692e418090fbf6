/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone.host;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;
import liquibase.Scope;
import liquibase.UpdateSummaryOutputEnum;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.command.core.helpers.ShowSummaryArgument;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.ui.LoggerUIService;
import org.openmrs.module.patientrecordings.persistence.DatabaseSettings;
import org.openmrs.module.patientrecordings.persistence.DatabaseStartException;

/**
 * The host tables' own Liquibase changelog ({@value #CHANGELOG}), applied before the module's {@code Database}
 * opens, so that its schema validation finds the host tables too. OpenMRS never runs this changelog: there, the
 * host's own tables play these parts.
 */
public final class HostSchema {

    /** The class path resource of the host changelog. */
    public static final String CHANGELOG = "org/openmrs/module/patientrecordings/standalone/host/changelog.xml";

    private HostSchema() {}

    /**
     * Applies every changeSet of the host changelog not yet applied, under Liquibase's lock, on a connection of its
     * own that is closed again.
     *
     * @throws DatabaseStartException when the database cannot be reached or migrated
     */
    public static void migrate(DatabaseSettings settings) {
        try (Connection connection =
                DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password())) {
            Database database =
                    DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
            Map<String, Object> scope = Map.of(
                    Scope.Attr.resourceAccessor.name(),
                    new ClassLoaderResourceAccessor(HostSchema.class.getClassLoader()),
                    Scope.Attr.ui.name(),
                    new LoggerUIService());
            Scope.child(
                    scope,
                    () -> new CommandScope(UpdateCommandStep.COMMAND_NAME)
                            .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                            .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, CHANGELOG)
                            .addArgumentValue(ShowSummaryArgument.SHOW_SUMMARY_OUTPUT, UpdateSummaryOutputEnum.LOG)
                            .execute());
        } catch (Exception e) {
            throw new DatabaseStartException("cannot migrate the host tables of " + settings + " with " + CHANGELOG, e);
        }
    }
}
