/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code ```sh} blocks of one README section, in their order. A section runs from its {@code ## } heading to
 * the next one.
 */
final class ReadmeShellBlocks {

    private static final Pattern SH_BLOCK = Pattern.compile("^```sh\\n(.*?)^```$", Pattern.DOTALL | Pattern.MULTILINE);

    private ReadmeShellBlocks() {}

    /**
     * @throws IllegalArgumentException if the README has no such section
     */
    static List<String> of(String readme, String heading) {
        String text = readme.replace("\r\n", "\n");
        int start = text.indexOf("\n" + heading + "\n");
        if (start < 0) {
            throw new IllegalArgumentException("The README has no section '" + heading + "'");
        }
        int end = text.indexOf("\n## ", start + heading.length() + 1);
        String section = text.substring(start, end < 0 ? text.length() : end);
        List<String> blocks = new ArrayList<>();
        Matcher block = SH_BLOCK.matcher(section);
        while (block.find()) {
            blocks.add(block.group(1));
        }
        return blocks;
    }
}
