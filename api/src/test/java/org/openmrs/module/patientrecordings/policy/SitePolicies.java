/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.policy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.openmrs.module.patientrecordings.domain.Purpose;
import org.openmrs.module.patientrecordings.domain.RecordingKind;
import org.openmrs.module.patientrecordings.domain.SiteId;
import org.openmrs.module.patientrecordings.retention.RecordClass;

/** Site recording policies (POL-1) as an administrator would describe them. */
final class SitePolicies {

    private SitePolicies() {}

    /**
     * A practice that allows every kind staff may make (telephone is the site-wide setting instead), lets clinicians
     * record consultations, allows training, research, audit and quality uses without further approval, keeps
     * records under the English schedule and refuses completion without a note. Telephone recording is off.
     */
    static SiteBuilder aSite() {
        return new SiteBuilder();
    }

    /** A notice that has told callers since {@code startedOn} and is still in use. */
    static TelephoneNotice aRecordedMessageSince(LocalDate startedOn) {
        return new TelephoneNotice(
                NoticeMeans.RECORDED_MESSAGE, "Calls to and from the practice are recorded", startedOn, null);
    }

    /** A waiting-room poster that was up from {@code startedOn} to {@code endedOn}. */
    static TelephoneNotice aPosterUpBetween(LocalDate startedOn, LocalDate endedOn) {
        return new TelephoneNotice(NoticeMeans.WAITING_ROOM_POSTER, "Poster by the front desk", startedOn, endedOn);
    }

    static final class SiteBuilder {
        private SiteId site = SiteId.of("riverside-practice");
        private int version = 1;
        private Set<RecordingKind> kinds = allKindsButTelephone();
        private boolean cliniciansMayRecordConsultations = true;
        private TelephonePolicy telephone = TelephonePolicy.OFF;
        private final List<NoFilmingArea> noFilmingAreas = new ArrayList<>();
        private final List<SecondaryPurposeRule> secondary = new ArrayList<>(List.of(
                new SecondaryPurposeRule(Purpose.TRAINING, null),
                new SecondaryPurposeRule(Purpose.RESEARCH, null),
                new SecondaryPurposeRule(Purpose.AUDIT, null),
                new SecondaryPurposeRule(Purpose.QUALITY, null)));
        private String jurisdiction = "ENGLAND";
        private MissingNoteHandling missingNote = MissingNoteHandling.BLOCK;

        /** Only these kinds may be made by staff. */
        SiteBuilder allowing(RecordingKind... allowed) {
            this.kinds = Set.of(allowed);
            return this;
        }

        SiteBuilder notAllowing(RecordingKind kind) {
            Set<RecordingKind> fewer = EnumSet.copyOf(kinds);
            fewer.remove(kind);
            this.kinds = fewer;
            return this;
        }

        SiteBuilder whereCliniciansMayNotRecordConsultations() {
            this.cliniciansMayRecordConsultations = false;
            return this;
        }

        /** Telephone recording on, for these purposes, with these notices to callers. */
        SiteBuilder withTelephoneRecordingOn(Set<Purpose> declaredPurposes, TelephoneNotice... notices) {
            this.telephone = new TelephonePolicy(true, declaredPurposes, List.of(notices));
            return this;
        }

        /** The usual routine: quality, training, audit and the clinical record, told by a recorded message. */
        SiteBuilder withRoutineCallRecording() {
            return withTelephoneRecordingOn(
                    Set.of(Purpose.QUALITY, Purpose.TRAINING, Purpose.AUDIT, Purpose.DIRECT_CARE),
                    aRecordedMessageSince(LocalDate.of(2024, 1, 1)));
        }

        SiteBuilder withTelephone(TelephonePolicy telephone) {
            this.telephone = telephone;
            return this;
        }

        SiteBuilder withNoFilmingIn(String areaCode) {
            noFilmingAreas.add(new NoFilmingArea(
                    areaCode, areaCode.toLowerCase(Locale.ROOT), List.of("No filming sign at the door")));
            return this;
        }

        /** Only these secondary purposes are allowed, each without approval. */
        SiteBuilder allowingSecondaryUseFor(Purpose... purposes) {
            secondary.clear();
            for (Purpose p : purposes) {
                secondary.add(new SecondaryPurposeRule(p, null));
            }
            return this;
        }

        /** {@code purpose} is allowed, each use approved by {@code role}. */
        SiteBuilder withUseFor(Purpose purpose, String approvedByRole) {
            secondary.removeIf(rule -> rule.purpose().equals(purpose));
            secondary.add(new SecondaryPurposeRule(purpose, approvedByRole));
            return this;
        }

        SiteBuilder inJurisdiction(String code) {
            this.jurisdiction = code;
            return this;
        }

        SiteBuilder flaggingRecordingsWithoutANote() {
            this.missingNote = MissingNoteHandling.FLAG;
            return this;
        }

        SiteBuilder blockingCompletionWithoutANote() {
            this.missingNote = MissingNoteHandling.BLOCK;
            return this;
        }

        SiteBuilder atVersion(int version) {
            this.version = version;
            return this;
        }

        SitePolicy build() {
            return new SitePolicy(
                    site,
                    version,
                    kinds,
                    cliniciansMayRecordConsultations,
                    telephone,
                    noFilmingAreas,
                    secondary,
                    jurisdiction,
                    RecordClass.GENERAL,
                    missingNote);
        }

        private static Set<RecordingKind> allKindsButTelephone() {
            Set<RecordingKind> kinds = new LinkedHashSet<>(List.of(RecordingKind.values()));
            kinds.remove(RecordingKind.TELEPHONE);
            return kinds;
        }
    }
}
