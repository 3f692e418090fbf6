/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.openmrs.module.patientrecordings.domain.Purpose.DEFENCE;
import static org.openmrs.module.patientrecordings.domain.Purpose.DIRECT_CARE;
import static org.openmrs.module.patientrecordings.domain.Purpose.TRAINING;
import static org.openmrs.module.patientrecordings.domain.RecordingKind.CONSULTATION;
import static org.openmrs.module.patientrecordings.support.Refusals.refusalCodes;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openmrs.module.patientrecordings.audit.AuditAction;
import org.openmrs.module.patientrecordings.domain.ConsentState;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.Reason;
import org.openmrs.module.patientrecordings.domain.RuleViolationException;
import org.openmrs.module.patientrecordings.policy.Attestation;
import org.openmrs.module.patientrecordings.support.Clinic;
import org.openmrs.module.patientrecordings.support.StaffMember;

/** ConsentService.give and withhold apply CON-2, CON-3, CON-4 and CON-11. */
@DisplayName("Giving and withholding consent")
class GivingConsentTest {

    private final Clinic clinic = new Clinic();
    private final PatientId ann = clinic.patient("Ann");
    private final StaffMember doctor = clinic.aClinician();

    @Test
    @DisplayName("CON-2, CON-3: a consent with everything told and attested is recorded as given, with its history")
    void con2_completeConsentIsRecorded() {
        var decided = clinic.as(doctor).consents().give(clinic.aConsentOf(ann).build());

        RecordingConsent consent = decided.consent();
        assertThat(consent.state()).isEqualTo(ConsentState.GIVEN);
        assertThat(consent.history()).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(ConsentEventType.GIVEN);
            assertThat(e.by()).isEqualTo(doctor.id());
            assertThat(e.at()).isEqualTo(clinic.clock().instant());
        });
        assertThat(clinic.consentRepository().find(consent.id())).contains(consent);
        assertThat(clinic.lastAuditEntry().action()).isEqualTo(AuditAction.CONSENT_DECISION);
    }

    @Test
    @DisplayName("CON-2: a consent missing what the patient was told is rejected, listing every missing element")
    void con2_everyMissingElementListed() {
        clinic.as(doctor);

        RuleViolationException refusal = catchThrowableOfType(
                RuleViolationException.class,
                () -> clinic.consents()
                        .give(clinic.aConsentOf(ann)
                                .withoutAudience()
                                .withoutContextOfUse()
                                .withoutSayingWhetherCopiesAreMade()
                                .withoutStorageArrangements()
                                .withoutRetentionPeriod()
                                .withoutPurposes()
                                .build()));

        assertThat(refusal.reasons()).extracting(Reason::code).containsOnly(ErrorCode.CON_2);
        assertThat(refusal.reasons())
                .extracting(Reason::location)
                .containsExactlyInAnyOrder("audience", "contextOfUse", "copies", "storage", "retention", "purposes");
        assertThat(clinic.consentRepository().findByPatient(ann)).isEmpty();
        assertThat(clinic.notes().appended()).isEmpty();
    }

    @Test
    @DisplayName("CON-3: without the right-to-refuse and no-pressure attestation the consent is rejected")
    void con3_attestationRequired() {
        clinic.as(doctor);

        assertThat(refusalCodes(() -> clinic.consents()
                        .give(clinic.aConsentOf(ann)
                                .attestation(Attestation.NONE)
                                .build())))
                .containsExactly(ErrorCode.CON_3);
        assertThat(refusalCodes(() -> clinic.consents()
                        .give(clinic.aConsentOf(ann)
                                .attestation(new Attestation(true, true, false))
                                .build())))
                .containsExactly(ErrorCode.CON_3);
        assertThat(clinic.consentRepository().findByPatient(ann)).isEmpty();
    }

    @Test
    @DisplayName("CON-4: a refusal is recorded as a consent withheld, not as an absence")
    void con4_refusalIsRecorded() {
        var decided = clinic.as(doctor)
                .consents()
                .withhold(clinic.aConsentOf(ann)
                        .forPurposes(TRAINING)
                        .attestation(Attestation.NONE)
                        .comment("I'd rather not be used for teaching")
                        .build());

        assertThat(decided.consent().state()).isEqualTo(ConsentState.WITHHELD);
        assertThat(clinic.consents().forPatient(ann))
                .singleElement()
                .satisfies(c -> assertThat(c.state()).isEqualTo(ConsentState.WITHHELD));
        assertThat(clinic.consents().of(ann))
                .singleElement()
                .satisfies(f -> assertThat(f.purposes()).containsExactly(TRAINING));
    }

    @Test
    @DisplayName("CON-4: a refusal still names what was refused (kinds and purposes)")
    void con4_refusalNamesWhatWasRefused() {
        clinic.as(doctor);

        assertThat(refusalCodes(() -> clinic.consents()
                        .withhold(clinic.aConsentOf(ann).withoutPurposes().build())))
                .containsExactly(ErrorCode.CON_2);
    }

    @Test
    @DisplayName("CON-4: a withheld consent cannot be withdrawn or given afterwards; a new decision is recorded")
    void con4_withheldConsentIsFinal() {
        var withheld = clinic.as(doctor)
                .consents()
                .withhold(clinic.aConsentOf(ann).forPurposes(TRAINING).build())
                .consent();

        assertThat(refusalCodes(() -> clinic.consents().withdraw(withheld.id(), null)))
                .containsExactly(ErrorCode.LIF_1);
    }

    @Test
    @DisplayName("CON-11: consent to a purely defensive purpose needs a stated reason, then warns and records it")
    void con11_defensivePurpose() {
        clinic.as(doctor);
        assertThat(refusalCodes(() -> clinic.consents()
                        .give(clinic.aConsentOf(ann)
                                .forPurposes(DIRECT_CARE, DEFENCE)
                                .build())))
                .containsExactly(ErrorCode.CON_11);

        var decided = clinic.consents()
                .give(clinic.aConsentOf(ann)
                        .forPurposes(DIRECT_CARE, DEFENCE)
                        .defenceReason("ongoing dispute about earlier treatment")
                        .build());

        assertThat(decided.warnings()).extracting(Reason::code).containsExactly(ErrorCode.CON_11);
        assertThat(decided.consent().terms().defenceReason()).isEqualTo("ongoing dispute about earlier treatment");
        assertThat(clinic.notes().last().text()).contains("ongoing dispute about earlier treatment");
    }

    @Test
    @DisplayName("POL-1: consent is not sought for a secondary purpose the site does not allow")
    void pol1_siteMustAllowThePurpose() {
        clinic.policyChanged(p -> p.withoutSecondaryPurpose(TRAINING));
        clinic.as(doctor);

        assertThat(refusalCodes(() -> clinic.consents()
                        .give(clinic.aConsentOf(ann)
                                .forPurposes(DIRECT_CARE, TRAINING)
                                .build())))
                .containsExactly(ErrorCode.POL_1);
    }

    @Test
    @DisplayName("SAF-4: a consent for an unknown patient is refused")
    void saf4_unknownPatient() {
        clinic.as(doctor);

        assertThat(refusalCodes(() -> clinic.consents()
                        .give(clinic.aConsentOf(PatientId.of("nobody")).build())))
                .containsExactly(ErrorCode.SAF_4);
    }

    @Test
    @DisplayName("CON-2: the consent keeps what the patient was told")
    void con2_termsAreKept() {
        var consent = clinic.as(doctor)
                .consents()
                .give(clinic.aConsentOf(ann)
                        .forKinds(CONSULTATION)
                        .forPurposes(DIRECT_CARE, TRAINING)
                        .withAudience(List.of("GP registrars in training"))
                        .build())
                .consent();

        assertThat(clinic.consents().read(consent.id()).terms().audience())
                .containsExactly("GP registrars in training");
    }
}
