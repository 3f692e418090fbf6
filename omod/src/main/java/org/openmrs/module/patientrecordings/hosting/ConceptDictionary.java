/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.hosting;

import java.util.Objects;
import java.util.Optional;

/**
 * The host's concept dictionary, as far as the module's notes need it ({@link NoteConcept}): find a concept by UUID
 * or by a mapping to a reference terminology, and make a text concept. Implemented over OpenMRS' {@code
 * ConceptService}.
 */
public interface ConceptDictionary {

    /** The concept with this UUID, retired or not; empty when there is none. */
    Optional<Entry> byUuid(String uuid);

    /** A concept mapped to {@code code} of the concept source {@code source} (e.g. CIEL 162169); empty when none. */
    Optional<Entry> byMapping(String source, String code);

    /**
     * Makes a text concept, with its mapping to the reference terminology (the source made too when the dictionary
     * has none of that name).
     *
     * @return the concept made
     */
    Entry createText(NewTextConcept concept);

    /**
     * A concept of the dictionary, as the notes need it.
     *
     * @param uuid never null
     * @param text whether its datatype is text, so that a note can be its value
     * @param name its name, for messages
     */
    record Entry(String uuid, boolean text, String name) {
        public Entry {
            Objects.requireNonNull(uuid, "uuid");
        }
    }

    /**
     * A text concept to make.
     *
     * @param uuid its UUID
     * @param name its fully specified name
     * @param description what it is for
     * @param source the reference terminology it maps to, e.g. {@code CIEL}
     * @param code its code there
     */
    record NewTextConcept(String uuid, String name, String description, String source, String code) {
        public NewTextConcept {
            Objects.requireNonNull(uuid, "uuid");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(code, "code");
        }
    }
}
