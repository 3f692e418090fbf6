/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The module's changelog as Liquibase reads it: the master file and the files it includes, in order. */
final class ChangelogFiles {

    private static final Pattern INCLUDE =
            Pattern.compile("<include\\s+file=\"([^\"]+)\"\\s+relativeToChangelogFile=\"true\"\\s*/>");

    private ChangelogFiles() {}

    /** The text of every changelog file, the master first. */
    static List<String> texts() {
        String master = read(Database.CHANGELOG);
        List<String> texts = new ArrayList<>(List.of(master));
        String folder = Database.CHANGELOG.substring(0, Database.CHANGELOG.lastIndexOf('/') + 1);
        Matcher include = INCLUDE.matcher(master);
        while (include.find()) {
            texts.add(read(folder + include.group(1)));
        }
        return texts;
    }

    /** How many changeSets the changelog has, included files counted. */
    static int changeSets() {
        return texts().stream()
                .mapToInt(text -> text.split("<changeSet ", -1).length - 1)
                .sum();
    }

    private static String read(String resource) {
        try (InputStream in = Database.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
