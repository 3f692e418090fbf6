/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.web.fhir;

import java.util.List;
import java.util.function.Consumer;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.BackboneElement;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.Base64BinaryType;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Element;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Media;
import org.hl7.fhir.r4.model.Meta;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;
import org.hl7.fhir.r4.model.UriType;

/**
 * Media, and the Bundles that carry them (search pages), as HAPI's JSON encoder writes them with its default options,
 * character for character, at a fraction of its cost: HAPI walks every element through its model's reflection and
 * copies each resource's meta on the way; a search page of twenty Media spent more time there than in its query and
 * audit together. It knows the elements the module writes and no others: a resource holding anything else (another
 * resource type, an element it does not know, an element id, a primitive with extensions, a reference HAPI would
 * rewrite) is declined, and HAPI encodes it as before.
 */
final class MediaJson {

    /** Thrown, without a stack, when the resource holds something this writer does not know. */
    private static final class Declined extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Declined() {
            super(null, null, false, false);
        }
    }

    private static final Declined DECLINED = new Declined();

    private final JsonText json = new JsonText();

    private MediaJson() {}

    /** The resource as HAPI's default JSON encoding, or null when this writer does not know all of it. */
    static String encode(IBaseResource resource) {
        if (!(resource instanceof Media) && !(resource instanceof Bundle)) {
            return null;
        }
        try {
            MediaJson writer = new MediaJson();
            writer.resource((Resource) resource, null);
            return writer.json.toString();
        } catch (Declined declined) {
            return null;
        }
    }

    private void resource(Resource resource, String name) {
        if (resource instanceof Media media) {
            media(media, name);
        } else if (resource instanceof Bundle bundle) {
            bundle(bundle, name);
        } else {
            throw DECLINED;
        }
    }

    private void media(Media m, String name) {
        if (m.hasText() || m.hasContained() || m.hasModifierExtension()) {
            throw DECLINED;
        }
        if (m.hasBasedOn()
                || m.hasPartOf()
                || m.hasView()
                || m.hasIssued()
                || m.hasReasonCode()
                || m.hasBodySite()
                || m.hasDeviceName()
                || m.hasDevice()
                || m.hasHeight()
                || m.hasWidth()
                || m.hasFrames()
                || m.hasDuration()
                || m.hasNote()) {
            throw DECLINED;
        }
        long start = begin(m, "Media", name);
        extensions(m.getExtension());
        array("identifier", m.getIdentifier(), i -> identifier(null, i));
        primitive("status", m.getStatusElement());
        if (child(m, "type") instanceof CodeableConcept type) {
            concept("type", type);
        }
        if (child(m, "modality") instanceof CodeableConcept modality) {
            concept("modality", modality);
        }
        reference("subject", (Reference) child(m, "subject"));
        reference("encounter", (Reference) child(m, "encounter"));
        if (child(m, "created") instanceof Type created) {
            value("created", created);
        }
        reference("operator", (Reference) child(m, "operator"));
        if (child(m, "content") instanceof Attachment content) {
            attachment("content", content);
        }
        json.end(start);
    }

    private void bundle(Bundle b, String name) {
        if (b.hasIdentifier() || b.hasSignature()) {
            throw DECLINED;
        }
        long start = begin(b, "Bundle", name);
        primitive("type", b.getTypeElement());
        primitive("timestamp", b.getTimestampElement());
        primitive("total", b.getTotalElement());
        array("link", b.getLink(), link -> {
            long item = backbone(link, null);
            primitive("relation", link.getRelationElement());
            primitive("url", link.getUrlElement());
            json.end(item);
        });
        array("entry", b.getEntry(), this::entry);
        json.end(start);
    }

    private void entry(Bundle.BundleEntryComponent entry) {
        if (entry.hasLink() || entry.hasRequest() || entry.hasResponse()) {
            throw DECLINED;
        }
        long start = backbone(entry, null);
        primitive("fullUrl", entry.getFullUrlElement());
        if (entry.getResource() != null) {
            resource(entry.getResource(), "resource");
        }
        if (entry.hasSearch()) {
            Bundle.BundleEntrySearchComponent search = entry.getSearch();
            if (search.hasScore()) {
                throw DECLINED;
            }
            long item = backbone(search, "search");
            primitive("mode", search.getModeElement());
            json.end(item);
        }
        json.end(start);
    }

    /**
     * Opens a resource: its type, its id (without base or version, as HAPI writes it) and its meta, with the version
     * taken from the id when the meta has none.
     */
    private long begin(Resource r, String type, String name) {
        if (r.hasImplicitRules() || r.hasLanguage() || r.hasFormatComment()) {
            throw DECLINED;
        }
        long start = json.beginObject(name);
        json.string("resourceType", type);
        IdType id = r.getIdElement();
        if (id.hasExtension() || id.hasFormatComment()) {
            throw DECLINED;
        }
        boolean hasId = !isBlank(id.getIdPart()) && !id.getValue().startsWith("urn:");
        if (hasId) {
            json.string("id", id.getIdPart());
        }
        meta((Meta) child(r, "meta"), hasId && id.hasVersionIdPart() ? id.getVersionIdPart() : null);
        return start;
    }

    private void meta(Meta meta, String versionFromId) {
        if (meta != null && (meta.hasId() || meta.hasExtension() || meta.hasSource() || meta.hasTag())) {
            throw DECLINED;
        }
        long start = json.beginObject("meta");
        String versionId = meta != null && !isBlank(meta.getVersionId()) ? meta.getVersionId() : versionFromId;
        if (!isBlank(versionId)) {
            json.string("versionId", versionId);
        }
        if (meta != null) {
            primitive("lastUpdated", meta.getLastUpdatedElement());
            long profiles = json.beginArray("profile");
            for (var profile : meta.getProfile()) {
                plain(profile);
                if (profile.hasExtension() || isBlank(profile.getValueAsString())) {
                    throw DECLINED;
                }
                json.string(profile.getValueAsString());
            }
            json.end(profiles);
            long security = json.beginArray("security");
            for (Coding label : meta.getSecurity()) {
                // HAPI leaves out a label with neither code nor system.
                if (!isBlank(label.getCode()) || !isBlank(label.getSystem())) {
                    coding(null, label);
                }
            }
            json.end(security);
        }
        json.end(start);
    }

    /** An element's extensions: each has a value or extensions of its own, never both (HAPI refuses both). */
    private void extensions(List<Extension> extensions) {
        if (extensions.isEmpty()) {
            return;
        }
        long start = json.beginArray("extension");
        for (Extension e : extensions) {
            extension(e);
        }
        json.end(start);
    }

    private void extension(Extension e) {
        String url = e.getUrl();
        if (e.hasId() || e.hasFormatComment() || isBlank(url) || url.startsWith("/")) {
            throw DECLINED;
        }
        long start = json.beginObject(null);
        json.string("url", url);
        long nested = json.beginArray("extension");
        for (Extension child : e.getExtension()) {
            extension(child);
        }
        boolean hasNested = json.end(nested);
        int before = json.length();
        if (e.getValue() != null) {
            value("value", e.getValue());
        }
        boolean hasValue = json.length() != before;
        if (hasNested == hasValue) {
            throw DECLINED;
        }
        json.end(start);
    }

    /** A choice element ({@code value[x]}, {@code created[x]}): its name ends with the type's. */
    private void value(String prefix, Type value) {
        Class<?> type = value.getClass();
        if (type == StringType.class) {
            primitive(prefix + "String", (StringType) value);
        } else if (type == CodeType.class) {
            primitive(prefix + "Code", (CodeType) value);
        } else if (type == BooleanType.class) {
            primitive(prefix + "Boolean", (BooleanType) value);
        } else if (type == DateTimeType.class) {
            primitive(prefix + "DateTime", (DateTimeType) value);
        } else if (type == DateType.class) {
            primitive(prefix + "Date", (DateType) value);
        } else if (type == InstantType.class) {
            primitive(prefix + "Instant", (InstantType) value);
        } else if (type == Base64BinaryType.class) {
            primitive(prefix + "Base64Binary", (Base64BinaryType) value);
        } else if (type == UriType.class) {
            primitive(prefix + "Uri", (UriType) value);
        } else if (type == IntegerType.class) {
            primitive(prefix + "Integer", (IntegerType) value);
        } else if (type == Coding.class) {
            coding(prefix + "Coding", (Coding) value);
        } else if (type == CodeableConcept.class) {
            concept(prefix + "CodeableConcept", (CodeableConcept) value);
        } else if (type == Reference.class) {
            reference(prefix + "Reference", (Reference) value);
        } else if (type == Period.class) {
            period(prefix + "Period", (Period) value);
        } else if (type == Identifier.class) {
            identifier(prefix + "Identifier", (Identifier) value);
        } else {
            throw DECLINED;
        }
    }

    /** An Identifier, as a member when named and as an array item otherwise. */
    private void identifier(String name, Identifier identifier) {
        plain(identifier);
        if (identifier.hasUse() || identifier.hasType() || identifier.hasPeriod() || identifier.hasAssigner()) {
            throw DECLINED;
        }
        long start = json.beginObject(name);
        extensions(identifier.getExtension());
        primitive("system", identifier.getSystemElement());
        primitive("value", identifier.getValueElement());
        json.end(start);
    }

    private void concept(String name, CodeableConcept concept) {
        plain(concept);
        long start = json.beginObject(name);
        extensions(concept.getExtension());
        array("coding", concept.getCoding(), c -> coding(null, c));
        primitive("text", concept.getTextElement());
        json.end(start);
    }

    /** A Coding, as a member when named and as an array item otherwise. */
    private void coding(String name, Coding coding) {
        plain(coding);
        long start = json.beginObject(name);
        extensions(coding.getExtension());
        primitive("system", coding.getSystemElement());
        primitive("version", coding.getVersionElement());
        primitive("code", coding.getCodeElement());
        primitive("display", coding.getDisplayElement());
        primitive("userSelected", coding.getUserSelectedElement());
        json.end(start);
    }

    private void reference(String name, Reference reference) {
        if (reference == null) {
            return;
        }
        plain(reference);
        if (reference.getResource() != null || reference.hasIdentifier()) {
            throw DECLINED;
        }
        StringType value = reference.getReferenceElement_();
        if (!isBlank(value.getValue()) && !relative(value.getValue())) {
            throw DECLINED;
        }
        long start = json.beginObject(name);
        extensions(reference.getExtension());
        primitive("reference", value);
        primitive("type", reference.getTypeElement());
        primitive("display", reference.getDisplayElement());
        json.end(start);
    }

    private void period(String name, Period period) {
        plain(period);
        long start = json.beginObject(name);
        extensions(period.getExtension());
        primitive("start", period.getStartElement());
        primitive("end", period.getEndElement());
        json.end(start);
    }

    private void attachment(String name, Attachment a) {
        plain(a);
        if (a.hasData()) {
            throw DECLINED;
        }
        long start = json.beginObject(name);
        extensions(a.getExtension());
        primitive("contentType", a.getContentTypeElement());
        primitive("language", a.getLanguageElement());
        primitive("url", a.getUrlElement());
        primitive("size", a.getSizeElement());
        primitive("hash", a.getHashElement());
        primitive("title", a.getTitleElement());
        primitive("creation", a.getCreationElement());
        json.end(start);
    }

    /** Opens a backbone element's object (a Bundle's link, entry or entry search), which has no extensions here. */
    private long backbone(BackboneElement element, String name) {
        plain(element);
        if (element.hasExtension() || element.hasModifierExtension()) {
            throw DECLINED;
        }
        return json.beginObject(name);
    }

    /**
     * A primitive member, written as HAPI writes it: nothing when it has no value or a blank one, a number for an
     * integer, true or false for a boolean, a string otherwise.
     */
    private void primitive(String name, PrimitiveType<?> p) {
        if (p == null) {
            return;
        }
        plain(p);
        if (p.hasExtension()) {
            throw DECLINED;
        }
        String text = p.getValueAsString();
        if (isBlank(text)) {
            return;
        }
        if (p instanceof BooleanType b) {
            json.bool(name, b.getValue());
        } else if (p instanceof IntegerType i) {
            json.number(name, i.getValue());
        } else if (p instanceof DecimalType) {
            throw DECLINED;
        } else {
            json.string(name, text);
        }
    }

    /** A repeating element: its items that are not empty, and no member at all when every item is. */
    private <T extends Element> void array(String name, List<T> items, Consumer<T> item) {
        if (items.isEmpty()) {
            return;
        }
        long start = json.beginArray(name);
        for (T next : items) {
            item.accept(next);
        }
        json.end(start);
    }

    /** A child element, or null: without creating an empty one, as the model's getters do, or looking through it. */
    private static Base child(Base element, String name) {
        Base[] values = element.getProperty(name.hashCode(), name, false);
        return values.length == 0 ? null : values[0];
    }

    /** An element without an id or comments: HAPI would write those, and this writer does not. */
    private static void plain(Element e) {
        if (e.hasId() || e.hasFormatComment()) {
            throw DECLINED;
        }
    }

    /** A reference HAPI writes as it is: {@code Type/id}, with no server base, version or local part. */
    private static boolean relative(String reference) {
        int slash = reference.indexOf('/');
        if (slash < 2 || slash > 64 || slash != reference.lastIndexOf('/') || slash == reference.length() - 1) {
            return false;
        }
        if (reference.charAt(0) < 'A' || reference.charAt(0) > 'Z') {
            return false;
        }
        for (int i = 1; i < reference.length(); i++) {
            char c = reference.charAt(i);
            boolean letter = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
            boolean idChar = letter || c >= '0' && c <= '9' || c == '-' || c == '.';
            if (i < slash ? !letter : i > slash && !idChar) {
                return false;
            }
        }
        return reference.length() - slash - 1 <= 64;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
