/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.fhir;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Media;
import org.hl7.fhir.r4.model.Period;
import org.openmrs.module.patientrecordings.domain.ConsentState;
import org.openmrs.module.patientrecordings.domain.DeIdentification;
import org.openmrs.module.patientrecordings.domain.EncounterId;
import org.openmrs.module.patientrecordings.domain.Initiator;
import org.openmrs.module.patientrecordings.domain.MediaType;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.RecordingId;
import org.openmrs.module.patientrecordings.domain.RecordingKind;
import org.openmrs.module.patientrecordings.domain.RecordingMode;
import org.openmrs.module.patientrecordings.domain.RecordingState;
import org.openmrs.module.patientrecordings.domain.UserId;
import org.openmrs.module.patientrecordings.recording.Recording;
import org.openmrs.module.patientrecordings.recording.RecordingFlag;

/**
 * Recording ↔ recording-media profile. Pure: everything it shows comes from the recording and its
 * {@link MediaContext}. The staff present and the call type are not part of the profile and do not survive the
 * trip; the operator of a patient's own recording shows as the patient.
 */
public final class MediaTranslator {

    private MediaTranslator() {}

    public static Media toFhir(Recording r, MediaContext context) {
        Media m = new Media();
        m.setId(r.id().value());
        m.getMeta()
                .setVersionId(r.version() > 0 ? Long.toString(r.version()) : null)
                .addProfile(FhirUrls.PROFILE_RECORDING_MEDIA);
        if (r.lastUpdated() != null) {
            m.getMeta().setLastUpdatedElement(Times.instant(r.lastUpdated()));
        }
        m.getMeta().addSecurity(Hl7Systems.CONFIDENTIALITY, confidentiality(r), null);
        if (r.identifier() != null) {
            m.addIdentifier()
                    .setSystem(r.identifier().system())
                    .setValue(r.identifier().value());
        }
        if (r.deIdentification() != null) {
            // SEC-3: how the derivative was de-identified, as its maker stated.
            m.getMeta()
                    .addSecurity(
                            Hl7Systems.OBSERVATION_VALUE, r.deIdentification().name(), null);
        }
        MediaExtensions.write(r, context, m);
        MediaRegisterExtensions.write(r, context, m);
        MediaStatusMapping.write(r, m);
        m.setType(new CodeableConcept(
                Refs.coding(Hl7Systems.MEDIA_TYPE, r.mediaType().name().toLowerCase(Locale.ROOT))));
        m.setModality(new CodeableConcept(
                Refs.coding(FhirUrls.CS_RECORDING_KIND, r.kind().name())));
        m.setSubject(Refs.to("Patient", r.patient()));
        if (r.encounter() != null) {
            m.setEncounter(Refs.to("Encounter", r.encounter()));
        }
        if (r.mediaType() == MediaType.IMAGE) {
            m.setCreated(Times.dateTime(r.startedAt()));
        } else {
            Period period = new Period().setStartElement(Times.dateTime(r.startedAt()));
            m.setCreated(r.endedAt() == null ? period : period.setEndElement(Times.dateTime(r.endedAt())));
        }
        m.setOperator(
                r.initiator() == Initiator.PATIENT
                        ? Refs.to("Patient", r.patient())
                        : Refs.to("Practitioner", r.operator()));
        m.setContent(MediaContent.write(r, context.contentBase()));
        return m;
    }

    /** V for covert (COV-2), R for sealed content, L for an anonymised derivative, N otherwise. */
    private static String confidentiality(Recording r) {
        if (r.mode() == RecordingMode.COVERT) {
            return "V";
        }
        if (r.state() == RecordingState.SEALED) {
            return "R";
        }
        return r.derivativeOf() != null ? "L" : "N";
    }

    /**
     * Reads a Media back into a recording and its context.
     *
     * @param unknownOperator the operator to use when the Media names none that is a user (a patient's own
     *     recording, a telephone system)
     * @throws org.openmrs.module.patientrecordings.domain.RuleViolationException SAF-4 naming the element that does
     *     not fit the profile
     */
    public static RecordingView toDomain(Media m, UserId unknownOperator) {
        Recording.Builder b = Recording.builder()
                .id(RecordingId.of(m.getIdElement().getIdPart()))
                .patient(PatientId.of(Refs.idOf(m.getSubject(), "Patient", "Media.subject")))
                .kind(kind(m))
                .mediaType(mediaType(m))
                .operator(operator(m, unknownOperator))
                .version(m.getMeta().hasVersionId() ? Long.parseLong(m.getMeta().getVersionId()) : 0);
        Refs.idIfAny(m.getEncounter(), "Encounter", "Media.encounter")
                .map(EncounterId::of)
                .ifPresent(b::encounter);
        String consentStatus = MediaExtensions.read(m, b);
        b.deIdentification(deIdentification(m));
        MediaContext context = MediaRegisterExtensions.read(m, b);
        MediaStatusMapping.State state = MediaStatusMapping.read(m, "AWAITING_CONFIRMATION".equals(consentStatus));
        Set<RecordingFlag> flags = EnumSet.noneOf(RecordingFlag.class);
        flags.addAll(state.flags());
        if ("CONFIRMED".equals(consentStatus)) {
            flags.add(RecordingFlag.CONFIRMED);
        } else if ("REFUSED_AFTER_RECORDING".equals(consentStatus)) {
            flags.add(RecordingFlag.CONFIRMATION_REFUSED);
        }
        b.state(state.state())
                .flags(flags)
                .voidReason(state.voidReason())
                .content(MediaContent.read(m.getContent()))
                .declaredContentType(MediaContent.declaredType(m.getContent()));
        readCreated(m, b);
        return new RecordingView(
                b.build(),
                new MediaContext(
                        "WITHDRAWN".equals(consentStatus) ? ConsentState.WITHDRAWN : null,
                        context.legalHolds(),
                        context.covertAuthorisation(),
                        context.callNotices(),
                        ""));
    }

    /** SEC-3: how a derivative was de-identified, from its ObservationValue security label; null when none. */
    private static DeIdentification deIdentification(Media m) {
        Coding label = m.getMeta().getSecurity().stream()
                .filter(c -> Hl7Systems.OBSERVATION_VALUE.equals(c.getSystem()))
                .findFirst()
                .orElse(null);
        if (label == null) {
            return null;
        }
        if (!m.hasExtension(FhirUrls.EXT_DERIVATIVE_OF)) {
            throw Refs.invalid("Media.meta.security", "only a derivative (derivative-of) is de-identified");
        }
        return Refs.enumOf(label, Hl7Systems.OBSERVATION_VALUE, DeIdentification::valueOf, "Media.meta.security");
    }

    /** A practitioner operator is a user; a patient's own recording or a telephone system is not. */
    private static UserId operator(Media m, UserId unknownOperator) {
        String reference = m.getOperator().getReference();
        return reference != null && reference.startsWith("Practitioner/")
                ? UserId.of(Refs.idOf(m.getOperator(), "Practitioner", "Media.operator"))
                : unknownOperator;
    }

    private static void readCreated(Media m, Recording.Builder b) {
        if (m.hasCreatedDateTimeType()) {
            b.startedAt(m.getCreatedDateTimeType().getValue().toInstant());
            b.endedAt(
                    m.getStatus() == Media.MediaStatus.INPROGRESS
                            ? null
                            : m.getCreatedDateTimeType().getValue().toInstant());
        } else if (m.hasCreatedPeriod() && m.getCreatedPeriod().hasStart()) {
            b.startedAt(m.getCreatedPeriod().getStart().toInstant());
            b.endedAt(
                    m.getCreatedPeriod().hasEnd()
                            ? m.getCreatedPeriod().getEnd().toInstant()
                            : null);
        } else {
            throw Refs.invalid("Media.created[x]", "a recording needs its creation time");
        }
    }

    static RecordingKind kind(Media m) {
        return Refs.enumOf(
                m.getModality().getCodingFirstRep(),
                FhirUrls.CS_RECORDING_KIND,
                RecordingKind::valueOf,
                "Media.modality");
    }

    static MediaType mediaType(Media m) {
        return Refs.enumOf(
                m.getType().getCodingFirstRep(),
                Hl7Systems.MEDIA_TYPE,
                code -> MediaType.valueOf(code.toUpperCase(Locale.ROOT)),
                "Media.type");
    }
}
