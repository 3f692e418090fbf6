/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openmrs.module.patientrecordings.standalone.config.StandaloneConfig;

class StartBannerTest {

    @TempDir
    Path workingDirectory;

    @Test
    void theBannerSaysWhereEverythingIsAndWhoTheDemoUsersAre() {
        StandaloneConfig config = StandaloneConfig.parse(List.of("--port=8090"), Map.of(), workingDirectory);

        String banner = String.join("\n", StartBanner.lines(config, 8090, DemoData.USERS));

        assertThat(banner)
                .contains(
                        "http://localhost:8090/",
                        "http://localhost:8090/fhir",
                        "http://localhost:8090/admin",
                        "http://localhost:8090/admin/openapi.json");
        for (DemoData.DemoUser user : DemoData.USERS) {
            assertThat(banner).contains(user.username() + " / " + user.password());
        }
        assertThat(banner).contains("create recordings", "view audit", "manage legal holds");
    }

    @Test
    void withoutDemoDataTheBannerNamesNoDemoUser() {
        StandaloneConfig config =
                StandaloneConfig.parse(List.of("--port=8090", "--demo-data=false"), Map.of(), workingDirectory);

        assertThat(String.join("\n", StartBanner.lines(config, 8090, List.of())))
                .doesNotContain("Clinician123");
    }

    @Test
    void aBusyPortIsReportedAtOnceBeforeAnythingIsSetUp() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            Path dataDir = workingDirectory.resolve("data");
            StandaloneConfig config = StandaloneConfig.parse(
                    List.of(
                            "--port=" + taken.getLocalPort(),
                            "--bind-address=127.0.0.1",
                            "--data-dir=" + dataDir,
                            "--demo-data=false"),
                    Map.of(),
                    workingDirectory);

            assertThatThrownBy(() -> StandaloneApplication.start(config))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("port " + taken.getLocalPort())
                    .hasMessageContaining("in use");
            assertThat(dataDir).as("nothing was set up").doesNotExist();
        }
    }
}
