/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.web.fhir;

import ca.uhn.fhir.model.api.Include;
import ca.uhn.fhir.rest.annotation.ConditionalUrlParam;
import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.Delete;
import ca.uhn.fhir.rest.annotation.History;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.IncludeParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
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
import ca.uhn.fhir.rest.server.SimpleBundleProvider;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
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
import org.openmrs.module.patientrecordings.recording.Started;
import org.openmrs.module.patientrecordings.recording.UseContext;

/**
 * Media: one per recording. Create starts a recording (every failed rule in the OperationOutcome), read and search
 * are audited by the service before anything is returned (SAF-2), delete is refused (REC-1), update only checks
 * the version (VER-1): a recording changes through its operations. Only the current version is kept.
 */
public final class MediaProvider implements IResourceProvider {

    private final FhirServerDependencies services;
    private final MediaViews views;
    private final IdempotencyKeys keys = new IdempotencyKeys();

    MediaProvider(FhirServerDependencies services, MediaViews views) {
        this.services = services;
        this.views = views;
    }

    @Override
    public Class<Media> getResourceType() {
        return Media.class;
    }

    /** Starts a recording; with If-None-Exist an identical retry returns the first recording (200, not 201). */
    @Create
    public MethodOutcome create(
            @ResourceParam Media media, @ConditionalUrlParam String ifNoneExist, RequestDetails request) {
        var command = MediaCommands.toStartCommand(media);
        if (ifNoneExist == null) {
            return created(services.recordings().start(command), request);
        }
        Started[] started = {null};
        IdempotencyKeys.Result result = keys.createOnce(ifNoneExist, () -> {
            started[0] = services.recordings().start(command);
            return started[0].recording().id();
        });
        if (result.created()) {
            return created(started[0], request);
        }
        Recording existing = services.recordings().use(result.id(), UseContext.directCare(UseAction.VIEW));
        return new MethodOutcome(new IdType("Media", existing.id().value()), false)
                .setResource(withIdentifier(views.toFhir(existing, request.getFhirServerBase()), ifNoneExist));
    }

    private MethodOutcome created(Started started, RequestDetails request) {
        Media media = views.toFhir(started.recording(), request.getFhirServerBase());
        MethodOutcome outcome = new MethodOutcome(media.getIdElement(), true).setResource(media);
        if (!started.warnings().isEmpty()) {
            outcome.setOperationOutcome(OperationOutcomes.of(started.warnings()));
        }
        return outcome;
    }

    private static Media withIdentifier(Media media, String ifNoneExist) {
        String key = IdempotencyKeys.key(ifNoneExist);
        int bar = key.indexOf('|');
        return media.addIdentifier(
                bar < 0
                        ? new Identifier().setValue(key)
                        : new Identifier().setSystem(key.substring(0, bar)).setValue(key.substring(bar + 1)));
    }

    /** Read and vread: only the current version is kept, so an older versionId is NF-1. */
    @Read(version = true)
    public Media read(@IdParam IdType id, RequestDetails request) {
        Recording r = services.recordings().use(RecordingId.of(id.getIdPart()), UseContext.directCare(UseAction.VIEW));
        if (id.hasVersionIdPart() && !id.getVersionIdPart().equals(Long.toString(r.version()))) {
            throw RuleViolationException.of(
                    ErrorCode.NF_1, "Only the current version " + r.version() + " of a recording is kept", "version");
        }
        return views.toFhir(r, request.getFhirServerBase());
    }

    @History
    public List<Media> history(@IdParam IdType id, RequestDetails request) {
        return List.of(read(id.toUnqualifiedVersionless(), request));
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
        IfMatch.check(request, services.recordings().existing(recordingId));
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

    /** Searches one patient's recordings (the service audits each hit); the other parameters narrow them. */
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
            @OptionalParam(name = "purpose") TokenOrListParam purpose,
            @OptionalParam(name = "consent-status") TokenOrListParam consentStatus,
            @OptionalParam(name = "initiator") TokenOrListParam initiator,
            @Sort SortSpec sort,
            @IncludeParam(allow = {"Media:consent"}) Set<Include> includes,
            RequestDetails request) {
        ReferenceParam whose = patient != null ? patient : subject;
        if (whose == null) {
            throw RuleViolationException.of(ErrorCode.SAF_4, "Search recordings by patient or subject", "patient");
        }
        MediaSearch criteria =
                new MediaSearch(encounter, status, type, kind, created, site, purpose, consentStatus, initiator);
        List<Recording> hits = services.recordings().findForPatient(PatientId.of(whose.getIdPart())).stream()
                .filter(criteria.onRecording())
                .sorted(MediaSearch.order(sort))
                .toList();
        List<Media> media = views.toFhir(hits, request.getFhirServerBase()).stream()
                .filter(criteria.onMedia())
                .toList();
        if (includes != null && !includes.isEmpty()) {
            media.forEach(this::includeConsent);
        }
        return new SimpleBundleProvider(List.<IBaseResource>copyOf(media));
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
