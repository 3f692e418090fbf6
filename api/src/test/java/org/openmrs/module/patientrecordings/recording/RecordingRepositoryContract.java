/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openmrs.module.patientrecordings.support.Concurrently.assertVer1;
import static org.openmrs.module.patientrecordings.support.Concurrently.concurrently;

import java.lang.reflect.Method;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openmrs.module.patientrecordings.domain.ConsentId;
import org.openmrs.module.patientrecordings.domain.DeIdentification;
import org.openmrs.module.patientrecordings.domain.EncounterId;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.Initiator;
import org.openmrs.module.patientrecordings.domain.MediaType;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.Purpose;
import org.openmrs.module.patientrecordings.domain.Reason;
import org.openmrs.module.patientrecordings.domain.RecordingId;
import org.openmrs.module.patientrecordings.domain.RecordingKind;
import org.openmrs.module.patientrecordings.domain.RecordingMode;
import org.openmrs.module.patientrecordings.domain.RecordingState;
import org.openmrs.module.patientrecordings.domain.RuleViolationException;
import org.openmrs.module.patientrecordings.domain.SiteId;
import org.openmrs.module.patientrecordings.domain.UserId;
import org.openmrs.module.patientrecordings.policy.CallContext.CallType;
import org.openmrs.module.patientrecordings.support.TestClock;

/**
 * What every {@link RecordingRepository} must do, whatever stores it: keep every field, version every save (VER-1)
 * and keep every version with its last-change time from the repository's clock, list in the order recordings were
 * first saved, and never delete (REC-1). An implementation's test extends this and says how to get an empty
 * repository.
 */
public abstract class RecordingRepositoryContract {

    private static final Instant MORNING = Instant.parse("2026-03-02T09:00:00.123456Z");

    /** The repository's clock, finer than a microsecond: a stored time is cut to the microsecond. */
    protected final TestClock clock = new TestClock(Instant.parse("2026-03-02T09:30:00.654321987Z"));

    private final PatientId patient = PatientId.random();
    private final SiteId site = SiteId.of("riverside-practice");
    private final UserId clinician = UserId.of("dr-okafor");

    protected RecordingRepository recordings;

    /**
     * @param clock the clock the repository stamps saves with
     * @return a repository that holds no recordings
     */
    protected abstract RecordingRepository emptyRepository(Clock clock);

    /** How many versions of a recording the store holds; a database test counts its rows. */
    protected long storedVersions(RecordingId id) {
        return recordings.history(id).size();
    }

    @BeforeEach
    void startEmpty() {
        recordings = emptyRepository(clock);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    @Test
    void aRecordingWithEveryFieldSetReadsBackEqual() {
        Recording full = aConsultation()
                .encounter(EncounterId.of("encounter-9"))
                .areaCode("RECEPTION")
                .policyVersion(3)
                .defaultPolicy(true)
                .kind(RecordingKind.TELEPHONE)
                .mediaType(MediaType.AUDIO)
                .initiator(Initiator.CLINICIAN)
                .mode(RecordingMode.COVERT)
                .purposes(Set.of(Purpose.DIRECT_CARE, Purpose.TRAINING, Purpose.DEFENCE))
                .staffPresent(List.of(UserId.of("nurse-2"), UserId.of("dr-okafor"), UserId.of("hca-5")))
                .consent(ConsentId.of("consent-4"))
                .state(RecordingState.COMPLETED)
                .endedAt(MORNING.plusSeconds(600))
                .content(new RecordedContent(
                        "content/ab/cd", "audio/webm", 5_000_000_000L, "a".repeat(64), "b".repeat(40)))
                .declaredContentType("audio/webm")
                .thirdParties(List.of(
                        new CapturedParty(CapturedParty.Role.PATIENT, "patient-7", "Bed 3", true),
                        new CapturedParty(CapturedParty.Role.STAFF, "nurse-2", null, false),
                        new CapturedParty(CapturedParty.Role.VISITOR, null, "Visitor at bed 3", true),
                        CapturedParty.unstated()))
                .derivativeOf(RecordingId.of("source-recording"))
                .deIdentification(DeIdentification.MASKED)
                .retentionUntil(LocalDate.of(2034, 3, 31))
                .flags(EnumSet.of(RecordingFlag.NOTE_MISSING, RecordingFlag.DEFENSIVE_PURPOSE))
                .defenceReason("A complaint has been threatened")
                .call(new CallDetails(CallType.MEDICAL_ADVICE, true))
                .sharedCopy(new SharedCopy(LocalDate.of(2026, 3, 1), "Recorded on the patient's phone"))
                .voidReason("Wrong patient")
                .identifier(
                        new RecordingIdentifier("urn:ietf:rfc:3986", "urn:uuid:2b9e0c1a-5d4f-4a53-9e57-0c1d2e3f4a5b"))
                .build();

        Recording saved = recordings.save(full);

        assertThat(saved)
                .isEqualTo(full.toBuilder().version(1).lastUpdated(now()).build());
        assertThat(recordings.find(full.id())).contains(saved);
    }

    @Test
    void anEarlierVersionKeepsEveryFieldAndEveryAbsentValue() {
        Recording full = aConsultation()
                .encounter(EncounterId.of("encounter-3"))
                .policyVersion(2)
                .defaultPolicy(true)
                .kind(RecordingKind.TELEPHONE)
                .mediaType(MediaType.AUDIO)
                .initiator(Initiator.SYSTEM)
                .mode(RecordingMode.COVERT)
                .purposes(Set.of(Purpose.DIRECT_CARE, Purpose.DEFENCE))
                .staffPresent(List.of(UserId.of("hca-5"), UserId.of("nurse-2")))
                .consent(ConsentId.of("consent-7"))
                .state(RecordingState.COMPLETED)
                .endedAt(MORNING.plusSeconds(60))
                .content(new RecordedContent("content/12", "audio/ogg", 7L, "e".repeat(64), "f".repeat(40)))
                .declaredContentType("audio/ogg")
                .thirdParties(List.of(new CapturedParty(CapturedParty.Role.STAFF, "nurse-2", null, false)))
                .derivativeOf(RecordingId.of("source-7"))
                .deIdentification(DeIdentification.PSEUDED)
                .retentionUntil(LocalDate.of(2036, 1, 31))
                .flags(EnumSet.of(RecordingFlag.CONFIRMED, RecordingFlag.DEFENSIVE_PURPOSE))
                .defenceReason("A claim is expected")
                .call(new CallDetails(CallType.ROUTINE_INCOMING, false))
                .sharedCopy(new SharedCopy(LocalDate.of(2026, 2, 28), "Sent by the patient"))
                .voidReason("Duplicate")
                .identifier(new RecordingIdentifier(null, "recorder-42"))
                .build();
        Recording minimal = aConsultation().build();
        Recording fullFirst = recordings.save(full);
        Recording minimalFirst = recordings.save(minimal);
        clock.advance(Duration.ofSeconds(1));

        recordings.save(fullFirst.toBuilder().voidReason("changed").build());
        recordings.save(minimalFirst.withState(RecordingState.IN_PROGRESS));

        assertThat(recordings.findVersion(full.id(), 1)).contains(fullFirst);
        assertThat(recordings.findVersion(minimal.id(), 1)).contains(minimalFirst);
        assertThat(recordings.history(minimal.id()).get(1).identifier()).isNull();
    }

    @Test
    void aRecordingWithOnlyTheRequiredFieldsKeepsItsAbsentValuesAbsent() {
        Recording minimal = aConsultation().build();

        recordings.save(minimal);

        Recording read = recordings.find(minimal.id()).orElseThrow();
        assertThat(read)
                .isEqualTo(minimal.toBuilder().version(1).lastUpdated(now()).build());
        assertThat(read.identifier()).isNull();
        assertThat(read.encounter()).isNull();
        assertThat(read.content()).isNull();
        assertThat(read.call()).isNull();
        assertThat(read.sharedCopy()).isNull();
        assertThat(read.retentionUntil()).isNull();
        assertThat(read.purposes()).isEmpty();
        assertThat(read.staffPresent()).isEmpty();
        assertThat(read.flags()).isEmpty();
        assertThat(read.thirdParties()).isEmpty();
        assertThat(read.declaredContentType()).isNull();
        assertThat(read.deIdentification()).isNull();
        assertThat(read.areaCode()).isNull();
    }

    @Test
    void aPartysConsentGivenLaterIsKeptAndTheEarlierVersionKeepsTheirAnswerThen() {
        CapturedParty nurse = new CapturedParty(CapturedParty.Role.STAFF, "nurse-2", null, false);
        CapturedParty visitor = new CapturedParty(CapturedParty.Role.VISITOR, null, "Visitor", false);
        Recording first = recordings.save(
                aConsultation().thirdParties(List.of(nurse, visitor)).build());

        Recording second = recordings.save(first.toBuilder()
                .thirdParties(List.of(nurse.withConsent(), visitor))
                .build());

        assertThat(recordings.find(first.id()).orElseThrow().thirdParties())
                .containsExactly(nurse.withConsent(), visitor);
        assertThat(recordings.find(first.id()).orElseThrow().othersCapturedWithoutConsent())
                .isTrue();
        assertThat(recordings.findVersion(first.id(), 1).orElseThrow().thirdParties())
                .containsExactly(nurse, visitor);
        assertThat(second.version()).isEqualTo(2);
    }

    @Test
    void aCallWithoutExplicitNoticeAndAPatientsCopyReadBackEqual() {
        Recording call = aConsultation()
                .kind(RecordingKind.TELEPHONE)
                .initiator(Initiator.SYSTEM)
                .call(new CallDetails(CallType.ROUTINE_INCOMING, false))
                .build();
        Recording copy = aConsultation()
                .initiator(Initiator.PATIENT)
                .sharedCopy(new SharedCopy(LocalDate.of(2025, 12, 24), "Emailed by the patient"))
                .build();

        recordings.save(call);
        recordings.save(copy);

        assertThat(recordings.find(call.id()).orElseThrow().call()).isEqualTo(call.call());
        assertThat(recordings.find(copy.id()).orElseThrow().sharedCopy()).isEqualTo(copy.sharedCopy());
    }

    @Test
    void anUnknownRecordingIsNotFound() {
        assertThat(recordings.find(RecordingId.random())).isEmpty();
    }

    @Test
    void everySaveCountsOneVersionAndKeepsTheChange() {
        Recording first = recordings.save(aConsultation().build());

        Recording second = recordings.save(first.flagged(RecordingFlag.NOTE_MISSING));
        Recording third = recordings.save(second.unflagged(RecordingFlag.NOTE_MISSING).toBuilder()
                .state(RecordingState.IN_PROGRESS)
                .purposes(Set.of(Purpose.RESEARCH))
                .staffPresent(List.of(UserId.of("nurse-8")))
                .build());
        Recording unchanged = recordings.save(third);

        assertThat(List.of(first.version(), second.version(), third.version(), unchanged.version()))
                .containsExactly(1L, 2L, 3L, 4L);
        Recording read = recordings.find(first.id()).orElseThrow();
        assertThat(read).isEqualTo(unchanged);
        assertThat(read.flags()).isEmpty();
        assertThat(read.purposes()).containsExactly(Purpose.RESEARCH);
        assertThat(read.staffPresent()).containsExactly(UserId.of("nurse-8"));
    }

    @Test
    void aSaveFromAStaleVersionIsRefusedWithVER1AndChangesNothing() {
        Recording first = recordings.save(aConsultation().build());
        Recording second = recordings.save(first.withState(RecordingState.IN_PROGRESS));

        assertVer1(() -> recordings.save(first.withState(RecordingState.IN_PROGRESS).toBuilder()
                .voidReason("from a stale copy")
                .build()));

        assertThat(recordings.find(first.id())).contains(second);
    }

    @Test
    void aNewRecordingWhoseIdExistsIsRefusedWithVER1() {
        Recording first = recordings.save(aConsultation().build());

        assertVer1(() -> recordings.save(
                aConsultation().id(first.id()).voidReason("a second insert").build()));

        assertThat(recordings.find(first.id())).contains(first);
    }

    @Test
    void aChangeToARecordingThatWasNeverSavedIsRefusedWithVER1() {
        Recording neverSaved = aConsultation().version(4).build();

        assertVer1(() -> recordings.save(neverSaved));

        assertThat(recordings.find(neverSaved.id())).isEmpty();
    }

    @Test
    void ofTwoConcurrentSavesFromTheSameVersionOneWinsAndTheOtherGetsVER1() throws Exception {
        Recording stored = recordings.save(aConsultation().build());

        List<Object> outcomes = concurrently(
                2,
                i -> recordings.save(
                        stored.toBuilder().voidReason("writer " + i).build()));

        assertThat(outcomes).filteredOn(Recording.class::isInstance).hasSize(1);
        assertThat(outcomes)
                .filteredOn(RuleViolationException.class::isInstance)
                .singleElement()
                .satisfies(e -> assertThat(codes((RuleViolationException) e)).containsExactly(ErrorCode.VER_1));
        Recording winner = (Recording) outcomes.stream()
                .filter(Recording.class::isInstance)
                .findFirst()
                .orElseThrow();
        assertThat(recordings.find(stored.id())).contains(winner);
        assertThat(winner.version()).isEqualTo(2);
    }

    @Test
    void everySaveTakesItsLastChangeTimeFromTheRepositoryClockNotFromTheCaller() {
        Instant first = now();
        Recording saved = recordings.save(aConsultation()
                .lastUpdated(Instant.parse("1999-01-01T00:00:00Z"))
                .build());
        clock.advance(Duration.ofMinutes(5));

        Recording changed = recordings.save(saved.toBuilder()
                .state(RecordingState.IN_PROGRESS)
                .lastUpdated(Instant.parse("2099-01-01T00:00:00Z"))
                .build());

        assertThat(saved.lastUpdated()).isEqualTo(first);
        assertThat(changed.lastUpdated()).isEqualTo(now()).isAfter(first);
        assertThat(recordings.find(saved.id()).orElseThrow().lastUpdated()).isEqualTo(now());
    }

    @Test
    void everyVersionIsKeptWithItsTimeAndListedNewestFirst() {
        Recording first = recordings.save(aConsultation().build());
        clock.advance(Duration.ofSeconds(30));
        Recording second = recordings.save(first.withState(RecordingState.IN_PROGRESS));
        clock.advance(Duration.ofSeconds(30));
        Recording third = recordings.save(second.toBuilder()
                .state(RecordingState.STOPPED)
                .endedAt(MORNING.plusSeconds(900))
                .content(new RecordedContent("content/ef", "video/webm", 42, "c".repeat(64), "d".repeat(40)))
                .flags(EnumSet.of(RecordingFlag.ENDED_EARLY))
                .build());
        recordings.save(aConsultation().build());

        assertThat(recordings.history(first.id())).containsExactly(third, second, first);
        assertThat(recordings.findVersion(first.id(), 1)).contains(first);
        assertThat(recordings.findVersion(first.id(), 2)).contains(second);
        assertThat(recordings.findVersion(first.id(), 3)).contains(third);
        assertThat(recordings.findVersion(first.id(), 4)).isEmpty();
        assertThat(recordings.findVersion(first.id(), 0)).isEmpty();
        assertThat(storedVersions(first.id())).isEqualTo(3);
    }

    @Test
    void anUnknownRecordingHasNoHistory() {
        assertThat(recordings.history(RecordingId.random())).isEmpty();
        assertThat(recordings.findVersion(RecordingId.random(), 1)).isEmpty();
    }

    @Test
    void aSaveRefusedWithVER1LeavesNoVersionBehind() {
        Recording first = recordings.save(aConsultation().build());
        Recording second = recordings.save(first.withState(RecordingState.IN_PROGRESS));

        assertVer1(() -> recordings.save(first.toBuilder().voidReason("stale").build()));
        assertVer1(() -> recordings.save(aConsultation().id(first.id()).build()));

        assertThat(recordings.history(first.id())).containsExactly(second, first);
        assertThat(storedVersions(first.id())).isEqualTo(2);
    }

    @Test
    void theLoserOfTwoConcurrentSavesLeavesNoVersionBehind() throws Exception {
        Recording stored = recordings.save(aConsultation().build());

        List<Object> outcomes = concurrently(
                2,
                i -> recordings.save(
                        stored.toBuilder().voidReason("writer " + i).build()));

        Recording winner = (Recording) outcomes.stream()
                .filter(Recording.class::isInstance)
                .findFirst()
                .orElseThrow();
        assertThat(recordings.history(stored.id())).containsExactly(winner, stored);
        assertThat(storedVersions(stored.id())).isEqualTo(2);
    }

    @Test
    void aPatientsRecordingsAreListedOldestFirstAndNoOneElses() {
        Recording first = recordings.save(
                aConsultation().startedAt(MORNING.plusSeconds(60)).build());
        recordings.save(aConsultation().patient(PatientId.random()).build());
        Recording second = recordings.save(aConsultation().startedAt(MORNING).build());
        Recording third = recordings.save(aConsultation().build());
        Recording firstChanged = recordings.save(first.withState(RecordingState.IN_PROGRESS));

        assertThat(recordings.findByPatient(patient)).containsExactly(firstChanged, second, third);
        assertThat(recordings.findByPatient(PatientId.random())).isEmpty();
    }

    @Test
    void flaggedRecordingsAreListedOldestFirstUntilTheFlagIsRemoved() {
        Recording first = recordings.save(aConsultation().build().flagged(RecordingFlag.NOTE_MISSING));
        Recording other = recordings.save(aConsultation().build().flagged(RecordingFlag.ENDED_EARLY));
        Recording second = recordings.save(
                aConsultation().build().flagged(RecordingFlag.NOTE_MISSING).flagged(RecordingFlag.ENDED_EARLY));
        recordings.save(aConsultation().build());

        assertThat(recordings.findFlagged(RecordingFlag.NOTE_MISSING)).containsExactly(first, second);
        assertThat(recordings.findFlagged(RecordingFlag.ENDED_EARLY)).containsExactly(other, second);
        assertThat(recordings.findFlagged(RecordingFlag.CONFIRMED)).isEmpty();

        recordings.save(first.unflagged(RecordingFlag.NOTE_MISSING));

        assertThat(recordings.findFlagged(RecordingFlag.NOTE_MISSING)).containsExactly(second);
    }

    @Test
    void allRecordingsArePagedOldestFirst() {
        List<Recording> saved = new ArrayList<>();
        IntStream.range(0, 7)
                .forEach(i -> saved.add(recordings.save(
                        aConsultation().patient(PatientId.random()).build())));

        assertThat(recordings.findAll(0, 3)).containsExactlyElementsOf(saved.subList(0, 3));
        assertThat(recordings.findAll(3, 3)).containsExactlyElementsOf(saved.subList(3, 6));
        assertThat(recordings.findAll(6, 3)).containsExactly(saved.get(6));
        assertThat(recordings.findAll(7, 3)).isEmpty();
        assertThat(recordings.findAll(0, 100)).containsExactlyElementsOf(saved);
    }

    @Test
    void aVoidedOrDestroyedRecordingStaysInTheRecordWithEveryVersionREC1() {
        Recording made = recordings.save(aConsultation().build());
        Recording voided = recordings.save(made.toBuilder()
                .state(RecordingState.VOIDED)
                .voidReason("wrong patient")
                .build());
        Recording other = recordings.save(aConsultation().build());
        Recording destroyed = recordings.save(
                other.toBuilder().state(RecordingState.DESTROYED).build());

        assertThat(recordings.find(made.id())).contains(voided);
        assertThat(recordings.find(other.id())).contains(destroyed);
        assertThat(recordings.findByPatient(patient)).containsExactly(voided, destroyed);
        assertThat(recordings.history(made.id())).containsExactly(voided, made);
        assertThat(recordings.history(other.id())).containsExactly(destroyed, other);
    }

    @Test
    @DisplayName("REC-1: a recording saved in any state, voided and destroyed included, stays found with every version")
    void aRecordingStaysInTheRecordInEveryStateREC1() {
        List<Recording> latest = new ArrayList<>();
        for (RecordingState state : RecordingState.values()) {
            Recording made = recordings.save(aConsultation().build());
            Recording.Builder next = made.toBuilder().state(state);
            if (state == RecordingState.VOIDED) {
                next.voidReason("wrong patient");
            }
            Recording moved = recordings.save(next.build());
            latest.add(moved);

            assertThat(recordings.find(made.id())).as("%s", state).contains(moved);
            assertThat(recordings.findVersion(made.id(), 1)).as("%s", state).contains(made);
            assertThat(recordings.history(made.id())).as("%s", state).containsExactly(moved, made);
        }
        assertThat(recordings.findByPatient(patient)).containsExactlyInAnyOrderElementsOf(latest);
        assertThat(recordings.findAll(0, 100)).containsExactlyInAnyOrderElementsOf(latest);
    }

    @Test
    @DisplayName("REC-1: the repository offers reads and save only, so there is no way to take a recording out")
    void theRepositoryOffersReadsAndSaveOnlyREC1() {
        assertThat(Arrays.stream(RecordingRepository.class.getMethods()).map(Method::getName))
                .containsExactlyInAnyOrder(
                        "find", "save", "findVersion", "history", "findByPatient", "findFlagged", "findAll");
        assertThat(Arrays.stream(recordings.getClass().getMethods())
                        .filter(m -> m.getDeclaringClass() != Object.class)
                        .map(m -> m.getName().toLowerCase(Locale.ROOT)))
                .noneMatch(name -> name.contains("delete")
                        || name.contains("remove")
                        || name.contains("purge")
                        || name.contains("erase"));
    }

    /** A consultation recording of this test's patient, with a fresh id and nothing optional set. */
    protected Recording.Builder aConsultation() {
        return Recording.builder()
                .id(RecordingId.random())
                .patient(patient)
                .site(site)
                .policyVersion(1)
                .kind(RecordingKind.CONSULTATION)
                .mediaType(MediaType.VIDEO)
                .initiator(Initiator.CLINICIAN)
                .mode(RecordingMode.OVERT)
                .operator(clinician)
                .state(RecordingState.REQUESTED)
                .startedAt(MORNING);
    }

    private static List<ErrorCode> codes(RuleViolationException e) {
        return e.reasons().stream().map(Reason::code).toList();
    }
}
