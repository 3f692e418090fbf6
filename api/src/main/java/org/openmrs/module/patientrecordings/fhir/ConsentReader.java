/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.fhir;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.openmrs.module.patientrecordings.consent.ConsentCommand;
import org.openmrs.module.patientrecordings.consent.ConsentEvent;
import org.openmrs.module.patientrecordings.consent.ConsentEventType;
import org.openmrs.module.patientrecordings.consent.RecordingConsent;
import org.openmrs.module.patientrecordings.domain.ConsentId;
import org.openmrs.module.patientrecordings.domain.ConsentState;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.Purpose;
import org.openmrs.module.patientrecordings.domain.RecordingId;
import org.openmrs.module.patientrecordings.domain.RecordingKind;
import org.openmrs.module.patientrecordings.domain.SiteId;
import org.openmrs.module.patientrecordings.domain.UserId;
import org.openmrs.module.patientrecordings.policy.Attestation;
import org.openmrs.module.patientrecordings.policy.ConsentTerms;

/**
 * recording-consent profile → domain: a posted Consent as the decision to record ({@link #toCommand}), or a whole
 * Consent with its history ({@link #toDomain}). Missing CON-2/CON-3 elements are left empty for the consent rules to
 * name all at once; malformed ones are refused with SAF-4.
 */
public final class ConsentReader {

    private ConsentReader() {}

    /**
     * A consent decision to record.
     *
     * @param command what the patient was told and attested
     * @param decision GIVEN (status active) or WITHHELD (status rejected)
     */
    public record Decision(ConsentCommand command, ConsentState decision) {}

    public static Decision toCommand(Consent f) {
        ConsentState decision = switch (f.getStatus() == null ? Consent.ConsentState.NULL : f.getStatus()) {
            case ACTIVE -> ConsentState.GIVEN;
            case REJECTED -> ConsentState.WITHHELD;
            default ->
                throw Refs.invalid(
                        "Consent.status",
                        "a new consent is active (given) or rejected (withheld); withdraw with $withdraw");
        };
        PatientId patient = patient(f);
        return new Decision(
                new ConsentCommand(
                        patient, null, site(f), terms(f), attestation(f), null, ConsentGivers.read(f, patient)),
                decision);
    }

    /** The whole consent; decisions whose author the resource does not name are attributed to {@code unknownUser}. */
    public static RecordingConsent toDomain(Consent f, UserId unknownUser) {
        // An inactive consent was given (provision permit) or withheld (deny) before it was withdrawn or replaced.
        Consent.ConsentState made = f.getProvision().getType() == Consent.ConsentProvisionType.DENY
                ? Consent.ConsentState.REJECTED
                : Consent.ConsentState.ACTIVE;
        Decision d = toCommand(
                f.getStatus() == Consent.ConsentState.INACTIVE ? f.copy().setStatus(made) : f);
        List<ConsentEvent> history = new ArrayList<>();
        ConsentEventType first =
                d.decision() == ConsentState.GIVEN ? ConsentEventType.GIVEN : ConsentEventType.WITHHELD;
        history.add(new ConsentEvent(first, f.getDateTime().toInstant(), unknownUser, null, null));
        List<ConsentEvent> later = new ArrayList<>();
        for (Extension e : f.getExtensionsByUrl(FhirUrls.EXT_POST_RECORDING_CONFIRMATION)) {
            boolean confirmed = Refs.part(e, "confirmed", BooleanType.class)
                    .map(BooleanType::booleanValue)
                    .orElse(false);
            later.add(new ConsentEvent(
                    confirmed ? ConsentEventType.CONFIRMED_AFTER_RECORDING : ConsentEventType.REFUSED_AFTER_RECORDING,
                    Refs.part(e, "at", DateTimeType.class)
                            .orElseThrow()
                            .getValue()
                            .toInstant(),
                    unknownUser,
                    RecordingId.of(Refs.idOf(
                            Refs.part(e, "recording", Reference.class).orElse(null),
                            "Media",
                            "Consent.extension:postRecordingConfirmation.recording")),
                    null));
        }
        Extension w = Refs.extension(f, FhirUrls.EXT_WITHDRAWAL, "Consent.extension:withdrawal");
        if (w != null) {
            later.add(new ConsentEvent(
                    ConsentEventType.WITHDRAWN,
                    Refs.part(w, "at", DateTimeType.class)
                            .orElseThrow()
                            .getValue()
                            .toInstant(),
                    Refs.part(w, "recordedBy", Reference.class)
                            .flatMap(r -> Refs.idIfAny(r, "Practitioner", "Consent.extension:withdrawal.recordedBy"))
                            .map(UserId::of)
                            .orElse(unknownUser),
                    Refs.part(w, "duringRecording", Reference.class)
                            .flatMap(r -> Refs.idIfAny(r, "Media", "Consent.extension:withdrawal.duringRecording"))
                            .map(RecordingId::of)
                            .orElse(null),
                    null));
        }
        Reference successor = Refs.value(
                        f, FhirUrls.EXT_SUPERSEDED_BY, Reference.class, "Consent.extension:supersededBy")
                .orElse(null);
        if (successor != null) {
            later.add(new ConsentEvent(
                    ConsentEventType.SUPERSEDED,
                    f.getMeta().hasLastUpdated()
                            ? f.getMeta().getLastUpdated().toInstant()
                            : f.getDateTime().toInstant(),
                    unknownUser,
                    null,
                    null,
                    ConsentId.of(Refs.idOf(successor, "Consent", "Consent.extension:supersededBy"))));
        }
        later.sort(Comparator.comparing(ConsentEvent::at));
        history.addAll(later);
        long version = f.getMeta().hasVersionId() ? Long.parseLong(f.getMeta().getVersionId()) : history.size();
        ConsentCommand c = d.command();
        return new RecordingConsent(
                ConsentId.of(f.getIdElement().getIdPart()),
                c.patient(),
                null,
                c.site(),
                c.terms(),
                c.attestation(),
                c.giver(),
                history,
                version);
    }

    private static PatientId patient(Consent f) {
        return PatientId.of(Refs.idOf(f.getPatient(), "Patient", "Consent.patient"));
    }

    private static SiteId site(Consent f) {
        Reference site = Refs.value(
                        f.getProvision(),
                        Hl7Systems.EXT_CONSENT_LOCATION,
                        Reference.class,
                        "Consent.provision.extension:location")
                .orElse(null);
        return SiteId.of(Refs.idOf(site, "Location", "Consent.provision.extension:location"));
    }

    private static ConsentTerms terms(Consent f) {
        Consent.ProvisionComponent p = f.getProvision();
        Set<RecordingKind> kinds = new LinkedHashSet<>();
        for (CodeableConcept code : p.getCode()) {
            kinds.add(Refs.enumOf(
                    code.getCodingFirstRep(),
                    FhirUrls.CS_RECORDING_KIND,
                    RecordingKind::valueOf,
                    "Consent.provision.code"));
        }
        Set<Purpose> purposes = new LinkedHashSet<>();
        for (Coding purpose : p.getPurpose()) {
            purposes.add(PurposeCodes.fromCoding(purpose, "Consent.provision.purpose"));
        }
        List<String> audience = p.getActor().stream()
                .map(a -> a.getReference().hasDisplay()
                        ? a.getReference().getDisplay()
                        : a.getReference().getReference())
                .toList();
        Extension info = Refs.extension(f, FhirUrls.EXT_INFORMATION_GIVEN, "Consent.extension:informationGiven");
        Extension given = info == null ? new Extension() : info;
        return new ConsentTerms(
                kinds,
                purposes,
                audience,
                Refs.part(given, "contextOfUse", StringType.class)
                        .map(StringType::getValue)
                        .orElse(null),
                Refs.part(given, "copies", BooleanType.class)
                        .map(BooleanType::getValue)
                        .orElse(null),
                Refs.part(given, "storage", StringType.class)
                        .map(StringType::getValue)
                        .orElse(null),
                Refs.part(given, "retention", StringType.class)
                        .map(StringType::getValue)
                        .orElse(null),
                null);
    }

    private static Attestation attestation(Consent f) {
        Extension a = Refs.extension(f, FhirUrls.EXT_ATTESTATION, "Consent.extension:attestation");
        if (a == null) {
            return Attestation.NONE;
        }
        Boolean refuse = flag(a, "toldMayRefuse");
        Boolean withdraw = flag(a, "toldMayWithdraw");
        return new Attestation(
                refuse == null || withdraw == null ? null : refuse && withdraw,
                flag(a, "toldCareUnaffected"),
                flag(a, "noPressure"));
    }

    private static Boolean flag(Extension parent, String name) {
        return Refs.part(parent, name, BooleanType.class)
                .map(BooleanType::getValue)
                .orElse(null);
    }
}
