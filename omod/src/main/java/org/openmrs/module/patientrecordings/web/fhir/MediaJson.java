/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.web.fhir;

import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.BackboneElement;
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

    /** A reference HAPI writes as it is: {@code Type/id}, no server base, version or local part. */
    private static final Pattern RELATIVE_REFERENCE = Pattern.compile("[A-Z][A-Za-z]{1,63}/[A-Za-z0-9\\-.]{1,64}");

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
        begin(m, "Media", name);
        extensions(m.getExtension());
        array("identifier", m.getIdentifier(), i -> identifier(null, i));
        primitive("status", m.getStatusElement());
        concept("type", m.hasType() ? m.getType() : null);
        concept("modality", m.hasModality() ? m.getModality() : null);
        reference("subject", m.hasSubject() ? m.getSubject() : null);
        reference("encounter", m.hasEncounter() ? m.getEncounter() : null);
        if (m.hasCreated()) {
            value("created", m.getCreated());
        }
        reference("operator", m.hasOperator() ? m.getOperator() : null);
        if (m.hasContent()) {
            attachment("content", m.getContent());
        }
        json.endObject();
    }

    private void bundle(Bundle b, String name) {
        if (b.hasIdentifier() || b.hasSignature()) {
            throw DECLINED;
        }
        begin(b, "Bundle", name);
        primitive("type", b.getTypeElement());
        primitive("timestamp", b.getTimestampElement());
        primitive("total", b.getTotalElement());
        array("link", b.getLink(), link -> {
            backbone(link, null);
            primitive("relation", link.getRelationElement());
            primitive("url", link.getUrlElement());
            json.endObject();
        });
        array("entry", b.getEntry(), this::entry);
        json.endObject();
    }

    private void entry(Bundle.BundleEntryComponent entry) {
        if (entry.hasLink() || entry.hasRequest() || entry.hasResponse()) {
            throw DECLINED;
        }
        backbone(entry, null);
        primitive("fullUrl", entry.getFullUrlElement());
        if (entry.hasResource()) {
            resource(entry.getResource(), "resource");
        }
        if (entry.hasSearch()) {
            Bundle.BundleEntrySearchComponent search = entry.getSearch();
            if (search.hasScore()) {
                throw DECLINED;
            }
            backbone(search, "search");
            primitive("mode", search.getModeElement());
            json.endObject();
        }
        json.endObject();
    }

    /**
     * Opens a resource: its type, its id (without base or version, as HAPI writes it) and its meta, with the version
     * taken from the id when the meta has none.
     */
    private void begin(Resource r, String type, String name) {
        if (r.hasImplicitRules() || r.hasLanguage() || r.hasFormatComment()) {
            throw DECLINED;
        }
        open(name);
        json.string("resourceType", type);
        IdType id = r.getIdElement();
        if (id.hasExtension() || id.hasFormatComment()) {
            throw DECLINED;
        }
        boolean hasId = !isBlank(id.getIdPart()) && !id.getValue().startsWith("urn:");
        if (hasId) {
            json.string("id", id.getIdPart());
        }
        meta(r.hasMeta() ? r.getMeta() : null, hasId && id.hasVersionIdPart() ? id.getVersionIdPart() : null);
    }

    private void meta(Meta meta, String versionFromId) {
        if (meta == null && versionFromId == null) {
            return;
        }
        if (meta != null && (meta.hasId() || meta.hasExtension() || meta.hasSource() || meta.hasTag())) {
            throw DECLINED;
        }
        String versionId = meta != null && !isBlank(meta.getVersionId()) ? meta.getVersionId() : versionFromId;
        List<Coding> security = meta == null
                ? List.of()
                : meta.getSecurity().stream()
                        .filter(c -> !isBlank(c.getCode()) || !isBlank(c.getSystem()))
                        .toList();
        boolean profiles = meta != null && meta.hasProfile();
        InstantType lastUpdated = meta == null ? null : meta.getLastUpdatedElement();
        if (isBlank(versionId) && isEmpty(lastUpdated) && !profiles && security.isEmpty()) {
            return;
        }
        json.beginObject("meta");
        if (!isBlank(versionId)) {
            json.string("versionId", versionId);
        }
        primitive("lastUpdated", lastUpdated);
        if (profiles) {
            json.beginArray("profile");
            for (var profile : meta.getProfile()) {
                plain(profile);
                if (isBlank(profile.getValueAsString())) {
                    throw DECLINED;
                }
                json.string(profile.getValueAsString());
            }
            json.endArray();
        }
        if (!security.isEmpty()) {
            json.beginArray("security");
            security.forEach(c -> coding(null, c));
            json.endArray();
        }
        json.endObject();
    }

    private void extensions(List<Extension> extensions) {
        boolean open = false;
        for (Extension e : extensions) {
            boolean noValue = e.getValue() == null || e.getValue().isEmpty();
            if (noValue && e.getExtension().isEmpty()) {
                throw DECLINED;
            }
            if (!open) {
                json.beginArray("extension");
                open = true;
            }
            extension(e, noValue);
        }
        if (open) {
            json.endArray();
        }
    }

    private void extension(Extension e, boolean noValue) {
        String url = e.getUrl();
        if (e.hasId() || e.hasFormatComment() || isBlank(url) || url.startsWith("/") || !noValue && e.hasExtension()) {
            throw DECLINED;
        }
        json.beginObject().string("url", url);
        if (e.hasExtension()) {
            json.beginArray("extension");
            for (Extension nested : e.getExtension()) {
                boolean nestedNoValue =
                        nested.getValue() == null || nested.getValue().isEmpty();
                if (nestedNoValue && nested.getExtension().isEmpty()) {
                    throw DECLINED;
                }
                extension(nested, nestedNoValue);
            }
            json.endArray();
        }
        if (!noValue) {
            value("value", e.getValue());
        }
        json.endObject();
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
        if (identifier.isEmpty()) {
            return;
        }
        plain(identifier);
        if (identifier.hasUse() || identifier.hasType() || identifier.hasPeriod() || identifier.hasAssigner()) {
            throw DECLINED;
        }
        open(name);
        extensions(identifier.getExtension());
        primitive("system", identifier.getSystemElement());
        primitive("value", identifier.getValueElement());
        json.endObject();
    }

    private void concept(String name, CodeableConcept concept) {
        if (concept == null || concept.isEmpty()) {
            return;
        }
        plain(concept);
        json.beginObject(name);
        extensions(concept.getExtension());
        array("coding", concept.getCoding(), c -> coding(null, c));
        primitive("text", concept.getTextElement());
        json.endObject();
    }

    /** A Coding, as a member when named and as an array item otherwise. */
    private void coding(String name, Coding coding) {
        if (coding.isEmpty()) {
            return;
        }
        plain(coding);
        open(name);
        extensions(coding.getExtension());
        primitive("system", coding.getSystemElement());
        primitive("version", coding.getVersionElement());
        primitive("code", coding.getCodeElement());
        primitive("display", coding.getDisplayElement());
        primitive("userSelected", coding.getUserSelectedElement());
        json.endObject();
    }

    private void reference(String name, Reference reference) {
        if (reference == null || reference.isEmpty()) {
            return;
        }
        plain(reference);
        if (reference.getResource() != null || reference.hasIdentifier()) {
            throw DECLINED;
        }
        String value = reference.getReferenceElement_().getValue();
        if (value != null
                && !value.isBlank()
                && !RELATIVE_REFERENCE.matcher(value).matches()) {
            throw DECLINED;
        }
        json.beginObject(name);
        extensions(reference.getExtension());
        primitive("reference", reference.getReferenceElement_());
        primitive("type", reference.getTypeElement());
        primitive("display", reference.getDisplayElement());
        json.endObject();
    }

    private void period(String name, Period period) {
        if (period.isEmpty()) {
            return;
        }
        plain(period);
        json.beginObject(name);
        extensions(period.getExtension());
        primitive("start", period.getStartElement());
        primitive("end", period.getEndElement());
        json.endObject();
    }

    private void attachment(String name, Attachment a) {
        plain(a);
        if (a.hasData()) {
            throw DECLINED;
        }
        json.beginObject(name);
        extensions(a.getExtension());
        primitive("contentType", a.getContentTypeElement());
        primitive("language", a.getLanguageElement());
        primitive("url", a.getUrlElement());
        primitive("size", a.getSizeElement());
        primitive("hash", a.getHashElement());
        primitive("title", a.getTitleElement());
        primitive("creation", a.getCreationElement());
        json.endObject();
    }

    /** Opens a backbone element's object (a Bundle's link, entry or entry search), which has no extensions here. */
    private void backbone(BackboneElement element, String name) {
        plain(element);
        if (element.hasExtension() || element.hasModifierExtension()) {
            throw DECLINED;
        }
        open(name);
    }

    /** Opens an object: a member when named, an array item otherwise. */
    private void open(String name) {
        if (name == null) {
            json.beginObject();
        } else {
            json.beginObject(name);
        }
    }

    /**
     * A primitive member, written as HAPI writes it: nothing when it has no value or a blank one, a number for an
     * integer, true or false for a boolean, a string otherwise.
     */
    private void primitive(String name, PrimitiveType<?> p) {
        if (p == null || p.isEmpty()) {
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
        boolean open = false;
        for (T next : items) {
            if (next.isEmpty()) {
                continue;
            }
            if (!open) {
                json.beginArray(name);
                open = true;
            }
            item.accept(next);
        }
        if (open) {
            json.endArray();
        }
    }

    /** An element without an id or comments: HAPI would write those, and this writer does not. */
    private static void plain(Element e) {
        if (e.hasId() || e.hasFormatComment()) {
            throw DECLINED;
        }
    }

    private static boolean isEmpty(PrimitiveType<?> p) {
        return p == null || p.isEmpty() || isBlank(p.getValueAsString());
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
