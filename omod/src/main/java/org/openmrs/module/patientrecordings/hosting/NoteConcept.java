/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.hosting;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.RuleViolationException;

/**
 * The concept whose text observations are the encounter notes: consent decisions are written as such (CON-8) and a
 * note of it satisfies REC-3. By default CIEL 162169 "Text of encounter note", the concept OpenMRS 3's visit notes
 * use. A server without the CIEL dictionary (a bare platform) has no such concept, and then every consent decision
 * would fail; so the module makes sure at start that it exists: the concept of the configured UUID, else any concept
 * mapped to CIEL 162169, else a text concept the module makes itself, under the configured UUID and mapped to CIEL
 * 162169, so that a CIEL dictionary loaded later recognises and replaces it.
 */
public final class NoteConcept {

    /** The reference terminology of the default note concept. */
    public static final String CIEL = "CIEL";

    /** CIEL's "Text of encounter note". */
    public static final String CIEL_CODE = "162169";

    static final String NAME = "Text of encounter note";
    static final String DESCRIPTION = "Free text of a clinical note written during an encounter; Patient Recordings"
            + " writes each consent decision about a recording as such a note (made by the module where the concept"
            + " dictionary had none, mapped to CIEL 162169)";

    private final ConceptDictionary dictionary;
    private final Supplier<String> configuredUuid;

    /**
     * @param configuredUuid the UUID the settings name ({@code patientrecordings.notes.conceptUuid}), read at each
     *     use so that a change applies at once
     */
    public NoteConcept(ConceptDictionary dictionary, Supplier<String> configuredUuid) {
        this.dictionary = Objects.requireNonNull(dictionary, "dictionary");
        this.configuredUuid = Objects.requireNonNull(configuredUuid, "configuredUuid");
    }

    /**
     * The note concept, made when the dictionary has none.
     *
     * @return its UUID
     * @throws RuleViolationException CON-8 when the concept found is not a text concept, or none can be made
     */
    public String ensure() {
        Optional<String> found = find();
        if (found.isPresent()) {
            return found.get();
        }
        String uuid = configuredUuid.get();
        try {
            return dictionary
                    .createText(new ConceptDictionary.NewTextConcept(uuid, NAME, DESCRIPTION, CIEL, CIEL_CODE))
                    .uuid();
        } catch (RuntimeException e) {
            throw RuleViolationException.of(
                    ErrorCode.CON_8,
                    "The note concept " + uuid + " does not exist and could not be made: " + e.getMessage(),
                    "concept");
        }
    }

    /**
     * The note concept if the dictionary has it, without making one: for REC-3, where no concept means no note.
     *
     * @return its UUID
     * @throws RuleViolationException CON-8 when the concept found is not a text concept
     */
    public Optional<String> find() {
        String uuid = configuredUuid.get();
        Optional<ConceptDictionary.Entry> concept =
                dictionary.byUuid(uuid).or(() -> dictionary.byMapping(CIEL, CIEL_CODE));
        if (concept.isPresent() && !concept.get().text()) {
            throw RuleViolationException.of(
                    ErrorCode.CON_8,
                    "The note concept " + concept.get().uuid() + " ("
                            + concept.get().name() + ") is not a text concept: a note cannot be its value",
                    "concept");
        }
        return concept.map(ConceptDictionary.Entry::uuid);
    }
}
