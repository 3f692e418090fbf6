/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.web.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.api.BundleInclusionRule;
import ca.uhn.fhir.model.api.Include;
import ca.uhn.fhir.model.api.ResourceMetadataKeyEnum;
import ca.uhn.fhir.model.valueset.BundleEntrySearchModeEnum;
import ca.uhn.fhir.model.valueset.BundleTypeEnum;
import ca.uhn.fhir.rest.api.BundleLinks;
import ca.uhn.fhir.rest.api.IVersionSpecificBundleFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.hapi.rest.server.R4BundleFactory;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Media;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

class ServerFhirContextTest {

    private static final String BASE = "http://localhost:8080/fhir";
    private static final FhirContext HAPI = FhirContext.forR4Cached();

    @Test
    void aPageWithoutIncludeIsTheBundleHapiBuilds() {
        List<IBaseResource> page = page(false);
        String ours = json(ServerFhirContext.shared().newBundleFactory(), page(false), Set.of());
        String hapis = json(new R4BundleFactory(HAPI), page, Set.of());

        assertThat(ours).isEqualTo(hapis);
        Bundle bundle = HAPI.newJsonParser().parseResource(Bundle.class, ours);
        assertThat(bundle.getEntry()).hasSize(3);
        assertThat(bundle.getEntryFirstRep().getFullUrl()).isEqualTo(BASE + "/Media/m0");
        assertThat(bundle.getEntryFirstRep().getSearch().getMode()).isEqualTo(Bundle.SearchEntryMode.MATCH);
        assertThat(bundle.getEntry().get(2).getFullUrl()).isEqualTo("http://elsewhere.example/fhir/Media/m2");
        assertThat(bundle.getTotal()).isEqualTo(3);
    }

    @Test
    void aPageWithIncludeStillCarriesWhatTheProviderFilledIn() {
        Set<Include> consent = Set.of(new Include("Media:consent"));
        String ours = json(ServerFhirContext.shared().newBundleFactory(), page(true), consent);

        assertThat(ours).isEqualTo(json(new R4BundleFactory(HAPI), page(true), consent));
        Bundle bundle = HAPI.newJsonParser().parseResource(Bundle.class, ours);
        assertThat(bundle.getEntry()).hasSize(4);
        assertThat(bundle.getEntry().get(3).getFullUrl()).isEqualTo(BASE + "/Consent/c1");
        assertThat(bundle.getEntry().get(3).getSearch().getMode()).isEqualTo(Bundle.SearchEntryMode.INCLUDE);
    }

    @Test
    void aReferenceToAResourceWithoutIdIsNotMadeContained() {
        String withDefaults = HAPI.newJsonParser().encodeResourceToString(mediaOfAnUnsavedPatient());
        String ours = ServerFhirContext.shared().newJsonParser().encodeResourceToString(mediaOfAnUnsavedPatient());

        assertThat(withDefaults).contains("\"contained\"");
        assertThat(ours).doesNotContain("contained");
    }

    private static Media mediaOfAnUnsavedPatient() {
        Media media = new Media();
        media.setId("m0");
        media.setSubject(new Reference(new Patient().setActive(true)));
        return media;
    }

    private static List<IBaseResource> page(boolean filledIn) {
        List<IBaseResource> page = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Media media = new Media();
            media.setId(i == 2 ? "http://elsewhere.example/fhir/Media/m" + i : "Media/m" + i + "/_history/2");
            media.setStatus(Media.MediaStatus.COMPLETED);
            media.setSubject(new Reference("Patient/p1"));
            media.setCreated(new DateTimeType("2026-12-01T10:00:00Z"));
            Consent governing = new Consent();
            governing.setId("Consent/c1");
            governing.setStatus(Consent.ConsentState.ACTIVE);
            Reference toConsent = new Reference("Consent/c1");
            if (filledIn) {
                toConsent.setResource(governing);
            }
            media.addExtension("https://example.org/governing-consent", toConsent);
            ResourceMetadataKeyEnum.ENTRY_SEARCH_MODE.put(media, BundleEntrySearchModeEnum.MATCH);
            page.add(media);
        }
        return page;
    }

    private static String json(IVersionSpecificBundleFactory factory, List<IBaseResource> page, Set<Include> includes) {
        BundleLinks links = new BundleLinks(BASE, Set.of(), false, BundleTypeEnum.SEARCHSET);
        links.setSelf(BASE + "/Media?patient=p1");
        factory.addRootPropertiesToBundle("page-1", links, page.size(), new InstantType("2026-12-01T10:00:00Z"));
        factory.addResourcesToBundle(
                page, BundleTypeEnum.SEARCHSET, BASE, BundleInclusionRule.BASED_ON_RESOURCE_PRESENCE, includes);
        return HAPI.newJsonParser().encodeResourceToString(factory.getResourceBundle());
    }
}
