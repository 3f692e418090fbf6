/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.policy;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.openmrs.module.patientrecordings.domain.Purpose;
import org.openmrs.module.patientrecordings.domain.RecordingKind;
import org.openmrs.module.patientrecordings.domain.SiteId;
import org.openmrs.module.patientrecordings.retention.RecordClass;

/**
 * One version of a site's recording policy (POL-1). Immutable: a change makes a new version (POL-2) and every
 * recording keeps the version it was made under.
 *
 * @param site never null
 * @param version 1 for the first version, one more for each change
 * @param allowedKinds the recording kinds staff may make at the site; copied
 * @param cliniciansMayRecordConsultations whether clinicians may record consultations at all
 * @param telephone the telephone-recording setting with its notices (TEL-*)
 * @param noFilmingAreas where filming is forbidden (PAT-3); copied
 * @param secondaryPurposes the secondary purposes allowed and who approves them; copied
 * @param jurisdiction the code of the retention schedule's jurisdiction (REC-2), e.g. {@code ENGLAND}
 * @param recordClass the class of record the site keeps (REC-2): its recordings are kept as long as its other
 *     records
 * @param missingNote what happens when a recording is completed without a contemporaneous note (REC-3)
 */
public record SitePolicy(
        SiteId site,
        int version,
        Set<RecordingKind> allowedKinds,
        boolean cliniciansMayRecordConsultations,
        TelephonePolicy telephone,
        List<NoFilmingArea> noFilmingAreas,
        List<SecondaryPurposeRule> secondaryPurposes,
        String jurisdiction,
        RecordClass recordClass,
        MissingNoteHandling missingNote) {

    /**
     * The key under which the server's default site policy is kept, versioned like a site's own (POL-1, POL-2). No
     * host names a location this way; the administration API reaches the default through its own path.
     */
    public static final SiteId SERVER_DEFAULT = SiteId.of("#server-default");

    /**
     * The first version of the server's default site policy, the one every site without a policy of its own follows
     * until an administrator changes it. Conservative: staff may make every overt kind of recording but telephone,
     * each with the patient's consent (CON-1) or the implicit consent of its kind (CON-9), for direct care only (no
     * secondary purpose is allowed); telephone recording is off (TEL-1); a completion without a contemporaneous note
     * is flagged rather than lost (REC-3); records are kept as general health records under England's schedule
     * (REC-2). Covert recording has no setting here: it stays impossible until an authorisation is recorded (COV-1)
     * by a user holding the covert privilege, which no role has by default (COV-2).
     */
    public static SitePolicy serverDefault() {
        return new SitePolicy(
                SERVER_DEFAULT,
                1,
                EnumSet.complementOf(EnumSet.of(RecordingKind.TELEPHONE)),
                true,
                TelephonePolicy.OFF,
                List.of(),
                List.of(),
                "ENGLAND",
                RecordClass.GENERAL,
                MissingNoteHandling.FLAG);
    }

    public SitePolicy {
        Objects.requireNonNull(site, "site");
        if (version < 1) {
            throw new IllegalArgumentException("policy versions start at 1");
        }
        allowedKinds = Set.copyOf(allowedKinds);
        Objects.requireNonNull(telephone, "telephone");
        noFilmingAreas = List.copyOf(noFilmingAreas);
        secondaryPurposes = List.copyOf(secondaryPurposes);
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        Objects.requireNonNull(recordClass, "recordClass");
        Objects.requireNonNull(missingNote, "missingNote");
    }

    /** Whether this is a version of the server's default site policy rather than of one site's own. */
    public boolean isServerDefault() {
        return site.equals(SERVER_DEFAULT);
    }

    /** The same settings as another site's (or the default's) version {@code number}. */
    public SitePolicy as(SiteId other, int number) {
        return new SitePolicy(
                other,
                number,
                allowedKinds,
                cliniciansMayRecordConsultations,
                telephone,
                noFilmingAreas,
                secondaryPurposes,
                jurisdiction,
                recordClass,
                missingNote);
    }

    /** The rule for a secondary purpose, when the site allows that purpose. */
    public Optional<SecondaryPurposeRule> secondaryPurpose(Purpose purpose) {
        return secondaryPurposes.stream()
                .filter(rule -> rule.purpose().equals(purpose))
                .findFirst();
    }

    /**
     * POL-1: whether recordings and consents may serve {@code purpose} here. Direct care and the patient's own use
     * always may; a purely defensive purpose is governed by CON-11 instead; any other secondary purpose only when
     * the site allows it.
     */
    public boolean allowsPurpose(Purpose purpose) {
        return !purpose.secondary()
                || purpose.equals(Purpose.DEFENCE)
                || secondaryPurpose(purpose).isPresent();
    }

    /** The no-filming area with this code, if the site has one. */
    public Optional<NoFilmingArea> noFilmingArea(String areaCode) {
        return noFilmingAreas.stream()
                .filter(area -> area.code().equals(areaCode))
                .findFirst();
    }

    /** The same settings as the next version. */
    public SitePolicy nextVersion() {
        return new SitePolicy(
                site,
                version + 1,
                allowedKinds,
                cliniciansMayRecordConsultations,
                telephone,
                noFilmingAreas,
                secondaryPurposes,
                jurisdiction,
                recordClass,
                missingNote);
    }
}
