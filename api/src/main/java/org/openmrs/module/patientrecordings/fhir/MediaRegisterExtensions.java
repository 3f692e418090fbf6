/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.fhir;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Media;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.openmrs.module.patientrecordings.domain.RecordingKind;
import org.openmrs.module.patientrecordings.domain.UserId;
import org.openmrs.module.patientrecordings.policy.CallContext.CallType;
import org.openmrs.module.patientrecordings.policy.LegalAuthority;
import org.openmrs.module.patientrecordings.policy.NoticeMeans;
import org.openmrs.module.patientrecordings.recording.CallDetails;
import org.openmrs.module.patientrecordings.recording.Recording;
import org.openmrs.module.patientrecordings.recording.SharedCopy;

/**
 * The recording-media extensions whose facts live in registers and site policy: legal holds (REC-5, with the
 * LEGAL_HOLD label), the covert authorisation (COV-1, see {@link CovertExtension}), how callers are told (TEL-2,
 * TEL-3) and a patient's shared copy (PAT-2).
 */
final class MediaRegisterExtensions {

    private static final String EXPLICIT_AT_CALL_START = "EXPLICIT_AT_CALL_START";

    private MediaRegisterExtensions() {}

    static void write(Recording r, MediaContext context, Media m) {
        for (MediaContext.Hold hold : context.legalHolds()) {
            Extension e = m.addExtension().setUrl(FhirUrls.EXT_LEGAL_HOLD);
            e.addExtension("matter", Refs.coding(FhirUrls.CS_LEGAL_MATTER, matterCode(hold.matter())));
            e.addExtension("reference", new StringType(hold.reference()));
            e.addExtension("placed", Times.dateTime(hold.placed()));
            if (hold.placedBy() != null) {
                e.addExtension("placedBy", Refs.to("Practitioner", hold.placedBy()));
            }
        }
        if (!context.legalHolds().isEmpty()) {
            m.getMeta().addSecurity(FhirUrls.CS_SECURITY_LABEL, "LEGAL_HOLD", null);
        }
        if (context.covertAuthorisation() != null) {
            m.addExtension(CovertExtension.write(context.covertAuthorisation()));
        }
        if (r.kind() == RecordingKind.TELEPHONE) {
            Extension e = m.addExtension().setUrl(FhirUrls.EXT_CALL_NOTICE);
            boolean explicit = r.call() != null && r.call().explicitNoticeGiven();
            context.callNotices().stream()
                    .filter(n -> n != NoticeMeans.OTHER)
                    .distinct()
                    .forEach(n -> e.addExtension("means", Refs.coding(FhirUrls.CS_TELEPHONE_NOTICE_MEANS, n.name())));
            if (explicit) {
                e.addExtension("means", Refs.coding(FhirUrls.CS_TELEPHONE_NOTICE_MEANS, EXPLICIT_AT_CALL_START));
            }
            e.addExtension("explicitAtStart", new BooleanType(explicit));
        }
        if (r.sharedCopy() != null) {
            Extension e = m.addExtension().setUrl(FhirUrls.EXT_PATIENT_SHARED_COPY);
            e.addExtension(
                    "received", new DateTimeType(r.sharedCopy().receivedOn().toString()));
            e.addExtension("obtainedBy", new StringType(r.sharedCopy().howObtained()));
        }
    }

    /** Reads the shared copy and call into the builder; returns the holds and notices shown. */
    static MediaContext read(Media m, Recording.Builder b) {
        List<MediaContext.Hold> holds = new ArrayList<>();
        for (Extension e : m.getExtensionsByUrl(FhirUrls.EXT_LEGAL_HOLD)) {
            holds.add(new MediaContext.Hold(
                    Refs.enumOf(
                            Refs.part(e, "matter", Coding.class).orElse(null),
                            FhirUrls.CS_LEGAL_MATTER,
                            MediaRegisterExtensions::matter,
                            "Media.extension:legalHold.matter"),
                    Refs.part(e, "reference", StringType.class)
                            .map(StringType::getValue)
                            .orElse(null),
                    Refs.part(e, "placed", DateTimeType.class)
                            .map(d -> d.getValue().toInstant())
                            .orElse(null),
                    Refs.part(e, "placedBy", Reference.class)
                            .flatMap(ref -> Refs.idIfAny(ref, "Practitioner", "Media.extension:legalHold.placedBy"))
                            .map(UserId::of)
                            .orElse(null)));
        }
        List<NoticeMeans> notices = new ArrayList<>();
        Extension call = Refs.extension(m, FhirUrls.EXT_CALL_NOTICE, "Media.extension:callNotice");
        if (call != null) {
            for (Extension means : call.getExtensionsByUrl("means")) {
                if (!(means.getValue() instanceof Coding coding)) {
                    throw Refs.invalid("Media.extension:callNotice.means", "a means of notice is a Coding");
                }
                if (!EXPLICIT_AT_CALL_START.equals(coding.getCode())) {
                    notices.add(Refs.enumOf(
                            coding,
                            FhirUrls.CS_TELEPHONE_NOTICE_MEANS,
                            NoticeMeans::valueOf,
                            "Media.extension:callNotice.means"));
                }
            }
            boolean explicit = Refs.part(call, "explicitAtStart", BooleanType.class)
                    .map(BooleanType::booleanValue)
                    .orElse(false);
            // The profile does not carry the call type; routine is the case without an explicit notice (TEL-3).
            b.call(new CallDetails(explicit ? CallType.OUTGOING_CONSULTATION : CallType.ROUTINE_INCOMING, explicit));
        }
        Extension shared = Refs.extension(m, FhirUrls.EXT_PATIENT_SHARED_COPY, "Media.extension:patientSharedCopy");
        if (shared != null) {
            DateTimeType received = Refs.part(shared, "received", DateTimeType.class)
                    .orElseThrow(() -> Refs.invalid("Media.extension:patientSharedCopy.received", "required"));
            // Without obtainedBy the answer is empty, which PAT-2 refuses by name (a 422, not a failed request).
            b.sharedCopy(new SharedCopy(
                    receivedOn(received),
                    Refs.part(shared, "obtainedBy", StringType.class)
                            .map(StringType::getValue)
                            .orElse("")));
        }
        return new MediaContext(null, holds, CovertExtension.read(m), notices, "");
    }

    private static LocalDate receivedOn(DateTimeType received) {
        return received.getPrecision().ordinal() <= TemporalPrecisionEnum.DAY.ordinal()
                ? LocalDate.of(received.getYear(), received.getMonth() + 1, received.getDay())
                : LocalDate.ofInstant(received.getValue().toInstant(), ZoneOffset.UTC);
    }

    static String matterCode(LegalAuthority matter) {
        return matter == LegalAuthority.FORMAL_INVESTIGATION ? "INVESTIGATION" : matter.name();
    }

    private static LegalAuthority matter(String code) {
        return "INVESTIGATION".equals(code) ? LegalAuthority.FORMAL_INVESTIGATION : LegalAuthority.valueOf(code);
    }

    /** Maps a legal-matter coding, e.g. an operation parameter, to its authority. */
    static LegalAuthority legalMatter(Coding coding, String location) {
        return Refs.enumOf(coding, FhirUrls.CS_LEGAL_MATTER, MediaRegisterExtensions::matter, location);
    }
}
