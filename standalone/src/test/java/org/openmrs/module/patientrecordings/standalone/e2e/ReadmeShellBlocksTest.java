/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReadmeShellBlocksTest {

    private static final String README = String.join(
            "\n",
            "# Title",
            "## One",
            "```sh",
            "echo one",
            "```",
            "```java",
            "not a shell block",
            "```",
            "```sh",
            "echo two",
            "echo three",
            "```",
            "## Two",
            "```sh",
            "echo four",
            "```",
            "");

    @Test
    void aSectionsShellBlocksInOrderAndNothingOfTheNextSection() {
        assertThat(ReadmeShellBlocks.of(README, "## One")).containsExactly("echo one\n", "echo two\necho three\n");
        assertThat(ReadmeShellBlocks.of(README, "## Two")).containsExactly("echo four\n");
    }

    @Test
    void aMissingSectionIsNamed() {
        assertThatThrownBy(() -> ReadmeShellBlocks.of(README, "## Three")).hasMessageContaining("## Three");
    }

    @Test
    void curlNeedsFailWithBody() {
        assertThat(CommandLineTools.recentCurl("curl 7.88.1 (x86_64-pc-linux-gnu) libcurl/7.88.1"))
                .isTrue();
        assertThat(CommandLineTools.recentCurl("curl 8.5.0 (aarch64-apple-darwin23.0)"))
                .isTrue();
        assertThat(CommandLineTools.recentCurl("curl 7.76.0")).isTrue();
        assertThat(CommandLineTools.recentCurl("curl 7.68.0 (x86_64-pc-linux-gnu)"))
                .isFalse();
        assertThat(CommandLineTools.recentCurl("something else")).isFalse();
    }
}
