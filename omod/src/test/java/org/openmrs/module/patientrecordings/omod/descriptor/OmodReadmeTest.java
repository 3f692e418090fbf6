/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.omod.descriptor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openmrs.module.patientrecordings.domain.Privilege;
import org.openmrs.module.patientrecordings.settings.Setting;

/**
 * omod/README.md says what the module declares to OpenMRS: its privileges and its global properties (with their
 * defaults and meanings, as {@link Privilege} and {@link Setting} give them to config.xml), and the addresses it
 * serves. A privilege or setting added, renamed or reworded without the README fails here.
 */
class OmodReadmeTest {

    private static final Pattern PRIVILEGE_ROW =
            Pattern.compile("^\\| (Patient Recordings: [^|]+?) \\| ([^|]+?) \\|$", Pattern.MULTILINE);
    private static final Pattern PROPERTY_ROW =
            Pattern.compile("^\\| `(patientrecordings\\.[^`]+)` \\| `([^`]*)` \\| (.+?) \\|$", Pattern.MULTILINE);

    private String readme;

    @BeforeEach
    void read() throws IOException {
        readme = Files.readString(Path.of("README.md")).replace("\r\n", "\n");
    }

    @Test
    void thePrivilegeTableListsEveryPrivilegeAsConfigXmlDeclaresIt() {
        List<String> rows = rows(PRIVILEGE_ROW, 2);
        List<String> declared = Arrays.stream(Privilege.values())
                .map(p -> p.privilegeName() + " | " + p.description())
                .toList();
        assertThat(rows).containsExactlyInAnyOrderElementsOf(declared);
    }

    @Test
    void theGlobalPropertyTableListsEverySettingWithItsDefaultAndMeaning() {
        List<String> rows = rows(PROPERTY_ROW, 3);
        List<String> declared = Arrays.stream(Setting.values())
                .map(s -> s.propertyName() + " | "
                        + (s.defaultValue().isEmpty() ? "(empty)" : s.defaultValue()) + " | "
                        + s.description())
                .toList();
        assertThat(rows).containsExactlyInAnyOrderElementsOf(declared);
    }

    @Test
    void namesTheAddressesTheModuleServes() {
        String description =
                ModuleDescriptor.childText(ModuleDescriptor.configXml().getDocumentElement(), "description");
        for (String base : List.of("/ws/patientrecordings/fhir/R4", "/ws/patientrecordings/admin")) {
            assertThat(description).as("config.xml's description").contains(base);
            assertThat(readme).as("omod/README.md").contains("/openmrs" + base);
        }
    }

    private List<String> rows(Pattern row, int columns) {
        List<String> found = new ArrayList<>();
        Matcher m = row.matcher(readme);
        while (m.find()) {
            StringBuilder cells = new StringBuilder(m.group(1).trim());
            for (int i = 2; i <= columns; i++) {
                cells.append(" | ").append(m.group(i).trim());
            }
            found.add(cells.toString());
        }
        return found;
    }
}
