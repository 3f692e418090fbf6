/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.hosting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.RuleViolationException;
import org.openmrs.module.patientrecordings.hosting.ConceptDictionary.Entry;

class NoteConceptTest {

    private static final String DEFAULT_UUID = "162169AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

    private final FakeDictionary dictionary = new FakeDictionary();
    private String configured = DEFAULT_UUID;
    private final NoteConcept notes = new NoteConcept(dictionary, () -> configured);

    @Test
    void aServerWithCielUsesItsConcept() {
        dictionary.add(new Entry(DEFAULT_UUID, true, "Text of encounter note"), "CIEL:162169");

        assertThat(notes.ensure()).isEqualTo(DEFAULT_UUID);
        assertThat(dictionary.created).isEmpty();
    }

    @Test
    void aConceptMappedToCielIsFoundWhateverItsUuid() {
        dictionary.add(new Entry("local-note-concept", true, "Encounter note"), "CIEL:162169");

        assertThat(notes.ensure()).isEqualTo("local-note-concept");
        assertThat(dictionary.created).isEmpty();
    }

    @Test
    void aBarePlatformGetsTheModulesOwnTextConceptMappedToCiel() {
        String uuid = notes.ensure();

        assertThat(uuid).isEqualTo(DEFAULT_UUID);
        assertThat(dictionary.created).singleElement().satisfies(c -> {
            assertThat(c.uuid()).isEqualTo(DEFAULT_UUID);
            assertThat(c.source()).isEqualTo("CIEL");
            assertThat(c.code()).isEqualTo("162169");
            assertThat(c.name()).isEqualTo("Text of encounter note");
        });
        assertThat(notes.ensure()).as("made once, found after").isEqualTo(uuid);
        assertThat(dictionary.created).hasSize(1);
    }

    @Test
    void theConfiguredConceptComesFirst() {
        dictionary.add(new Entry(DEFAULT_UUID, true, "Text of encounter note"), "CIEL:162169");
        dictionary.add(new Entry("site-note", true, "Site note"), null);
        configured = "site-note";

        assertThat(notes.ensure()).isEqualTo("site-note");
    }

    @Test
    void aNoteConceptThatIsNotTextIsRefusedWithCon8() {
        dictionary.add(new Entry(DEFAULT_UUID, false, "Coded answer"), null);

        assertThatThrownBy(notes::ensure)
                .isInstanceOfSatisfying(
                        RuleViolationException.class,
                        e -> assertThat(e.reasons()).extracting(r -> r.code()).containsExactly(ErrorCode.CON_8));
    }

    @Test
    void aDictionaryThatCannotMakeTheConceptIsCon8NotAServerFault() {
        dictionary.readOnly = true;

        assertThatThrownBy(notes::ensure)
                .isInstanceOfSatisfying(
                        RuleViolationException.class,
                        e -> assertThat(e.reasons()).extracting(r -> r.code()).containsExactly(ErrorCode.CON_8));
    }

    @Test
    void findingMakesNothing() {
        assertThat(notes.find()).isEmpty();
        assertThat(dictionary.created).isEmpty();
    }

    /** An in-memory concept dictionary. */
    private static final class FakeDictionary implements ConceptDictionary {

        private final Map<String, Entry> byUuid = new LinkedHashMap<>();
        private final Map<String, Entry> byMapping = new LinkedHashMap<>();
        final List<NewTextConcept> created = new ArrayList<>();
        boolean readOnly;

        void add(Entry concept, String mapping) {
            byUuid.put(concept.uuid(), concept);
            if (mapping != null) {
                byMapping.put(mapping, concept);
            }
        }

        @Override
        public Optional<Entry> byUuid(String uuid) {
            return Optional.ofNullable(byUuid.get(uuid));
        }

        @Override
        public Optional<Entry> byMapping(String source, String code) {
            return Optional.ofNullable(byMapping.get(source + ":" + code));
        }

        @Override
        public Entry createText(NewTextConcept concept) {
            if (readOnly) {
                throw new IllegalStateException("the dictionary is read-only");
            }
            created.add(concept);
            Entry made = new Entry(concept.uuid(), true, concept.name());
            add(made, concept.source() + ":" + concept.code());
            return made;
        }
    }
}
