/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.web.fhir;

import ca.uhn.fhir.model.api.Include;
import ca.uhn.fhir.rest.annotation.ConditionalUrlParam;
import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.Delete;
import ca.uhn.fhir.rest.annotation.History;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.IncludeParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.annotation.Since;
import ca.uhn.fhir.rest.annotation.Sort;
import ca.uhn.fhir.rest.annotation.Update;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.SortSpec;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Media;
import org.openmrs.module.patientrecordings.domain.ConsentId;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.RecordingId;
import org.openmrs.module.patientrecordings.domain.RuleViolationException;
import org.openmrs.module.patientrecordings.fhir.ConsentTranslator;
import org.openmrs.module.patientrecordings.fhir.FhirUrls;
import org.openmrs.module.patientrecordings.fhir.MediaCommands;
import org.openmrs.module.patientrecordings.fhir.OperationOutcomes;
import org.openmrs.module.patientrecordings.policy.UseAction;
import org.openmrs.module.patientrecordings.recording.Recording;
import org.openmrs.module.patientrecordings.recording.RecordingIdentifier;
import org.openmrs.module.patientrecordings.recording.RecordingService;
import org.openmrs.module.patientrecordings.recording.Started;
import org.openmrs.module.patientrecordings.recording.UseContext;

/**
 * Media: one per recording. Create starts a recording (every failed rule in the OperationOutcome), read, vread,
 * history and search are audited by the service before anything is returned (SAF-2), delete is refused (REC-1),
 * update only checks the version (VER-1): a recording changes through its operations, each of which keeps a new
 * version.
 */
public final class MediaProvider implements IResourceProvider {

    private final FhirServerDependencies services;
    private final MediaViews views;
    private final ConditionalCreates creates;

    MediaProvider(FhirServerDependencies services, MediaViews views, ConditionalCreates creates) {
        this.services = services;
        this.views = views;
        this.creates = creates;
    }

    @Override
    public Class<Media> getResourceType() {
        return Media.class;
    }

    /**
     * Starts a recording. With {@code If-None-Exist: identifier=system|value} the recording keeps that identifier,
     * and a retry, or a request racing the first, returns the first recording (200, not 201), read under the same
     * rules and audit as any read.
     */
    @Create
    public MethodOutcome create(
            @ResourceParam Media media, @ConditionalUrlParam String ifNoneExist, RequestDetails request) {
        var command = MediaCommands.toStartCommand(media);
        if (ifNoneExist == null) {
            return created(services.recordings().start(command), request);
        }
        String key = IdempotencyKeys.key(ifNoneExist);
        var identified = command.withIdentifier(identifier(key));
        Started[] started = {null};
        ConditionalCreates.Result result = creates.createOnce(key, () -> {
            started[0] = services.recordings().start(identified);
            return started[0].recording().id();
        });
        if (result.created()) {
            return created(started[0], request);
        }
        Recording existing = services.recordings().use(result.id(), UseContext.directCare(UseAction.VIEW));
        return new MethodOutcome(new IdType("Media", existing.id().value()), false)
                .setResource(views.toFhir(existing, request.getFhirServerBase()));
    }

    private MethodOutcome created(Started started, RequestDetails request) {
        Media media = views.toFhir(started.recording(), request.getFhirServerBase());
        MethodOutcome outcome = new MethodOutcome(media.getIdElement(), true).setResource(media);
        if (!started.warnings().isEmpty()) {
            outcome.setOperationOutcome(OperationOutcomes.of(started.warnings()));
        }
        return outcome;
    }

    /** The condition's identifier, which the recording keeps; SAF-4 when it cannot be kept. */
    private static RecordingIdentifier identifier(String key) {
        try {
            return RecordingIdentifier.parse(key);
        } catch (IllegalArgumentException e) {
            throw RuleViolationException.of(ErrorCode.SAF_4, "If-None-Exist: " + e.getMessage(), "If-None-Exist");
        }
    }

    /**
     * Read and vread: the current version, or any earlier one (its own state, versionId and lastUpdated), allowed
     * and audited as a read of the recording as it stands now (SAF-2), so a recording that is sealed or covert now
     * stays hidden in every version from those who may not see it.
     */
    @Read(version = true)
    public Media read(@IdParam IdType id, RequestDetails request) {
        RecordingId recordingId = RecordingId.of(id.getIdPart());
        UseContext view = UseContext.directCare(UseAction.VIEW);
        RecordingService.Viewed viewed = id.hasVersionIdPart()
                ? services.recordings().viewVersion(recordingId, versionOf(id), view)
                : services.recordings().view(recordingId, view);
        return views.toFhir(viewed, request.getFhirServerBase());
    }

    /**
     * Every version of a recording, newest first, paged by {@code _count} and {@code _offset}; {@code _since} keeps
     * the versions saved at or after an instant. One audited read of the recording (SAF-2) covers the page. Holds and
     * the consent's state are shown as they are now, in every version.
     */
    @History
    public IBundleProvider history(
            @IdParam IdType id,
            @Since InstantType since,
            @Offset Integer offset,
            @Count Integer count,
            RequestDetails request) {
        List<Recording> versions =
                services
                        .recordings()
                        .history(RecordingId.of(id.getIdPart()), UseContext.directCare(UseAction.VIEW))
                        .stream()
                        .filter(r -> since == null
                                || since.getValue() == null
                                || !Date.from(r.lastUpdated()).before(since.getValue()))
                        .toList();
        return HistoryPages.page(views.toFhir(versions, request.getFhirServerBase()), offset, count);
    }

    private static long versionOf(IdType id) {
        try {
            return Long.parseLong(id.getVersionIdPart());
        } catch (NumberFormatException e) {
            throw RuleViolationException.of(ErrorCode.NF_1, "No version " + id.getVersionIdPart(), "version");
        }
    }

    /** REC-1: a recording is a clinical record entry; deleting it is always refused, and the attempt audited. */
    @Delete
    public MethodOutcome delete(@IdParam IdType id) {
        services.recordings().delete(RecordingId.of(id.getIdPart()));
        throw RuleViolationException.of(ErrorCode.REC_1, "A recording cannot be deleted", "id");
    }

    /**
     * VER-1: with If-Match, a stale version is 412. A recording changes only through its operations, so an update
     * that changes anything is refused (LIF-1); one that changes nothing returns the recording.
     */
    @Update
    public MethodOutcome update(@IdParam IdType id, @ResourceParam Media media, RequestDetails request) {
        RecordingId recordingId = RecordingId.of(id.getIdPart());
        IfMatch.check(request, services.recordings().known(recordingId));
        Recording r = services.recordings().use(recordingId, UseContext.directCare(UseAction.VIEW));
        Media current = views.toFhir(r, request.getFhirServerBase());
        media.setIdElement(current.getIdElement());
        media.setMeta(current.getMeta());
        if (!current.equalsDeep(media)) {
            throw RuleViolationException.of(
                    ErrorCode.LIF_1,
                    "A recording changes only through $stop, $complete, $confirm-consent, $void and content upload",
                    "Media");
        }
        return new MethodOutcome(current.getIdElement(), false).setResource(current);
    }

    /**
     * Searches one patient's recordings; the other parameters narrow them. The hits are served a page at a time, and
     * only the recordings of a page returned are audited, before it is returned (SAF-2; {@link MediaSearchPages}).
     */
    @Search
    public IBundleProvider search(
            @OptionalParam(name = Media.SP_PATIENT) ReferenceParam patient,
            @OptionalParam(name = Media.SP_SUBJECT) ReferenceParam subject,
            @OptionalParam(name = Media.SP_ENCOUNTER) ReferenceParam encounter,
            @OptionalParam(name = Media.SP_STATUS) TokenOrListParam status,
            @OptionalParam(name = Media.SP_TYPE) TokenOrListParam type,
            @OptionalParam(name = "kind") TokenOrListParam kind,
            @OptionalParam(name = Media.SP_CREATED) DateRangeParam created,
            @OptionalParam(name = "site") ReferenceParam site,
            @OptionalParam(name = "area") TokenOrListParam area,
            @OptionalParam(name = "purpose") TokenOrListParam purpose,
            @OptionalParam(name = "consent-status") TokenOrListParam consentStatus,
            @OptionalParam(name = "initiator") TokenOrListParam initiator,
            @OptionalParam(name = "_lastUpdated") DateRangeParam lastUpdated,
            @Sort SortSpec sort,
            @IncludeParam(allow = {"Media:consent"}) Set<Include> includes,
            RequestDetails request) {
        ReferenceParam whose = patient != null ? patient : subject;
        if (whose == null) {
            throw RuleViolationException.of(ErrorCode.SAF_4, "Search recordings by patient or subject", "patient");
        }
        MediaSearch criteria = new MediaSearch(
                encounter, status, type, kind, created, site, area, purpose, consentStatus, initiator, lastUpdated);
        PatientId patientId =
                PatientId.of(RequestChecks.referencedId(whose, patient != null ? "patient" : "subject", "Patient"));
        List<Recording> matching = services.recordings().searchForPatient(patientId).stream()
                .filter(criteria.onRecording())
                .sorted(MediaSearch.order(sort))
                .toList();
        String serverBase = request.getFhirServerBase();
        List<Recording> hits = matching;
        List<Media> rendered = null;
        if (criteria.needsMedia()) {
            List<Recording> kept = new ArrayList<>();
            List<Media> keptMedia = new ArrayList<>();
            List<Media> all = views.toFhir(matching, serverBase);
            for (int i = 0; i < matching.size(); i++) {
                if (criteria.onMedia().test(all.get(i))) {
                    kept.add(matching.get(i));
                    keptMedia.add(all.get(i));
                }
            }
            hits = kept;
            rendered = keptMedia;
        }
        boolean including = includes != null && !includes.isEmpty();
        return new MediaSearchPages(
                patientId,
                hits,
                rendered,
                page -> views.toFhir(page, serverBase),
                services.recordings(),
                including ? this::includeConsent : m -> {});
    }

    /** _include=Media:consent: the governing consent travels with the Media (its read is audited). */
    private void includeConsent(Media m) {
        var reference = m.getExtensionByUrl(FhirUrls.EXT_GOVERNING_CONSENT);
        if (reference != null) {
            var ref = (org.hl7.fhir.r4.model.Reference) reference.getValue();
            String consentId = ref.getReferenceElement().getIdPart();
            ref.setResource(ConsentTranslator.toFhir(services.consents().read(ConsentId.of(consentId))));
        }
    }
}
