/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.web.fhir;

import ca.uhn.fhir.rest.api.server.IBundleProvider;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IPrimitiveType;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Media;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.recording.Recording;
import org.openmrs.module.patientrecordings.recording.RecordingService;

/**
 * The hits of one Media search, served a page at a time (SAF-2). The search has already decided which recordings
 * the user may see and which match, so {@link #size()} (Bundle.total) counts exactly the hits the user may see. Each
 * page is rendered when HAPI asks for it, for the first page while the search runs and for a later one when its
 * paging link is followed (by the same user, {@link UserBoundPaging}), and exactly the recordings of that page are
 * audited as search hits, in one write, before it is returned; recordings on pages never asked for are neither
 * rendered nor audited. A search by status or consent-status, which are matched on the rendered Media, renders
 * every hit once to filter them, and still audits only the page returned.
 */
final class MediaSearchPages implements IBundleProvider {

    private final PatientId patient;
    private final List<Recording> hits;
    private final List<Media> rendered;
    private final Function<List<Recording>, List<Media>> render;
    private final RecordingService recordings;
    private final Consumer<Media> include;
    private final InstantType published = InstantType.now();

    /**
     * @param hits the visible recordings that match, in the order they are returned
     * @param rendered their Media, already rendered to filter them, in the same order; or null to render each page
     *     when it is asked for
     * @param render renders recordings the user may see as Media, without auditing
     * @param include adds what {@code _include} asks for to a Media about to be returned (audited as its own read)
     */
    MediaSearchPages(
            PatientId patient,
            List<Recording> hits,
            List<Media> rendered,
            Function<List<Recording>, List<Media>> render,
            RecordingService recordings,
            Consumer<Media> include) {
        if (rendered != null && rendered.size() != hits.size()) {
            throw new IllegalArgumentException("one rendered Media for each hit");
        }
        this.patient = patient;
        this.hits = List.copyOf(hits);
        this.rendered = rendered == null ? null : List.copyOf(rendered);
        this.render = render;
        this.recordings = recordings;
        this.include = include;
    }

    @Override
    public IPrimitiveType<Date> getPublished() {
        return published;
    }

    /** The page from {@code fromIndex} (inclusive) to {@code toIndex} (exclusive), audited before it is returned. */
    @Override
    public List<IBaseResource> getResources(int fromIndex, int toIndex) {
        int from = Math.max(0, Math.min(fromIndex, hits.size()));
        int to = Math.max(from, Math.min(toIndex, hits.size()));
        List<Recording> page = hits.subList(from, to);
        if (page.isEmpty()) {
            return new ArrayList<>();
        }
        List<Media> media = rendered == null
                ? render.apply(page)
                : rendered.subList(from, to).stream().map(Media::copy).toList();
        recordings.recordSearchHits(patient, page);
        media.forEach(include);
        return new ArrayList<>(media);
    }

    @Override
    public String getUuid() {
        return null;
    }

    @Override
    public Integer preferredPageSize() {
        return null;
    }

    @Override
    public Integer size() {
        return hits.size();
    }
}
