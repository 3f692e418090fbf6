/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's settings table is the documentation of {@link Setting}: it must name every one. */
class ReadmeTest {

    @Test
    void theSettingsTableListsEverySettingWithItsVariable() throws IOException {
        String readme = Files.readString(Path.of("README.md"));

        for (Setting setting : Setting.values()) {
            assertThat(readme)
                    .as(setting.key())
                    .contains("| `" + setting.key() + "` | `" + setting.environmentVariable() + "` |");
        }
    }
}
