/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** The one changelog also serves OpenMRS as the module's liquibase.xml, so it keeps the conventions it states. */
class ChangelogConventionsTest {

    private static final Set<String> PORTABLE_CHANGES = Set.of(
            "comment",
            "preConditions",
            "createTable",
            "createIndex",
            "addUniqueConstraint",
            "addPrimaryKey",
            "addColumn",
            "addForeignKeyConstraint",
            "addNotNullConstraint",
            "dropNotNullConstraint",
            "insert",
            "update",
            "rollback");

    private static List<Element> changeSets;

    @BeforeAll
    static void readChangelog() throws Exception {
        changeSets = new ArrayList<>();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        for (String text : ChangelogFiles.texts()) {
            Document document = factory.newDocumentBuilder().parse(new InputSource(new StringReader(text)));
            NodeList nodes = document.getDocumentElement().getElementsByTagNameNS("*", "changeSet");
            for (int i = 0; i < nodes.getLength(); i++) {
                changeSets.add((Element) nodes.item(i));
            }
        }
    }

    @Test
    void everyChangeSetHasAModuleIdAndAuthorAndNoIdRepeats() {
        Set<String> ids = new HashSet<>();
        assertThat(changeSets).isNotEmpty().allSatisfy(changeSet -> {
            assertThat(changeSet.getAttribute("id")).matches("patientrecordings-\\d{8}-\\d+-[a-z0-9-]+");
            assertThat(changeSet.getAttribute("author")).isEqualTo("patientrecordings");
            assertThat(ids.add(changeSet.getAttribute("id"))).as("unique id").isTrue();
        });
    }

    @Test
    void everyTableIsPrefixedAndGuardedForDatabasesThatAlreadyHaveIt() {
        for (Element changeSet : changeSets) {
            NodeList tables = changeSet.getElementsByTagNameNS("*", "createTable");
            for (int i = 0; i < tables.getLength(); i++) {
                String table = ((Element) tables.item(i)).getAttribute("tableName");
                assertThat(table).startsWith("patientrecordings_");
                Element guard = (Element)
                        changeSet.getElementsByTagNameNS("*", "preConditions").item(0);
                assertThat(guard).as("precondition of " + table).isNotNull();
                assertThat(guard.getAttribute("onFail")).isEqualTo("MARK_RAN");
            }
        }
    }

    @Test
    void onlyPortableChangeTypesAreUsed() {
        for (Element changeSet : changeSets) {
            NodeList children = changeSet.getChildNodes();
            for (int i = 0; i < children.getLength(); i++) {
                if (children.item(i) instanceof Element change) {
                    assertThat(change.getLocalName()).isIn(PORTABLE_CHANGES);
                }
            }
        }
    }
}
