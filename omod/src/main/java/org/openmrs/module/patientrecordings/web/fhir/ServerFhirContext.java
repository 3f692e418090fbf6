/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.web.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.FhirVersionEnum;
import ca.uhn.fhir.context.api.BundleInclusionRule;
import ca.uhn.fhir.model.api.Include;
import ca.uhn.fhir.model.api.ResourceMetadataKeyEnum;
import ca.uhn.fhir.model.valueset.BundleEntrySearchModeEnum;
import ca.uhn.fhir.model.valueset.BundleTypeEnum;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.rest.api.BundleLinks;
import ca.uhn.fhir.rest.api.IVersionSpecificBundleFactory;
import java.math.BigDecimal;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.instance.model.api.IPrimitiveType;
import org.hl7.fhir.r4.hapi.rest.server.R4BundleFactory;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;

/**
 * The FHIR R4 context of the module's endpoint, its own so that its settings touch no other user of HAPI in the same
 * application (inside OpenMRS, the FHIR2 module). It differs from HAPI's default in two ways, both about work every
 * answer paid for and none needed:
 *
 * <ul>
 *   <li>The encoder does not look through every reference of a resource for an unsaved resource to contain: the
 *       module writes {@code contained} itself where it means to (a consent's representative), and every other
 *       reference it writes names a resource by id.
 *   <li>A page of search results without {@code _include} becomes a Bundle without a look through every reference of
 *       every resource on the page for resources to include ({@link SearchPageBundles}). With {@code _include}, and
 *       for every other kind of Bundle, HAPI builds it as before.
 *   <li>Its JSON parser writes Media, and Bundles of them, without HAPI's generic walk of the model ({@link
 *       MediaJsonParser}), to the same characters.
 * </ul>
 */
final class ServerFhirContext extends FhirContext {

    /** One for every server of the application, as HAPI's own cached context: building one takes time. */
    private static final class Shared {
        private static final ServerFhirContext INSTANCE = new ServerFhirContext();
    }

    /** The context every server of the application shares. */
    static ServerFhirContext shared() {
        return Shared.INSTANCE;
    }

    private ServerFhirContext() {
        super(FhirVersionEnum.R4);
        getParserOptions().setAutoContainReferenceTargetsWithNoId(false);
    }

    @Override
    public IParser newJsonParser() {
        return new MediaJsonParser(super.newJsonParser());
    }

    @Override
    public IVersionSpecificBundleFactory newBundleFactory() {
        return new SearchPageBundles(this, new R4BundleFactory(this));
    }

    /**
     * HAPI's R4 Bundle factory, except for a page of search results that asks for no {@code _include}: its resources
     * become entries, with the full URL, search mode and score HAPI gives them, and no reference is followed.
     */
    static final class SearchPageBundles implements IVersionSpecificBundleFactory {

        private final FhirContext context;
        private final IVersionSpecificBundleFactory hapi;
        private String serverBase;

        SearchPageBundles(FhirContext context, IVersionSpecificBundleFactory hapi) {
            this.context = context;
            this.hapi = hapi;
        }

        @Override
        public void addRootPropertiesToBundle(
                String id, BundleLinks links, Integer totalResults, IPrimitiveType<Date> lastUpdated) {
            serverBase = links.serverBase;
            hapi.addRootPropertiesToBundle(id, links, totalResults, lastUpdated);
        }

        @Override
        public void addResourcesToBundle(
                List<IBaseResource> resources,
                BundleTypeEnum bundleType,
                String base,
                BundleInclusionRule inclusionRule,
                Set<Include> includes) {
            if (bundleType != BundleTypeEnum.SEARCHSET || (includes != null && !includes.isEmpty())) {
                hapi.addResourcesToBundle(resources, bundleType, base, inclusionRule, includes);
                return;
            }
            hapi.addResourcesToBundle(List.of(), bundleType, base, inclusionRule, includes);
            Bundle bundle = (Bundle) hapi.getResourceBundle();
            for (IBaseResource next : resources) {
                Resource resource = (Resource) next;
                Bundle.BundleEntryComponent entry = bundle.addEntry().setResource(resource);
                IIdType id = resource.getIdElement();
                if (id.hasBaseUrl()) {
                    entry.setFullUrl(id.toVersionless().getValue());
                } else if (serverBase != null && !serverBase.isBlank() && id.hasIdPart()) {
                    entry.setFullUrl(id.withServerBase(serverBase, context.getResourceType(resource))
                            .toVersionless()
                            .getValue());
                }
                BundleEntrySearchModeEnum mode = ResourceMetadataKeyEnum.ENTRY_SEARCH_MODE.get(resource);
                if (mode != null) {
                    entry.getSearch().getModeElement().setValueAsString(mode.getCode());
                }
                BigDecimal score = ResourceMetadataKeyEnum.ENTRY_SEARCH_SCORE.get(resource);
                if (score != null) {
                    entry.getSearch().getScoreElement().setValue(score);
                }
            }
        }

        @Override
        public IBaseResource getResourceBundle() {
            return hapi.getResourceBundle();
        }

        @Override
        public void initializeWithBundleResource(IBaseResource bundle) {
            hapi.initializeWithBundleResource(bundle);
        }

        @Override
        public List<IBaseResource> toListOfResources() {
            return hapi.toListOfResources();
        }

        @Override
        public void addTotalResultsToBundle(Integer totalResults, BundleTypeEnum bundleType) {
            hapi.addTotalResultsToBundle(totalResults, bundleType);
        }
    }
}
