/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.support;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.openmrs.module.patientrecordings.domain.Purpose;
import org.openmrs.module.patientrecordings.domain.RecordingKind;
import org.openmrs.module.patientrecordings.domain.SiteId;
import org.openmrs.module.patientrecordings.policy.MissingNoteHandling;
import org.openmrs.module.patientrecordings.policy.NoFilmingArea;
import org.openmrs.module.patientrecordings.policy.NoticeMeans;
import org.openmrs.module.patientrecordings.policy.SecondaryPurposeRule;
import org.openmrs.module.patientrecordings.policy.SitePolicy;
import org.openmrs.module.patientrecordings.policy.TelephoneNotice;
import org.openmrs.module.patientrecordings.policy.TelephonePolicy;
import org.openmrs.module.patientrecordings.retention.RecordClass;

/**
 * A site policy as a typical English practice sets it: every kind but telephone (a site-wide setting), clinicians
 * may record consultations, routine call recording announced by a recorded message, no filming at reception,
 * training, audit and quality allowed and research approved by the Caldicott Guardian, general records kept under
 * the England schedule, and a missing note flagged.
 */
public final class SitePolicyBuilder {

    public static final String CALDICOTT_GUARDIAN = "Caldicott Guardian";
    public static final String RECEPTION = "RECEPTION";

    private final SiteId site;
    private int version = 1;
    private Set<RecordingKind> allowedKinds = EnumSet.complementOf(EnumSet.of(RecordingKind.TELEPHONE));
    private boolean cliniciansMayRecordConsultations = true;
    private TelephonePolicy telephone = new TelephonePolicy(
            true,
            Set.of(Purpose.DIRECT_CARE, Purpose.QUALITY, Purpose.TRAINING, Purpose.AUDIT),
            List.of(new TelephoneNotice(
                    NoticeMeans.RECORDED_MESSAGE,
                    "Calls to this practice are recorded for your care, quality and training",
                    LocalDate.parse("2020-01-01"),
                    null)));
    private List<NoFilmingArea> noFilmingAreas = List.of(
            new NoFilmingArea(RECEPTION, "Reception", List.of("Poster at the reception desk: no filming here")));
    private List<SecondaryPurposeRule> secondaryPurposes = List.of(
            new SecondaryPurposeRule(Purpose.TRAINING, null),
            new SecondaryPurposeRule(Purpose.AUDIT, null),
            new SecondaryPurposeRule(Purpose.QUALITY, null),
            new SecondaryPurposeRule(Purpose.RESEARCH, CALDICOTT_GUARDIAN));
    private String jurisdiction = "ENGLAND";
    private RecordClass recordClass = RecordClass.GENERAL;
    private MissingNoteHandling missingNote = MissingNoteHandling.FLAG;

    private SitePolicyBuilder(SiteId site) {
        this.site = site;
    }

    public static SitePolicyBuilder aSitePolicy(SiteId site) {
        return new SitePolicyBuilder(site);
    }

    /** The next version of {@code current}, with its settings. */
    public static SitePolicyBuilder nextVersionOf(SitePolicy current) {
        SitePolicyBuilder b = new SitePolicyBuilder(current.site());
        b.version = current.version() + 1;
        b.allowedKinds = current.allowedKinds().isEmpty()
                ? EnumSet.noneOf(RecordingKind.class)
                : EnumSet.copyOf(current.allowedKinds());
        b.cliniciansMayRecordConsultations = current.cliniciansMayRecordConsultations();
        b.telephone = current.telephone();
        b.noFilmingAreas = current.noFilmingAreas();
        b.secondaryPurposes = current.secondaryPurposes();
        b.jurisdiction = current.jurisdiction();
        b.recordClass = current.recordClass();
        b.missingNote = current.missingNote();
        return b;
    }

    public SitePolicyBuilder version(int value) {
        this.version = value;
        return this;
    }

    public SitePolicyBuilder allowingOnly(RecordingKind... kinds) {
        this.allowedKinds = EnumSet.noneOf(RecordingKind.class);
        this.allowedKinds.addAll(List.of(kinds));
        return this;
    }

    public SitePolicyBuilder allowingKind(RecordingKind kind) {
        Set<RecordingKind> more = EnumSet.noneOf(RecordingKind.class);
        more.addAll(allowedKinds);
        more.add(kind);
        this.allowedKinds = more;
        return this;
    }

    public SitePolicyBuilder cliniciansMayNotRecordConsultations() {
        this.cliniciansMayRecordConsultations = false;
        return this;
    }

    public SitePolicyBuilder telephone(TelephonePolicy value) {
        this.telephone = value;
        return this;
    }

    public SitePolicyBuilder telephoneOff() {
        return telephone(TelephonePolicy.OFF);
    }

    /** Telephone recording switched on, with these declared purposes and notices. */
    public SitePolicyBuilder telephoneOn(Set<Purpose> declaredPurposes, List<TelephoneNotice> notices) {
        return telephone(new TelephonePolicy(true, declaredPurposes, notices));
    }

    public SitePolicyBuilder noFilmingAreas(List<NoFilmingArea> areas) {
        this.noFilmingAreas = List.copyOf(areas);
        return this;
    }

    public SitePolicyBuilder withoutSecondaryPurpose(Purpose purpose) {
        this.secondaryPurposes = secondaryPurposes.stream()
                .filter(r -> !r.purpose().equals(purpose))
                .toList();
        return this;
    }

    public SitePolicyBuilder withSecondaryPurpose(Purpose purpose, String approverRole) {
        List<SecondaryPurposeRule> more = new ArrayList<>(withoutSecondaryPurpose(purpose).secondaryPurposes);
        more.add(new SecondaryPurposeRule(purpose, approverRole));
        this.secondaryPurposes = List.copyOf(more);
        return this;
    }

    public SitePolicyBuilder jurisdiction(String value) {
        this.jurisdiction = value;
        return this;
    }

    public SitePolicyBuilder recordClass(RecordClass value) {
        this.recordClass = value;
        return this;
    }

    public SitePolicyBuilder missingNote(MissingNoteHandling value) {
        this.missingNote = value;
        return this;
    }

    public SitePolicy build() {
        return new SitePolicy(
                site,
                version,
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
