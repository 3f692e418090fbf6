/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.omod.descriptor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openmrs.module.patientrecordings.persistence.Database;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The module's liquibase.xml runs the one changelog of the core instead of a copy of it. */
class LiquibaseXmlTest {

    @Test
    void includesTheOneChangelogAndNothingElse() {
        Element root = ModuleDescriptor.parseResource("liquibase.xml").getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("databaseChangeLog");
        assertThat(root.getElementsByTagName("changeSet").getLength()).isZero();
        NodeList includes = root.getElementsByTagName("include");
        assertThat(includes.getLength()).isEqualTo(1);
        String file = ((Element) includes.item(0)).getAttribute("file");
        assertThat(file).isEqualTo(Database.CHANGELOG);
        assertThat(getClass().getClassLoader().getResource(file)).isNotNull();
    }

    @Test
    void theSpringContextIsWellFormed() {
        Element root =
                ModuleDescriptor.parseResource("moduleApplicationContext.xml").getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("beans");
    }
}
