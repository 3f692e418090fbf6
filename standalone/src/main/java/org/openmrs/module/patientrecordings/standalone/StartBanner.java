/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.openmrs.module.patientrecordings.domain.Privilege;
import org.openmrs.module.patientrecordings.standalone.config.StandaloneConfig;

/**
 * What a first start tells its user: where the server is, its FHIR base, the administration API and its OpenAPI
 * document, and in a demo the users to sign in with and what each may do. And a busy port said at once, before the
 * database and the demo data are set up.
 */
final class StartBanner {

    private StartBanner() {}

    /**
     * @param config the configuration
     * @param port the port listened on
     * @param demoUsers the demo users created, empty outside a demo
     * @return the lines of the banner
     */
    static List<String> lines(StandaloneConfig config, int port, List<DemoData.DemoUser> demoUsers) {
        String host =
                config.bindAddress().equals("0.0.0.0") || config.bindAddress().equals("::")
                        ? "localhost"
                        : config.bindAddress();
        String base = "http://" + host + ":" + port;
        List<String> lines = new ArrayList<>(
                List.of(
                        "Patient Recordings is running at " + base + "/",
                        "  FHIR R4 base:       " + base + "/fhir (CapabilityStatement: " + base + "/fhir/metadata)",
                        "  Administration API: " + base + "/admin (OpenAPI: " + base + "/admin/openapi.json)",
                        "  Health:             " + base + "/health",
                        "  Sign in as admin with the password the admin-password setting gives (see the README for the first start)"));
        if (!demoUsers.isEmpty()) {
            lines.add("  Demo users (demo-data=true; for trying the server only):");
            for (DemoData.DemoUser user : demoUsers) {
                lines.add("    " + user.username() + " / " + user.password() + " — " + user.displayName() + ": "
                        + user.privileges().stream()
                                .map(StartBanner::name)
                                .sorted()
                                .collect(Collectors.joining(", ")));
            }
        }
        return lines;
    }

    /**
     * Checks that the port is free before anything else starts.
     *
     * @throws IllegalStateException naming the address and port when another process listens there
     */
    static void requireFreePort(String bindAddress, int port) {
        if (port == 0) {
            return;
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(bindAddress, port));
        } catch (IOException e) {
            throw new IllegalStateException("port " + port + " on " + bindAddress
                    + " is in use by another process: stop it or choose another with --port=<number>");
        }
    }

    private static String name(Privilege privilege) {
        return privilege.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
