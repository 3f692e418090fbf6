/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.fhir;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Element;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Type;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.RuleViolationException;

/**
 * Small helpers the translators share: references by type and id, and reading typed extension values. Input that
 * does not fit is refused with SAF-4 naming the element, never skipped silently.
 */
final class Refs {

    private Refs() {}

    static Reference to(String type, Object id) {
        return new Reference(type + "/" + id);
    }

    /**
     * The id of a reference of the given type.
     *
     * @throws RuleViolationException SAF-4 when the reference is missing or points at another type
     */
    static String idOf(Reference reference, String type, String location) {
        return idIfAny(reference, type, location)
                .orElseThrow(() -> invalid(location, "a reference to a " + type + " is required"));
    }

    /** The id of a reference of the given type, or empty when there is none. */
    static Optional<String> idIfAny(Reference reference, String type, String location) {
        if (reference == null || !reference.hasReference()) {
            return Optional.empty();
        }
        String value = reference.getReferenceElement().getValue();
        String[] parts = value.split("/");
        if (parts.length < 2 || !type.equals(parts[parts.length - 2])) {
            throw invalid(location, "expected a reference to a " + type + ", not " + value);
        }
        return Optional.of(parts[parts.length - 1]);
    }

    /** The extension's value as the given type, or empty when the extension is absent. */
    static <T extends Type> Optional<T> value(DomainResource resource, String url, Class<T> type, String location) {
        return valueOf(extension(resource.getExtensionsByUrl(url), location), url, type, location);
    }

    /** The extension's value as the given type, or empty when the extension is absent. */
    static <T extends Type> Optional<T> value(Element element, String url, Class<T> type, String location) {
        return valueOf(extension(element.getExtensionsByUrl(url), location), url, type, location);
    }

    /**
     * The resource's one extension with this URL, or null.
     *
     * @throws RuleViolationException SAF-4 when the resource has it more than once
     */
    static Extension extension(DomainResource resource, String url, String location) {
        return extension(resource.getExtensionsByUrl(url), location);
    }

    private static Extension extension(List<Extension> found, String location) {
        if (found.size() > 1) {
            throw invalid(location, "at most one such extension, not " + found.size());
        }
        return found.isEmpty() ? null : found.get(0);
    }

    private static <T extends Type> Optional<T> valueOf(
            Extension extension, String url, Class<T> type, String location) {
        if (extension == null) {
            return Optional.empty();
        }
        if (!type.isInstance(extension.getValue())) {
            throw invalid(location, "extension " + url + " needs a value of type " + type.getSimpleName());
        }
        return Optional.of(valid(type.cast(extension.getValue()), location));
    }

    /**
     * The sub-extension's value as the given type, or empty when it is absent or of another type.
     *
     * @throws RuleViolationException SAF-4 when the sub-extension is there more than once, or is a primitive without a
     *     valid value
     */
    static <T extends Type> Optional<T> part(Extension parent, String name, Class<T> type) {
        Extension extension = extension(parent.getExtensionsByUrl(name), name);
        return extension != null && type.isInstance(extension.getValue())
                ? Optional.of(valid(type.cast(extension.getValue()), name))
                : Optional.empty();
    }

    /**
     * A primitive's value is there and valid: HAPI's lenient parser keeps a primitive whose value is missing or invalid
     * ({@code "valueDateTime": "soon"}), empty.
     */
    private static <T extends Type> T valid(T value, String location) {
        if (value instanceof PrimitiveType<?> primitive && primitive.getValue() == null) {
            throw invalid(
                    location,
                    "a valid " + primitive.fhirType() + " value is required, not "
                            + (primitive.getValueAsString() == null ? "none" : primitive.getValueAsString()));
        }
        return value;
    }

    static Coding coding(String system, String code) {
        return new Coding(system, code, null);
    }

    /** Maps a coding of our own code system onto an enum constant by name. */
    static <E extends Enum<E>> E enumOf(Coding coding, String system, Function<String, E> byName, String location) {
        if (coding == null || !system.equals(coding.getSystem())) {
            throw invalid(location, "expected a code from " + system);
        }
        try {
            return byName.apply(coding.getCode());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw invalid(location, "unknown code " + coding.getCode() + " in " + system);
        }
    }

    static RuleViolationException invalid(String location, String message) {
        return RuleViolationException.of(ErrorCode.SAF_4, message, location);
    }
}
