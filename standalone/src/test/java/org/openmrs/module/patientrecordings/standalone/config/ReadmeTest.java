/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * standalone/README.md is the documentation of {@link Setting} and of the runnable jar: its settings table must name
 * every setting, and every command it gives to start the server must be one the server accepts as written.
 */
class ReadmeTest {

    private static final String JAR = "standalone/target/patient-recordings.jar";
    private static final Pattern SH_BLOCK = Pattern.compile("^```sh\\n(.*?)^```$", Pattern.DOTALL | Pattern.MULTILINE);
    private static final Pattern ENVIRONMENT = Pattern.compile("^([A-Z][A-Z0-9_]*)=(\\S+)$");

    @TempDir
    Path temp;

    @Test
    void theSettingsTableListsEverySettingWithItsVariable() throws IOException {
        String readme = readme();

        for (Setting setting : Setting.values()) {
            assertThat(readme)
                    .as(setting.key())
                    .contains("| `" + setting.key() + "` | `" + setting.environmentVariable() + "` |");
        }
    }

    @Test
    void everyCommandThatStartsTheServerIsAcceptedAsWritten() throws IOException {
        List<String> commands = startCommands(readme());
        assertThat(commands).as("commands that start the server").hasSizeGreaterThanOrEqualTo(3);
        for (String command : commands) {
            Map<String, String> environment = new LinkedHashMap<>();
            List<String> args = new ArrayList<>();
            String[] words = command.trim().split("\\s+");
            int i = 0;
            for (; i < words.length && !words[i].equals("java"); i++) {
                Matcher variable = ENVIRONMENT.matcher(words[i]);
                assertThat(variable.matches())
                        .as("%s: %s is an environment variable", command, words[i])
                        .isTrue();
                environment.put(variable.group(1), variable.group(2));
            }
            assertThat(List.of(words).subList(i, Math.min(i + 3, words.length)))
                    .as(command)
                    .containsExactly("java", "-jar", JAR);
            for (int j = i + 3; j < words.length && !words[j].startsWith("#"); j++) {
                args.add(words[j]);
            }
            assertThatCode(() -> StandaloneConfig.parse(args, environment, temp))
                    .as(command)
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void theJarItStartsIsTheOneTheBuildWrites() throws IOException {
        assertThat(Files.readString(Path.of("pom.xml")))
                .contains("<outputFile>${project.build.directory}/patient-recordings.jar</outputFile>");
        assertThat(readme()).contains("./mvnw -B -q -DskipTests package");
    }

    private static String readme() throws IOException {
        return Files.readString(Path.of("README.md")).replace("\r\n", "\n");
    }

    /** Each command of the sh blocks that runs the jar, with its continuation lines joined. */
    private static List<String> startCommands(String readme) {
        List<String> commands = new ArrayList<>();
        Matcher block = SH_BLOCK.matcher(readme);
        while (block.find()) {
            String joined = block.group(1).replace("\\\n", " ");
            for (String line : joined.split("\n")) {
                if (line.contains("java -jar")) {
                    commands.add(line);
                }
            }
        }
        return commands;
    }
}
