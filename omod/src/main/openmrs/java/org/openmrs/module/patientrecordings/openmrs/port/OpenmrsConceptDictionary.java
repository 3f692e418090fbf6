/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.openmrs.port;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.openmrs.Concept;
import org.openmrs.ConceptClass;
import org.openmrs.ConceptDatatype;
import org.openmrs.ConceptDescription;
import org.openmrs.ConceptMap;
import org.openmrs.ConceptMapType;
import org.openmrs.ConceptName;
import org.openmrs.ConceptReferenceTerm;
import org.openmrs.ConceptSource;
import org.openmrs.api.ConceptService;
import org.openmrs.api.context.Context;
import org.openmrs.module.patientrecordings.hosting.ConceptDictionary;
import org.openmrs.util.PrivilegeConstants;

/**
 * {@link ConceptDictionary} over OpenMRS' {@code ConceptService}. A concept the module makes is of class Misc and
 * datatype Text, named in English, and mapped SAME-AS to its reference term (the term and the concept source made when
 * the dictionary has none). Looks up and makes with proxy privileges: the note concept is infrastructure
 * of a permitted action, not something the acting user manages.
 */
public final class OpenmrsConceptDictionary implements ConceptDictionary {

    @Override
    public Optional<ConceptDictionary.Entry> byUuid(String uuid) {
        Objects.requireNonNull(uuid, "uuid");
        return HostPrivileges.with(
                () -> Optional.ofNullable(Context.getConceptService().getConceptByUuid(uuid))
                        .map(OpenmrsConceptDictionary::view),
                PrivilegeConstants.GET_CONCEPTS);
    }

    @Override
    public Optional<ConceptDictionary.Entry> byMapping(String source, String code) {
        return HostPrivileges.with(
                () -> Optional.ofNullable(Context.getConceptService().getConceptByMapping(code, source, false))
                        .map(OpenmrsConceptDictionary::view),
                PrivilegeConstants.GET_CONCEPTS,
                PrivilegeConstants.GET_CONCEPT_SOURCES);
    }

    @Override
    public Entry createText(NewTextConcept wanted) {
        return HostPrivileges.with(
                () -> {
                    ConceptService concepts = Context.getConceptService();
                    Concept concept = new Concept();
                    concept.setUuid(wanted.uuid());
                    concept.setFullySpecifiedName(new ConceptName(wanted.name(), Locale.ENGLISH));
                    concept.addDescription(new ConceptDescription(wanted.description(), Locale.ENGLISH));
                    concept.setConceptClass(
                            required(concepts.getConceptClassByUuid(ConceptClass.MISC_UUID), "concept class Misc"));
                    concept.setDatatype(required(
                            concepts.getConceptDatatypeByUuid(ConceptDatatype.TEXT_UUID), "concept datatype Text"));
                    ConceptMapType sameAs = required(
                            concepts.getConceptMapTypeByUuid(ConceptMapType.SAME_AS_MAP_TYPE_UUID),
                            "concept map type SAME-AS");
                    concept.addConceptMapping(new ConceptMap(term(concepts, wanted), sameAs));
                    return view(concepts.saveConcept(concept));
                },
                PrivilegeConstants.GET_CONCEPTS,
                PrivilegeConstants.MANAGE_CONCEPTS,
                PrivilegeConstants.GET_CONCEPT_CLASSES,
                PrivilegeConstants.GET_CONCEPT_DATATYPES,
                PrivilegeConstants.GET_CONCEPT_MAP_TYPES,
                PrivilegeConstants.GET_CONCEPT_SOURCES,
                PrivilegeConstants.MANAGE_CONCEPT_SOURCES,
                PrivilegeConstants.GET_CONCEPT_REFERENCE_TERMS,
                PrivilegeConstants.MANAGE_CONCEPT_REFERENCE_TERMS);
    }

    /** The reference term, reused when the source has it already (a term's code is unique in its source). */
    private static ConceptReferenceTerm term(ConceptService concepts, NewTextConcept wanted) {
        ConceptSource source = source(concepts, wanted.source());
        ConceptReferenceTerm existing =
                source.getId() == null ? null : concepts.getConceptReferenceTermByCode(wanted.code(), source);
        return existing != null ? existing : new ConceptReferenceTerm(source, wanted.code(), wanted.name());
    }

    private static ConceptSource source(ConceptService concepts, String name) {
        ConceptSource source = concepts.getConceptSourceByName(name);
        if (source != null) {
            return source;
        }
        ConceptSource made = new ConceptSource();
        made.setName(name);
        made.setDescription(name + " reference terms (made by Patient Recordings for its note concept)");
        return concepts.saveConceptSource(made);
    }

    private static ConceptDictionary.Entry view(Concept concept) {
        ConceptDatatype datatype = concept.getDatatype();
        ConceptName name = concept.getFullySpecifiedName(Locale.ENGLISH);
        return new ConceptDictionary.Entry(
                concept.getUuid(),
                datatype != null && datatype.isText(),
                name == null ? concept.getUuid() : name.getName());
    }

    private static <T> T required(T found, String what) {
        if (found == null) {
            throw new IllegalStateException("OpenMRS has no " + what + ", which the note concept needs");
        }
        return found;
    }
}
