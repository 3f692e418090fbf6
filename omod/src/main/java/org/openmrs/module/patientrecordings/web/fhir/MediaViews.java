/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.web.fhir;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Media;
import org.openmrs.module.patientrecordings.domain.ConsentState;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.RecordingKind;
import org.openmrs.module.patientrecordings.domain.RecordingMode;
import org.openmrs.module.patientrecordings.fhir.MediaContext;
import org.openmrs.module.patientrecordings.fhir.MediaTranslator;
import org.openmrs.module.patientrecordings.policy.ConsentFact;
import org.openmrs.module.patientrecordings.policy.NoticeMeans;
import org.openmrs.module.patientrecordings.policy.TelephoneNotice;
import org.openmrs.module.patientrecordings.recording.Recording;
import org.openmrs.module.patientrecordings.recording.RecordingService;
import org.openmrs.module.patientrecordings.register.CovertAuthorisationEntry;
import org.openmrs.module.patientrecordings.register.LegalHold;
import org.openmrs.module.patientrecordings.register.RegisterFilter;
import org.openmrs.module.patientrecordings.register.RegisterPage;
import org.openmrs.module.patientrecordings.register.RegisterQueries;

/**
 * Renders recordings the user may already see as Media: gathers each one's {@link MediaContext} (holds, covert
 * authorisation, notices, consent state) in one pass per patient, then translates. No lookup here is audited: the
 * access was audited by the service call that returned the recordings.
 */
final class MediaViews {

    private final FhirServerDependencies services;

    MediaViews(FhirServerDependencies services) {
        this.services = services;
    }

    Media toFhir(Recording recording, String serverBase) {
        return toFhir(List.of(recording), serverBase).get(0);
    }

    /** A recording read for a use, shown with the consents and holds its access check read (nothing read again). */
    Media toFhir(RecordingService.Viewed viewed, String serverBase) {
        PatientId patient = viewed.recording().patient();
        return toFhir(
                        List.of(viewed.recording()),
                        serverBase,
                        new HashMap<>(Map.of(patient, viewed.consents())),
                        new HashMap<>(Map.of(patient, viewed.holdsInForce())))
                .get(0);
    }

    List<Media> toFhir(List<Recording> recordings, String serverBase) {
        return toFhir(recordings, serverBase, new HashMap<>(), new HashMap<>());
    }

    private List<Media> toFhir(
            List<Recording> recordings,
            String serverBase,
            Map<PatientId, List<ConsentFact>> consents,
            Map<PatientId, List<LegalHold>> holds) {
        Instant now = services.guard().now();
        return recordings.stream()
                .map(r -> MediaTranslator.toFhir(
                        r,
                        new MediaContext(
                                consentState(r, consents.computeIfAbsent(r.patient(), services.consents()::of)),
                                holds.computeIfAbsent(r.patient(), p -> holdsInForce(p, now)).stream()
                                        .map(h -> new MediaContext.Hold(
                                                h.basis(), h.reference(), h.placedAt(), h.placedBy()))
                                        .toList(),
                                covert(r),
                                notices(r),
                                serverBase + "/")))
                .toList();
    }

    /** REC-5: the patient's legal holds in force. */
    private List<LegalHold> holdsInForce(PatientId patient, Instant now) {
        return new RegisterQueries(services.registerEntries()).holdsInForce(patient, now);
    }

    private static ConsentState consentState(Recording r, List<ConsentFact> facts) {
        return r.consent() == null
                ? null
                : facts.stream()
                        .filter(f -> f.id().equals(r.consent()))
                        .map(ConsentFact::state)
                        .findFirst()
                        .orElse(null);
    }

    /** COV-1: the authorisation that covered the start of a covert recording. */
    private MediaContext.Covert covert(Recording r) {
        if (r.mode() != RecordingMode.COVERT) {
            return null;
        }
        RegisterFilter ofPatient = new RegisterFilter(r.patient(), null, null, null, null, null, null, null);
        return services
                .registerEntries()
                .search(CovertAuthorisationEntry.class, ofPatient, r.startedAt(), 0, RegisterPage.ALL)
                .entries()
                .stream()
                .filter(e -> e.authorisation().covers(r.startedAt()))
                .map(e -> new MediaContext.Covert(e.authorisation(), e.recordedBy()))
                .findFirst()
                .orElse(null);
    }

    /** TEL-2: how the site told callers on the day of the call, under the policy version it was made under. */
    private List<NoticeMeans> notices(Recording r) {
        if (r.kind() != RecordingKind.TELEPHONE) {
            return List.of();
        }
        LocalDate day = LocalDate.ofInstant(r.startedAt(), ZoneOffset.UTC);
        return services.recordings().policyOf(r).telephone().noticesInUseOn(day).stream()
                .map(TelephoneNotice::means)
                .toList();
    }
}
