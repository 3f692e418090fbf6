/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.support;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.openmrs.module.patientrecordings.consent.ConsentCommand;
import org.openmrs.module.patientrecordings.domain.EncounterId;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.Purpose;
import org.openmrs.module.patientrecordings.domain.RecordingKind;
import org.openmrs.module.patientrecordings.domain.SiteId;
import org.openmrs.module.patientrecordings.policy.Attestation;
import org.openmrs.module.patientrecordings.policy.ConsentGiver;
import org.openmrs.module.patientrecordings.policy.ConsentTerms;

/**
 * A consent as a clinician records it after a full discussion: by default everything CON-2 asks for was told and
 * the CON-3 attestation is complete; the {@code without...} methods take one element away.
 */
public final class ConsentCommandBuilder {

    private final PatientId patient;
    private SiteId site;
    private EncounterId encounter;
    private Set<RecordingKind> kinds = EnumSet.of(RecordingKind.CONSULTATION);
    private Set<Purpose> purposes = Set.of(Purpose.DIRECT_CARE);
    private List<String> audience = List.of("the clinical team caring for the patient");
    private String contextOfUse = "the patient's care at this practice";
    private Boolean copiesWillBeMade = Boolean.FALSE;
    private String storageArrangements = "encrypted in the practice's clinical system";
    private String retentionPeriod = "as long as the rest of the clinical record";
    private String defenceReason;
    private Attestation attestation = Attestation.COMPLETE;
    private String comment;
    private ConsentGiver giver = ConsentGiver.PATIENT;

    ConsentCommandBuilder(PatientId patient, SiteId site) {
        this.patient = patient;
        this.site = site;
    }

    public ConsentCommandBuilder forKinds(RecordingKind... values) {
        this.kinds = EnumSet.copyOf(List.of(values));
        return this;
    }

    public ConsentCommandBuilder forPurposes(Purpose... values) {
        this.purposes = Set.of(values);
        return this;
    }

    public ConsentCommandBuilder at(SiteId value) {
        this.site = value;
        return this;
    }

    public ConsentCommandBuilder in(EncounterId value) {
        this.encounter = value;
        return this;
    }

    public ConsentCommandBuilder withAudience(List<String> value) {
        this.audience = value;
        return this;
    }

    public ConsentCommandBuilder withoutAudience() {
        return withAudience(List.of());
    }

    public ConsentCommandBuilder withoutContextOfUse() {
        this.contextOfUse = null;
        return this;
    }

    public ConsentCommandBuilder withoutSayingWhetherCopiesAreMade() {
        this.copiesWillBeMade = null;
        return this;
    }

    public ConsentCommandBuilder withoutStorageArrangements() {
        this.storageArrangements = " ";
        return this;
    }

    public ConsentCommandBuilder withoutRetentionPeriod() {
        this.retentionPeriod = null;
        return this;
    }

    public ConsentCommandBuilder withoutPurposes() {
        this.purposes = Set.of();
        return this;
    }

    public ConsentCommandBuilder defenceReason(String value) {
        this.defenceReason = value;
        return this;
    }

    public ConsentCommandBuilder attestation(Attestation value) {
        this.attestation = value;
        return this;
    }

    public ConsentCommandBuilder comment(String value) {
        this.comment = value;
        return this;
    }

    /** CON-12: who decides, on what authority. */
    public ConsentCommandBuilder givenBy(ConsentGiver value) {
        this.giver = value;
        return this;
    }

    public ConsentCommand build() {
        return new ConsentCommand(
                patient,
                encounter,
                site,
                new ConsentTerms(
                        kinds,
                        purposes,
                        audience,
                        contextOfUse,
                        copiesWillBeMade,
                        storageArrangements,
                        retentionPeriod,
                        defenceReason),
                attestation,
                comment,
                giver);
    }
}
