/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.omod.descriptor;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServlet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openmrs.module.patientrecordings.domain.Privilege;
import org.openmrs.module.patientrecordings.hosting.GuardedServlet;
import org.openmrs.module.patientrecordings.settings.Setting;
import org.w3c.dom.Element;

/** The module descriptor as OpenMRS 3.0 reads it, checked against the config DTD and against the code. */
class ConfigXmlTest {

    /**
     * The content model of the top-level {@code module} element, in order, from openmrs-core's
     * api/src/main/resources/org/openmrs/module/dtd/config-2.0.dtd (config-1.6.dtd has the same order for every
     * element used here).
     */
    static final List<String> DTD_ORDER = List.of(
            "id",
            "name",
            "version",
            "package",
            "author",
            "description",
            "activator",
            "updateURL",
            "require_version",
            "require_database_version",
            "require_modules",
            "aware_of_modules",
            "start_before_modules",
            "mandatory",
            "library",
            "extension",
            "advice",
            "privilege",
            "globalProperty",
            "dwr",
            "servlet",
            "filter",
            "filter-mapping",
            "messages",
            "mappingFiles",
            "packagesWithMappedClasses",
            "conditionalResources");

    /** The elements the DTD allows more than once ({@code *}); the others appear at most once. */
    static final List<String> REPEATABLE = List.of(
            "library",
            "extension",
            "advice",
            "privilege",
            "globalProperty",
            "servlet",
            "filter",
            "filter-mapping",
            "messages");

    static final List<String> REQUIRED =
            List.of("id", "name", "version", "package", "author", "description", "activator");

    /** The versions ModuleFileParser of openmrs-core accepts. */
    static final List<String> ACCEPTED_CONFIG_VERSIONS = List.of("1.0", "1.1", "1.2", "1.3", "1.4", "1.5", "1.6");

    private static final Path ADAPTER_SOURCES = Path.of("src/main/openmrs/java");

    private final Element module = ModuleDescriptor.configXml().getDocumentElement();

    @Test
    void isAModuleDescriptorOfAVersionOpenmrsAccepts() {
        assertThat(module.getTagName()).isEqualTo("module");
        assertThat(module.getAttribute("configVersion")).isIn(ACCEPTED_CONFIG_VERSIONS);
    }

    @Test
    void listsItsElementsInTheOrderOfTheDtd() {
        List<String> names = ModuleDescriptor.children(module).stream()
                .map(Element::getTagName)
                .toList();
        assertThat(DTD_ORDER).containsAll(names);
        List<Integer> positions = names.stream().map(DTD_ORDER::indexOf).toList();
        assertThat(positions).isSorted();
        assertThat(names).containsAll(REQUIRED);
        for (String element : DTD_ORDER) {
            if (!REPEATABLE.contains(element)) {
                assertThat(names.stream().filter(element::equals).count())
                        .as("occurrences of <%s>", element)
                        .isLessThanOrEqualTo(1);
            }
        }
    }

    @Test
    void namesTheModuleItsPackageAndItsVersion() {
        assertThat(ModuleDescriptor.childText(module, "id")).isEqualTo("patientrecordings");
        assertThat(ModuleDescriptor.childText(module, "package")).isEqualTo("org.openmrs.module.patientrecordings");
        assertThat(ModuleDescriptor.childText(module, "version")).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
        assertThat(ModuleDescriptor.childText(module, "require_version")).startsWith("3.");
    }

    @Test
    void declaresEveryPrivilegeOfTheCodeAndNoOther() {
        Map<String, String> declared = declared("privilege", "name", "description");
        Map<String, String> expected = Arrays.stream(Privilege.values())
                .collect(Collectors.toMap(
                        Privilege::privilegeName, Privilege::description, (a, b) -> a, LinkedHashMap::new));
        assertThat(declared).containsExactlyInAnyOrderEntriesOf(expected);
    }

    @Test
    void declaresEverySettingAsAGlobalPropertyAndNoOther() {
        Map<String, String> descriptions = declared("globalProperty", "property", "description");
        Map<String, String> defaults = declared("globalProperty", "property", "defaultValue");
        for (Setting setting : Setting.values()) {
            assertThat(descriptions)
                    .as("description of %s", setting.propertyName())
                    .containsEntry(setting.propertyName(), setting.description());
            assertThat(defaults.getOrDefault(setting.propertyName(), ""))
                    .as("default of %s", setting.propertyName())
                    .isEqualTo(setting.defaultValue());
        }
        assertThat(descriptions.keySet())
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(Setting.values())
                        .map(Setting::propertyName)
                        .toList());
    }

    @Test
    void everySettingIsNamedAfterTheModule() {
        for (Setting setting : Setting.values()) {
            assertThat(setting.propertyName()).startsWith(Setting.PREFIX);
            assertThat(setting.description()).isNotBlank();
        }
    }

    @Test
    void mapsTheAuthenticationFilterOnThePublicPathAndDeclaresTheFhirAdministrationAndShellServlets() {
        Map<String, String> mappings = declared("filter-mapping", "filter-name", "url-pattern");
        Map<String, String> filters = declared("filter", "filter-name", "filter-class");
        Map<String, String> servlets = declared("servlet", "servlet-name", "servlet-class");
        assertThat(mappings).containsValue("/ws/patientrecordings/*");
        assertThat(filters.keySet()).containsAll(mappings.keySet());
        assertThat(servlets).containsOnlyKeys("fhir", "admin", "ui");
    }

    @Test
    void theServletNamesAreThoseTheAdapterForwardsTo() throws Exception {
        String paths = Files.readString(
                Path.of("src/main/java/org/openmrs/module/patientrecordings/openmrs/web/ModulePaths.java"));
        for (String servlet :
                declared("servlet", "servlet-name", "servlet-class").keySet()) {
            assertThat(paths)
                    .as("ModulePaths names the servlet %s", servlet)
                    .containsPattern("String \\w+_SERVLET_NAME = \"" + servlet + "\";");
        }
    }

    /**
     * The servlets are {@link GuardedServlet}s: OpenMRS stops starting when a module servlet's init throws, so the
     * module's never do, and answer 503 while the module is unavailable.
     */
    @Test
    void theServletsAreGuardedServletsAndTheFiltersFilters() throws Exception {
        assertThat(HttpServlet.class).isAssignableFrom(GuardedServlet.class);
        for (String servlet :
                declared("servlet", "servlet-name", "servlet-class").values()) {
            assertThat(adapterSource(servlet))
                    .as("%s is a guarded servlet", servlet)
                    .contains("extends GuardedServlet");
        }
        for (String filter : declared("filter", "filter-name", "filter-class").values()) {
            assertThat(adapterSource(filter)).as("%s is a filter", filter).containsPattern("implements\\s+Filter\\b");
        }
    }

    @Test
    void namesOnlyClassesThatTheAdapterDefines() {
        List<String> classes = new ArrayList<>();
        classes.add(ModuleDescriptor.childText(module, "activator"));
        classes.addAll(declared("servlet", "servlet-name", "servlet-class").values());
        classes.addAll(declared("filter", "filter-name", "filter-class").values());
        for (Element advice : elements("advice")) {
            classes.add(ModuleDescriptor.childText(advice, "class"));
        }
        for (String className : classes) {
            assertThat(ADAPTER_SOURCES.resolve(className.replace('.', '/') + ".java"))
                    .as("source of %s", className)
                    .isRegularFile();
        }
    }

    @Test
    void pointsAtMessageFilesThatExist() {
        List<Element> messages = elements("messages");
        assertThat(messages).isNotEmpty();
        for (Element message : messages) {
            assertThat(Path.of("src/main/resources", ModuleDescriptor.childText(message, "file")))
                    .isRegularFile();
        }
        assertThat(messages.stream().map(m -> ModuleDescriptor.childText(m, "lang")))
                .contains("en");
    }

    @Test
    void everyMessageKeyIsNamedAfterTheModule() throws Exception {
        Properties messages = new Properties();
        try (var in = Files.newInputStream(Path.of("src/main/resources/messages.properties"))) {
            messages.load(in);
        }
        assertThat(messages.stringPropertyNames()).isNotEmpty().allMatch(key -> key.startsWith("patientrecordings."));
    }

    private static String adapterSource(String className) throws IOException {
        return Files.readString(ADAPTER_SOURCES.resolve(className.replace('.', '/') + ".java"));
    }

    private List<Element> elements(String name) {
        return ModuleDescriptor.children(module).stream()
                .filter(e -> e.getTagName().equals(name))
                .toList();
    }

    private Map<String, String> declared(String element, String key, String value) {
        Map<String, String> declared = new LinkedHashMap<>();
        for (Element e : elements(element)) {
            String k = ModuleDescriptor.childText(e, key);
            assertThat(declared).as("<%s> %s declared twice", element, k).doesNotContainKey(k);
            String v = ModuleDescriptor.childText(e, value);
            if (v != null) {
                declared.put(k, v);
            } else if (!value.equals("defaultValue")) {
                declared.put(k, null);
            }
        }
        return declared;
    }
}
