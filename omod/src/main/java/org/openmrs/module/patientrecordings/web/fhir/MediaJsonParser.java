/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.web.fhir;

import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.IParserErrorHandler;
import ca.uhn.fhir.rest.api.EncodingEnum;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.Writer;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBase;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;

/**
 * HAPI's JSON parser, with {@link MediaJson} encoding Media and their Bundles while every encoding option is HAPI's
 * default (no pretty printing, {@code _summary}, {@code _elements}, forced or omitted ids). Parsing, and encoding
 * with any option set or of anything else, is HAPI's own. Every option is passed on to HAPI's parser as it is set.
 */
final class MediaJsonParser implements IParser {

    private final IParser hapi;
    private boolean pretty;
    private boolean summary;
    private boolean suppressNarratives;
    private boolean omitResourceId;
    private boolean elementsChosen;
    private boolean elementsLeftOut;
    private boolean elementsForChildrenOnly;
    private IIdType forcedId;

    MediaJsonParser(IParser hapi) {
        this.hapi = hapi;
    }

    /** Whether the output is HAPI's default encoding, which {@link MediaJson} writes. */
    private boolean defaults() {
        return !pretty
                && !summary
                && !suppressNarratives
                && !omitResourceId
                && !elementsChosen
                && !elementsLeftOut
                && !elementsForChildrenOnly
                && forcedId == null;
    }

    private String shortcut(IBaseResource resource) {
        return defaults() ? MediaJson.encode(resource) : null;
    }

    @Override
    public String encodeResourceToString(IBaseResource resource) {
        String json = shortcut(resource);
        return json != null ? json : hapi.encodeResourceToString(resource);
    }

    @Override
    public void encodeResourceToWriter(IBaseResource resource, Writer writer) throws IOException {
        String json = shortcut(resource);
        if (json == null) {
            hapi.encodeResourceToWriter(resource, writer);
        } else {
            writer.write(json);
        }
    }

    @Override
    public String encodeToString(IBase element) {
        return element instanceof IBaseResource resource
                ? encodeResourceToString(resource)
                : hapi.encodeToString(element);
    }

    @Override
    public void encodeToWriter(IBase element, Writer writer) throws IOException {
        if (element instanceof IBaseResource resource) {
            encodeResourceToWriter(resource, writer);
        } else {
            hapi.encodeToWriter(element, writer);
        }
    }

    @Override
    public IIdType getEncodeForceResourceId() {
        return hapi.getEncodeForceResourceId();
    }

    @Override
    public IParser setEncodeForceResourceId(IIdType id) {
        forcedId = id;
        hapi.setEncodeForceResourceId(id);
        return this;
    }

    @Override
    public EncodingEnum getEncoding() {
        return hapi.getEncoding();
    }

    @Override
    public List<Class<? extends IBaseResource>> getPreferTypes() {
        return hapi.getPreferTypes();
    }

    @Override
    public void setPreferTypes(List<Class<? extends IBaseResource>> types) {
        hapi.setPreferTypes(types);
    }

    @Override
    public boolean isOmitResourceId() {
        return hapi.isOmitResourceId();
    }

    @Override
    public IParser setOmitResourceId(boolean omit) {
        omitResourceId = omit;
        hapi.setOmitResourceId(omit);
        return this;
    }

    @Override
    public Boolean getStripVersionsFromReferences() {
        return hapi.getStripVersionsFromReferences();
    }

    /** No bearing on {@link MediaJson}, which declines every reference that names a version. */
    @Override
    public IParser setStripVersionsFromReferences(Boolean strip) {
        hapi.setStripVersionsFromReferences(strip);
        return this;
    }

    @Override
    public boolean isSummaryMode() {
        return hapi.isSummaryMode();
    }

    @Override
    public IParser setSummaryMode(boolean summaryMode) {
        summary = summaryMode;
        hapi.setSummaryMode(summaryMode);
        return this;
    }

    @Override
    public <T extends IBaseResource> T parseResource(Class<T> type, Reader reader) {
        return hapi.parseResource(type, reader);
    }

    @Override
    public <T extends IBaseResource> T parseResource(Class<T> type, InputStream input) {
        return hapi.parseResource(type, input);
    }

    @Override
    public <T extends IBaseResource> T parseResource(Class<T> type, String text) {
        return hapi.parseResource(type, text);
    }

    @Override
    public IBaseResource parseResource(Reader reader) {
        return hapi.parseResource(reader);
    }

    @Override
    public IBaseResource parseResource(InputStream input) {
        return hapi.parseResource(input);
    }

    @Override
    public IBaseResource parseResource(String text) {
        return hapi.parseResource(text);
    }

    @Override
    public IParser setDontEncodeElements(Collection<String> elements) {
        elementsLeftOut = elements != null && !elements.isEmpty();
        hapi.setDontEncodeElements(elements);
        return this;
    }

    @Override
    public IParser setEncodeElements(Set<String> elements) {
        elementsChosen = elements != null && !elements.isEmpty();
        hapi.setEncodeElements(elements);
        return this;
    }

    @Override
    public boolean isEncodeElementsAppliesToChildResourcesOnly() {
        return hapi.isEncodeElementsAppliesToChildResourcesOnly();
    }

    @Override
    public void setEncodeElementsAppliesToChildResourcesOnly(boolean childrenOnly) {
        elementsForChildrenOnly = childrenOnly;
        hapi.setEncodeElementsAppliesToChildResourcesOnly(childrenOnly);
    }

    @Override
    public IParser setParserErrorHandler(IParserErrorHandler handler) {
        hapi.setParserErrorHandler(handler);
        return this;
    }

    @Override
    public IParser setPrettyPrint(boolean prettyPrint) {
        pretty = prettyPrint;
        hapi.setPrettyPrint(prettyPrint);
        return this;
    }

    /** No bearing on {@link MediaJson}, which declines absolute references and extension URLs starting with '/'. */
    @Override
    public IParser setServerBaseUrl(String url) {
        hapi.setServerBaseUrl(url);
        return this;
    }

    @Override
    public IParser setOverrideResourceIdWithBundleEntryFullUrl(Boolean override) {
        hapi.setOverrideResourceIdWithBundleEntryFullUrl(override);
        return this;
    }

    @Override
    public IParser setSuppressNarratives(boolean suppress) {
        suppressNarratives = suppress;
        hapi.setSuppressNarratives(suppress);
        return this;
    }

    @Override
    public Set<String> getDontStripVersionsFromReferencesAtPaths() {
        return hapi.getDontStripVersionsFromReferencesAtPaths();
    }

    @Override
    public IParser setDontStripVersionsFromReferencesAtPaths(String... paths) {
        hapi.setDontStripVersionsFromReferencesAtPaths(paths);
        return this;
    }

    @Override
    public IParser setDontStripVersionsFromReferencesAtPaths(Collection<String> paths) {
        hapi.setDontStripVersionsFromReferencesAtPaths(paths);
        return this;
    }

    @Override
    public void parseInto(Reader source, IBase target) throws IOException {
        hapi.parseInto(source, target);
    }
}
