/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openmrs.module.patientrecordings.support.Concurrently.assertVer1;
import static org.openmrs.module.patientrecordings.support.Concurrently.concurrently;

import java.lang.reflect.Method;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openmrs.module.patientrecordings.domain.ConsentId;
import org.openmrs.module.patientrecordings.domain.ConsentState;
import org.openmrs.module.patientrecordings.domain.EncounterId;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.Purpose;
import org.openmrs.module.patientrecordings.domain.Reason;
import org.openmrs.module.patientrecordings.domain.RecordingId;
import org.openmrs.module.patientrecordings.domain.RecordingKind;
import org.openmrs.module.patientrecordings.domain.RuleViolationException;
import org.openmrs.module.patientrecordings.domain.SiteId;
import org.openmrs.module.patientrecordings.domain.UserId;
import org.openmrs.module.patientrecordings.policy.Attestation;
import org.openmrs.module.patientrecordings.policy.ConsentGiver;
import org.openmrs.module.patientrecordings.policy.ConsentTerms;

/**
 * What every {@link ConsentRepository} must do, whatever stores it: keep the terms (CON-2), the attestation (CON-3)
 * and the whole decision history in order, version every save (VER-1) and never delete. An implementation's test
 * extends this and says how to get an empty repository.
 */
public abstract class ConsentRepositoryContract {

    private static final Instant MORNING = Instant.parse("2026-03-02T09:00:00.123456Z");

    protected final PatientId patient = PatientId.random();
    private final UserId clinician = UserId.of("dr-okafor");

    protected ConsentRepository consents;

    /** @return a repository that holds no consents */
    protected abstract ConsentRepository emptyRepository();

    @BeforeEach
    void startEmpty() {
        consents = emptyRepository();
    }

    @Test
    void aConsentWithEveryTermAndAttestationReadsBackEqual() {
        RecordingConsent full =
                withEveryTermAndAttestation(List.of(given(), decision(ConsentEventType.CONFIRMED_AFTER_RECORDING, 60)));

        RecordingConsent saved = consents.save(full);

        assertThat(saved).isEqualTo(withVersion(full, 1));
        assertThat(consents.find(full.id())).contains(saved);
    }

    @Test
    void aConsentWithNothingButTheRequiredKeepsItsAbsentValuesAbsent() {
        RecordingConsent minimal = withNothingButTheRequired();

        consents.save(minimal);

        RecordingConsent read = consents.find(minimal.id()).orElseThrow();
        assertThat(read).isEqualTo(withVersion(minimal, 1));
        assertThat(read.terms().kinds()).isEmpty();
        assertThat(read.terms().audience()).isEmpty();
        assertThat(read.terms().copiesWillBeMade()).isNull();
        assertThat(read.attestation()).isEqualTo(Attestation.NONE);
        assertThat(read.state()).isEqualTo(ConsentState.WITHHELD);
    }

    @Test
    void whoDecidedReadsBackEqual() {
        for (ConsentGiver giver : List.of(
                ConsentGiver.patient(true),
                ConsentGiver.representative(ConsentGiver.Authority.COURT_APPOINTED_DEPUTY, "Kim Deputy", "deputy"),
                ConsentGiver.bestInterests(List.of(
                        new ConsentGiver.Consulted("Joe Carer", "paid carer"),
                        new ConsentGiver.Consulted("Ria", "daughter"))))) {
            RecordingConsent decided = aConsentDecidedBy(giver);

            consents.save(decided);

            assertThat(consents.find(decided.id()).orElseThrow().giver()).isEqualTo(giver);
        }
    }

    @Test
    void aSupersededConsentNamesItsSuccessor() {
        RecordingConsent stored = consents.save(aConsent());
        ConsentId successor = ConsentId.random();

        RecordingConsent superseded = consents.save(stored.with(new ConsentEvent(
                ConsentEventType.SUPERSEDED, MORNING.plusSeconds(600), clinician, null, null, successor)));

        RecordingConsent read = consents.find(stored.id()).orElseThrow();
        assertThat(read).isEqualTo(superseded);
        assertThat(read.state()).isEqualTo(ConsentState.SUPERSEDED);
        assertThat(read.successor()).isEqualTo(successor);
    }

    @Test
    void anUnknownConsentIsNotFound() {
        assertThat(consents.find(ConsentId.random())).isEmpty();
    }

    @Test
    void decisionsAreAppendedToTheHistoryAndReadBackInOrder() {
        RecordingConsent stored = consents.save(aConsent());
        RecordingId recording = RecordingId.random();

        RecordingConsent confirmed = consents.save(stored.with(new ConsentEvent(
                ConsentEventType.CONFIRMED_AFTER_RECORDING,
                MORNING.plusSeconds(900),
                clinician,
                recording,
                "Happy for it to be kept")));
        RecordingConsent withdrawn = consents.save(confirmed.with(new ConsentEvent(
                ConsentEventType.WITHDRAWN, MORNING.plusSeconds(86_400), UserId.of("receptionist-1"), null, null)));

        RecordingConsent read = consents.find(stored.id()).orElseThrow();
        assertThat(read.history())
                .extracting(ConsentEvent::type)
                .containsExactly(
                        ConsentEventType.GIVEN, ConsentEventType.CONFIRMED_AFTER_RECORDING, ConsentEventType.WITHDRAWN);
        assertThat(read.history().get(1).recording()).isEqualTo(recording);
        assertThat(read.history().get(1).comment()).isEqualTo("Happy for it to be kept");
        assertThat(read).isEqualTo(withdrawn);
        assertThat(read.version()).isEqualTo(3);
        assertThat(read.state()).isEqualTo(ConsentState.WITHDRAWN);
    }

    @Test
    void aSaveFromAStaleVersionIsRefusedWithVER1AndChangesNothing() {
        RecordingConsent first = consents.save(aConsent());
        RecordingConsent withdrawn = consents.save(first.with(decision(ConsentEventType.WITHDRAWN, 60)));

        assertVer1(() -> consents.save(first.with(decision(ConsentEventType.REFUSED_AFTER_RECORDING, 120))));

        assertThat(consents.find(first.id())).contains(withdrawn);
    }

    @Test
    void aNewConsentWhoseIdExistsIsRefusedWithVER1() {
        RecordingConsent first = consents.save(aConsent());
        RecordingConsent again = new RecordingConsent(
                first.id(),
                PatientId.random(),
                null,
                first.site(),
                first.terms(),
                Attestation.NONE,
                List.of(given()),
                0);

        assertVer1(() -> consents.save(again));

        assertThat(consents.find(first.id())).contains(first);
    }

    @Test
    void aChangeToAConsentThatWasNeverSavedIsRefusedWithVER1() {
        RecordingConsent neverSaved = withVersion(aConsent(), 2);

        assertVer1(() -> consents.save(neverSaved));

        assertThat(consents.find(neverSaved.id())).isEmpty();
    }

    @Test
    void ofTwoConcurrentDecisionsFromTheSameVersionOneIsKeptAndTheOtherGetsVER1() throws Exception {
        RecordingConsent stored = consents.save(aConsent());
        List<ConsentEvent> decisions = List.of(
                decision(ConsentEventType.WITHDRAWN, 60), decision(ConsentEventType.CONFIRMED_AFTER_RECORDING, 60));

        List<Object> outcomes = concurrently(2, i -> consents.save(stored.with(decisions.get(i))));

        assertThat(outcomes).filteredOn(RecordingConsent.class::isInstance).hasSize(1);
        assertThat(outcomes)
                .filteredOn(RuleViolationException.class::isInstance)
                .singleElement()
                .satisfies(e -> assertThat(codes((RuleViolationException) e)).containsExactly(ErrorCode.VER_1));
        RecordingConsent winner = (RecordingConsent) outcomes.stream()
                .filter(RecordingConsent.class::isInstance)
                .findFirst()
                .orElseThrow();
        RecordingConsent read = consents.find(stored.id()).orElseThrow();
        assertThat(read).isEqualTo(winner);
        assertThat(read.history()).hasSize(2);
    }

    @Test
    void aPatientsConsentsAreListedOldestFirstAndNoOneElses() {
        RecordingConsent first = consents.save(aConsent());
        consents.save(new RecordingConsent(
                ConsentId.random(),
                PatientId.random(),
                null,
                SiteId.of("riverside-practice"),
                first.terms(),
                Attestation.COMPLETE,
                List.of(given()),
                0));
        RecordingConsent second = consents.save(aConsent());
        RecordingConsent firstWithdrawn = consents.save(first.with(decision(ConsentEventType.WITHDRAWN, 60)));

        assertThat(consents.findByPatient(patient)).containsExactly(firstWithdrawn, second);
        assertThat(consents.findByPatient(PatientId.random())).isEmpty();
    }

    @Test
    void thePatientsListReadsEveryConsentBackAsItsOwnReadDoes() {
        RecordingConsent full = consents.save(withEveryTermAndAttestation(List.of(
                given(),
                new ConsentEvent(
                        ConsentEventType.CONFIRMED_AFTER_RECORDING,
                        MORNING.plusSeconds(60),
                        clinician,
                        RecordingId.random(),
                        "Watched it back with the patient"))));
        RecordingConsent minimal = consents.save(withNothingButTheRequired());
        RecordingConsent bestInterests = consents.save(aConsentDecidedBy(ConsentGiver.bestInterests(List.of(
                new ConsentGiver.Consulted("Joe Carer", "paid carer"),
                new ConsentGiver.Consulted("Ria", "daughter"),
                new ConsentGiver.Consulted("Adam", "son")))));
        RecordingConsent deputy = consents.save(aConsentDecidedBy(
                ConsentGiver.representative(ConsentGiver.Authority.COURT_APPOINTED_DEPUTY, "Kim Deputy", "deputy")));
        RecordingConsent superseded = consents.save(consents.save(aConsent())
                .with(new ConsentEvent(
                        ConsentEventType.SUPERSEDED, MORNING.plusSeconds(600), clinician, null, null, deputy.id())));
        consents.save(new RecordingConsent(
                ConsentId.random(),
                PatientId.random(),
                null,
                full.site(),
                full.terms(),
                Attestation.COMPLETE,
                List.of(given()),
                0));

        List<RecordingConsent> listed = consents.findByPatient(patient);

        assertThat(listed).containsExactly(full, minimal, bestInterests, deputy, superseded);
        for (RecordingConsent each : listed) {
            assertThat(consents.find(each.id())).contains(each);
        }
        assertThat(listed.get(0).terms().audience())
                .containsExactly("The care team", "Trainee GPs at the practice", "An external assessor");
        assertThat(listed.get(2).giver().consulted())
                .extracting(ConsentGiver.Consulted::name)
                .containsExactly("Joe Carer", "Ria", "Adam");
    }

    @Test
    void aConsentCannotBeDeletedThroughTheRepository() {
        Method[] methods = consents.getClass().getMethods();

        assertThat(Arrays.stream(methods).map(m -> m.getName().toLowerCase(Locale.ROOT)))
                .isNotEmpty()
                .noneMatch(name -> name.contains("delete") || name.contains("remove") || name.contains("purge"));
    }

    /** A consent to recording a consultation for direct care, given this morning by this test's patient. */
    protected RecordingConsent aConsent() {
        return new RecordingConsent(
                ConsentId.random(),
                patient,
                null,
                SiteId.of("riverside-practice"),
                new ConsentTerms(
                        Set.of(RecordingKind.CONSULTATION),
                        Set.of(Purpose.DIRECT_CARE),
                        List.of("The care team"),
                        "The patient's care",
                        false,
                        "Encrypted, on the practice's server",
                        "As long as the rest of the record",
                        null),
                Attestation.COMPLETE,
                List.of(given()),
                0);
    }

    /** A consent with every term and the attestation filled in, with this history, for this test's patient. */
    private RecordingConsent withEveryTermAndAttestation(List<ConsentEvent> history) {
        return new RecordingConsent(
                ConsentId.random(),
                patient,
                EncounterId.of("encounter-3"),
                SiteId.of("riverside-practice"),
                new ConsentTerms(
                        Set.of(RecordingKind.CONSULTATION, RecordingKind.CLINICAL_PHOTO),
                        Set.of(Purpose.DIRECT_CARE, Purpose.TRAINING),
                        List.of("The care team", "Trainee GPs at the practice", "An external assessor"),
                        "Teaching sessions at the practice",
                        true,
                        "Encrypted, on the practice's server",
                        "Ten years after the last treatment",
                        "A complaint has been threatened"),
                new Attestation(true, false, null),
                history,
                0);
    }

    /** A consent withheld, with nothing but what is required, for this test's patient. */
    private RecordingConsent withNothingButTheRequired() {
        return new RecordingConsent(
                ConsentId.random(),
                patient,
                null,
                SiteId.of("riverside-practice"),
                new ConsentTerms(null, null, null, null, null, null, null, null),
                Attestation.NONE,
                List.of(new ConsentEvent(ConsentEventType.WITHHELD, MORNING, clinician, null, null)),
                0);
    }

    /** {@link #aConsent()}, decided by someone else. */
    private RecordingConsent aConsentDecidedBy(ConsentGiver giver) {
        RecordingConsent c = aConsent();
        return new RecordingConsent(
                ConsentId.random(),
                c.patient(),
                c.encounter(),
                c.site(),
                c.terms(),
                c.attestation(),
                giver,
                c.history(),
                0);
    }

    private ConsentEvent given() {
        return new ConsentEvent(ConsentEventType.GIVEN, MORNING, clinician, null, "Agreed after the explanation");
    }

    private ConsentEvent decision(ConsentEventType type, long secondsLater) {
        return new ConsentEvent(type, MORNING.plusSeconds(secondsLater), clinician, null, null);
    }

    private static RecordingConsent withVersion(RecordingConsent c, long version) {
        return new RecordingConsent(
                c.id(),
                c.patient(),
                c.encounter(),
                c.site(),
                c.terms(),
                c.attestation(),
                c.giver(),
                c.history(),
                version);
    }

    private static List<ErrorCode> codes(RuleViolationException e) {
        return e.reasons().stream().map(Reason::code).toList();
    }
}
