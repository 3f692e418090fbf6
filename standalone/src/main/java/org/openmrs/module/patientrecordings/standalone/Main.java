/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.openmrs.module.patientrecordings.persistence.DatabaseStartException;
import org.openmrs.module.patientrecordings.standalone.config.ConfigException;
import org.openmrs.module.patientrecordings.standalone.config.StandaloneConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * {@code java -jar patient-recordings.jar [--name=value ...]}: reads the configuration, starts the server and stops
 * it gracefully on SIGTERM or Ctrl-C. Exit status 2 for an unusable configuration, 1 when the start fails.
 */
public final class Main {

    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    private Main() {}

    public static void main(String[] args) {
        // Liquibase and parts of Hibernate log through java.util.logging: route it to the same log.
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        StandaloneConfig config;
        try {
            config = StandaloneConfig.parse(List.of(args), System.getenv(), Path.of(""));
        } catch (ConfigException e) {
            LOG.error("event=config_invalid message=\"{}\"", e.getMessage());
            System.exit(2);
            return;
        }
        LOG.info("event=starting config={}", config);
        // Registered before the start, so that a SIGTERM arriving right after it still stops the server gracefully.
        AtomicReference<StandaloneApplication> started = new AtomicReference<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(started.get()), "shutdown"));
        try {
            started.set(StandaloneApplication.start(config));
        } catch (DatabaseStartException e) {
            // The message names the database, the user and what the driver said; the stack would only bury it.
            LOG.error("event=start_failed message=\"{}\"", e.getMessage());
            System.exit(1);
        } catch (RuntimeException e) {
            LOG.error("event=start_failed message=\"{}\"", e.getMessage(), e);
            System.exit(1);
        }
    }

    private static void stop(StandaloneApplication application) {
        if (application != null) {
            application.close();
        }
    }
}
