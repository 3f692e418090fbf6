/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.Purpose;
import org.openmrs.module.patientrecordings.domain.RecordingId;
import org.openmrs.module.patientrecordings.domain.UserId;

/**
 * What every {@link AuditLog} must do (SAF-2), whatever stores it. An implementation's test extends this and says
 * how to get an empty log and how to tamper with its storage behind its back.
 */
public abstract class AuditLogContract {

    private static final Instant MORNING = Instant.parse("2026-03-02T09:00:00.123456Z");

    private final UserId nurse = UserId.of("nurse-1");
    private final UserId doctor = UserId.of("doctor-7");
    private final PatientId patient = PatientId.of("patient-a");
    private final PatientId otherPatient = PatientId.of("patient-b");
    private final RecordingId recording = RecordingId.of("recording-1");

    protected AuditLog log;

    /** @return a log with no entries, the same storage on every call of one test */
    protected abstract AuditLog emptyLog();

    /** Changes the stored detail of an entry directly in storage, leaving its hashes alone. */
    protected abstract void alterStoredDetail(long sequence, String detail);

    /** Removes an entry directly from storage. */
    protected abstract void deleteStoredEntry(long sequence);

    /** Swaps the places of two stored entries directly in storage. */
    protected abstract void swapStoredEntries(long first, long second);

    /** Stores a row as given, directly in storage, hashes and all; the head is left alone. */
    protected abstract void insertStoredEntry(StoredAuditEntry forged);

    /** Renumbers the stored entries {@code first} to {@code last} one up, directly in storage. */
    protected abstract void shiftStoredEntries(long first, long last);

    /** Overwrites the recorded chain head directly in storage. */
    protected abstract void overwriteStoredHead(AuditChainHead head);

    /** @return a log whose storage cannot be written */
    protected abstract AuditLog unwritableLog();

    /**
     * @return a log over the same storage as {@link #log} that fails to store any entry that matches, as storage
     *     refusing a row would, and stores the others
     */
    protected abstract AuditLog refusing(Predicate<AuditEntry> matching);

    @BeforeEach
    void startWithAnEmptyLog() {
        log = emptyLog();
    }

    @Test
    void anAppendedAccessIsFoundAgainWithWhoWhenWhichPatientWhichRecordingWhatAndWhy_SAF2() {
        AuditEntry play = new AuditEntry(
                nurse,
                MORNING,
                patient,
                recording,
                AuditAction.PLAY,
                Purpose.DIRECT_CARE,
                AuditOutcome.success(),
                "bytes=0-1023 ünïcode");
        AuditEntry refused = AuditEntry.refused(
                doctor,
                MORNING.plusSeconds(1),
                patient,
                recording,
                AuditAction.DOWNLOAD,
                Purpose.TRAINING,
                ErrorCode.SEC_1,
                ErrorCode.CON_1);

        StoredAuditEntry storedPlay = log.append(play);
        StoredAuditEntry storedRefusal = log.append(refused);

        AuditPage page = log.search(AuditQuery.all().forRecording(recording).ordered(AuditQuery.Order.OLDEST_FIRST));
        assertThat(page.entries()).containsExactly(storedPlay, storedRefusal);
        assertThat(page.entries().get(0).entry()).isEqualTo(play);
        assertThat(page.entries().get(1).entry().outcome().codes()).containsExactly(ErrorCode.CON_1, ErrorCode.SEC_1);
    }

    @Test
    void anAccessConcerningNoPatientKeepsItsAbsentFields_SAF2() {
        AuditEntry policyChange = AuditEntry.success(doctor, MORNING, null, null, AuditAction.POLICY_CHANGE, null);

        log.append(policyChange);

        assertThat(log.search(AuditQuery.all()).entries())
                .singleElement()
                .extracting(StoredAuditEntry::entry)
                .isEqualTo(policyChange);
    }

    @Test
    void entriesAreNumberedFromOneAndEachNamesTheHashOfTheOneBefore_SAF2() {
        StoredAuditEntry first = log.append(view(nurse, patient, MORNING));
        StoredAuditEntry second = log.append(view(nurse, patient, MORNING.plusSeconds(1)));

        assertThat(first.sequence()).isEqualTo(1);
        assertThat(first.previousHash()).isEqualTo(AuditChainHead.GENESIS_HASH);
        assertThat(second.sequence()).isEqualTo(2);
        assertThat(second.previousHash()).isEqualTo(first.hash());
        assertThat(second.hashMatchesContent()).isTrue();
    }

    @Test
    void searchFindsEntriesByPatientRecordingUserActionAndTime_SAF2() {
        StoredAuditEntry nurseViews = log.append(view(nurse, patient, MORNING));
        StoredAuditEntry doctorPlays = log.append(AuditEntry.success(
                doctor, MORNING.plusSeconds(60), patient, recording, AuditAction.PLAY, Purpose.DIRECT_CARE));
        StoredAuditEntry otherPatientViewed = log.append(view(nurse, otherPatient, MORNING.plusSeconds(120)));

        assertThat(entries(AuditQuery.all().forPatient(patient))).containsExactly(doctorPlays, nurseViews);
        assertThat(entries(AuditQuery.all().forRecording(recording))).containsExactly(doctorPlays);
        assertThat(entries(AuditQuery.all().byUser(nurse))).containsExactly(otherPatientViewed, nurseViews);
        assertThat(entries(AuditQuery.all().withAction(AuditAction.PLAY))).containsExactly(doctorPlays);
        assertThat(entries(AuditQuery.all().between(MORNING.plusSeconds(60), MORNING.plusSeconds(120))))
                .containsExactly(doctorPlays);
        assertThat(entries(AuditQuery.all().between(MORNING.plusSeconds(61), null)))
                .containsExactly(otherPatientViewed);
        assertThat(entries(AuditQuery.all().forPatient(patient).byUser(nurse).withAction(AuditAction.VIEW)))
                .containsExactly(nurseViews);
    }

    @Test
    void searchPagesNewestFirstAndTellsTheTotal_SAF2() {
        List<StoredAuditEntry> stored = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            stored.add(log.append(view(nurse, patient, MORNING.plusSeconds(i))));
        }

        AuditPage first = log.search(AuditQuery.all().page(0, 3));
        AuditPage last = log.search(AuditQuery.all().page(6, 3));

        assertThat(first.entries()).containsExactly(stored.get(6), stored.get(5), stored.get(4));
        assertThat(first.total()).isEqualTo(7);
        assertThat(first.hasMore()).isTrue();
        assertThat(last.entries()).containsExactly(stored.get(0));
        assertThat(last.hasMore()).isFalse();
        assertThat(log.search(AuditQuery.all()
                                .ordered(AuditQuery.Order.OLDEST_FIRST)
                                .page(2, 2))
                        .entries())
                .containsExactly(stored.get(2), stored.get(3));
    }

    @Test
    void anEmptyLogVerifiesAsIntact() {
        assertThat(log.verify()).isEqualTo(new ChainVerification.Intact(AuditChainHead.GENESIS));
    }

    @Test
    void anUntouchedLogOfManyEntriesVerifiesAsIntactUpToItsLastEntry_SAF2() {
        StoredAuditEntry last = null;
        for (int i = 0; i < 520; i++) {
            last = log.append(view(nurse, patient, MORNING.plusMillis(i)));
        }

        assertThat(log.verify()).isEqualTo(new ChainVerification.Intact(AuditChainHead.of(last)));
    }

    @Test
    void aStoredFieldChangedBehindTheLogsBackIsReportedAtThatEntry_SAF2() {
        appendViews(5);

        alterStoredDetail(3, "nothing to see here");

        assertThat(log.verify()).isInstanceOfSatisfying(ChainVerification.Broken.class, broken -> {
            assertThat(broken.sequence()).isEqualTo(3);
            assertThat(broken.kind()).isEqualTo(ChainBreak.ENTRY_ALTERED);
        });
    }

    @Test
    void aStoredEntryDeletedFromTheMiddleIsReportedAtItsSequence_SAF2() {
        appendViews(5);

        deleteStoredEntry(3);

        assertThat(log.verify()).isInstanceOfSatisfying(ChainVerification.Broken.class, broken -> {
            assertThat(broken.sequence()).isEqualTo(3);
            assertThat(broken.kind()).isEqualTo(ChainBreak.SEQUENCE_BROKEN);
        });
    }

    @Test
    void theLastEntryDeletedIsReportedAgainstTheChainHead_SAF2() {
        appendViews(5);

        deleteStoredEntry(5);

        assertThat(log.verify()).isInstanceOfSatisfying(ChainVerification.Broken.class, broken -> {
            assertThat(broken.sequence()).isEqualTo(5);
            assertThat(broken.kind()).isEqualTo(ChainBreak.HEAD_MISMATCH);
        });
    }

    @Test
    void reorderedStoredEntriesAreReportedAtTheFirstMovedOne_SAF2() {
        appendViews(5);

        swapStoredEntries(2, 4);

        assertThat(log.verify()).isInstanceOfSatisfying(ChainVerification.Broken.class, broken -> {
            assertThat(broken.sequence()).isEqualTo(2);
            assertThat(broken.kind()).isIn(ChainBreak.SEQUENCE_BROKEN, ChainBreak.ENTRY_ALTERED);
        });
    }

    @Test
    void aForgedEntryInsertedInTheMiddleWithItsOwnHashesIsReportedAtTheEntryAfterIt_SAF2() {
        appendViews(5);
        StoredAuditEntry second = stored(2);
        StoredAuditEntry forged = AuditChainHead.of(second)
                .link(view(doctor, otherPatient, MORNING.plusSeconds(1)).withDetail("forged"));

        shiftStoredEntries(3, 5);
        insertStoredEntry(forged);
        overwriteStoredHead(new AuditChainHead(6, stored(6).hash()));

        assertThat(log.verify()).isInstanceOfSatisfying(ChainVerification.Broken.class, broken -> {
            assertThat(broken.sequence()).isEqualTo(4);
            assertThat(broken.kind()).isEqualTo(ChainBreak.ENTRY_ALTERED);
        });
    }

    @Test
    void aForgedEntryAddedAfterTheLastWithoutMovingTheHeadIsReportedAgainstTheHead_SAF2() {
        appendViews(3);
        StoredAuditEntry forged = AuditChainHead.of(stored(3)).link(view(doctor, otherPatient, MORNING));

        insertStoredEntry(forged);

        assertThat(log.verify()).isInstanceOfSatisfying(ChainVerification.Broken.class, broken -> {
            assertThat(broken.sequence()).isEqualTo(4);
            assertThat(broken.kind()).isEqualTo(ChainBreak.HEAD_MISMATCH);
        });
    }

    @Test
    void anEntryRewrittenWithARecomputedHashIsReportedAtTheEntryAfterIt_SAF2() {
        appendViews(5);
        StoredAuditEntry original = stored(3);
        AuditEntry edited = original.entry().withDetail("nothing to see here");
        StoredAuditEntry rehashed = new StoredAuditEntry(
                3, edited, original.previousHash(), AuditHashes.hash(3, original.previousHash(), edited));

        deleteStoredEntry(3);
        insertStoredEntry(rehashed);

        assertThat(log.verify()).isInstanceOfSatisfying(ChainVerification.Broken.class, broken -> {
            assertThat(broken.sequence()).isEqualTo(4);
            assertThat(broken.kind()).isEqualTo(ChainBreak.LINK_BROKEN);
        });
    }

    @Test
    void checkingAfterAnIntactCheckpointReadsOnlyTheNewEntriesAndFindsAnAlteredOne_SAF2() {
        appendViews(3);
        AuditChainHead checkpoint = ((ChainVerification.Intact) log.verify()).head();
        appendViews(3);

        ChainVerification intact = log.verifyAfter(checkpoint);
        alterStoredDetail(5, "nothing to see here");

        assertThat(intact).isEqualTo(new ChainVerification.Intact(AuditChainHead.of(stored(6))));
        assertThat(log.verifyAfter(checkpoint)).isInstanceOfSatisfying(ChainVerification.Broken.class, broken -> {
            assertThat(broken.sequence()).isEqualTo(5);
            assertThat(broken.kind()).isEqualTo(ChainBreak.ENTRY_ALTERED);
        });
    }

    @Test
    void checkingAfterACheckpointFindsTheCheckpointEntryChangedOrGone_SAF2() {
        appendViews(4);
        AuditChainHead checkpoint = ((ChainVerification.Intact) log.verify()).head();

        alterStoredDetail(4, "nothing to see here");
        ChainVerification altered = log.verifyAfter(checkpoint);
        deleteStoredEntry(4);
        ChainVerification removed = log.verifyAfter(checkpoint);

        assertThat(altered).isInstanceOfSatisfying(ChainVerification.Broken.class, broken -> {
            assertThat(broken.sequence()).isEqualTo(4);
            assertThat(broken.kind()).isEqualTo(ChainBreak.ENTRY_ALTERED);
        });
        assertThat(removed).isInstanceOfSatisfying(ChainVerification.Broken.class, broken -> {
            assertThat(broken.sequence()).isEqualTo(4);
            assertThat(broken.kind()).isEqualTo(ChainBreak.SEQUENCE_BROKEN);
        });
    }

    @Test
    void checkingAfterACheckpointLeavesAnOlderChangeToTheFullCheck_SAF2() {
        appendViews(4);
        AuditChainHead checkpoint = ((ChainVerification.Intact) log.verify()).head();

        alterStoredDetail(2, "nothing to see here");

        assertThat(log.verifyAfter(checkpoint)).isEqualTo(new ChainVerification.Intact(checkpoint));
        assertThat(log.verify()).isInstanceOfSatisfying(ChainVerification.Broken.class, broken -> {
            assertThat(broken.sequence()).isEqualTo(2);
            assertThat(broken.kind()).isEqualTo(ChainBreak.ENTRY_ALTERED);
        });
    }

    @Test
    void eightThreadsAppendingAtOnceLeaveOneLinearIntactChain_SAF2() throws Exception {
        int threads = 8;
        int perThread = 25;
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<StoredAuditEntry>>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                UserId user = UserId.of("user-" + t);
                Callable<List<StoredAuditEntry>> appender = () -> {
                    start.await(30, TimeUnit.SECONDS);
                    List<StoredAuditEntry> mine = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        mine.add(log.append(view(user, patient, MORNING.plusMillis(i))));
                    }
                    return mine;
                };
                results.add(pool.submit(appender));
            }
            List<Long> sequences = new ArrayList<>();
            for (Future<List<StoredAuditEntry>> result : results) {
                result.get(120, TimeUnit.SECONDS).forEach(stored -> sequences.add(stored.sequence()));
            }

            assertThat(sequences)
                    .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, threads * perThread)
                            .boxed()
                            .toList());
            assertThat(log.verify()).isInstanceOf(ChainVerification.Intact.class);
            assertThat(log.search(AuditQuery.all()).total()).isEqualTo(threads * perThread);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aBatchIsStoredInTheOrderGivenWithNoEntryBetweenAndTheChainVerifies_SAF2() {
        appendViews(2);
        List<AuditEntry> batch = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            batch.add(view(doctor, patient, MORNING.plusSeconds(60 + i)).withDetail("hit " + i));
        }

        List<StoredAuditEntry> stored = log.appendAll(batch);
        log.append(view(nurse, otherPatient, MORNING.plusSeconds(120)));
        List<StoredAuditEntry> second = log.appendAll(batch.subList(0, 3));

        assertThat(stored).extracting(StoredAuditEntry::sequence).containsExactly(3L, 4L, 5L, 6L, 7L);
        assertThat(stored).extracting(StoredAuditEntry::entry).containsExactlyElementsOf(batch);
        assertThat(second).extracting(StoredAuditEntry::sequence).containsExactly(9L, 10L, 11L);
        for (int i = 1; i < stored.size(); i++) {
            assertThat(stored.get(i).previousHash()).isEqualTo(stored.get(i - 1).hash());
        }
        assertThat(stored(5)).isEqualTo(stored.get(2));
        assertThat(log.appendAll(List.of())).isEmpty();
        assertThat(log.verify()).isInstanceOf(ChainVerification.Intact.class);
        assertThat(log.search(AuditQuery.all()).total()).isEqualTo(11);
    }

    @Test
    void aBatchHoldingOneEntryThatCannotBeStoredStoresNoneOfItAndFailsWithSAF2() {
        appendViews(1);
        AuditLog refusingBad = refusing(entry -> entry.detail().equals("bad"));
        List<AuditEntry> batch = List.of(
                view(doctor, patient, MORNING.plusSeconds(1)).withDetail("good"),
                view(doctor, patient, MORNING.plusSeconds(2)).withDetail("bad"),
                view(doctor, patient, MORNING.plusSeconds(3)).withDetail("good too"));

        assertThatThrownBy(() -> refusingBad.appendAll(batch))
                .isInstanceOfSatisfying(
                        AuditWriteFailedException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.SAF_2));

        assertThat(log.search(AuditQuery.all()).total()).isEqualTo(1);
        assertThat(log.verify()).isInstanceOf(ChainVerification.Intact.class);
        assertThat(refusingBad
                        .append(view(nurse, patient, MORNING.plusSeconds(4)))
                        .sequence())
                .isEqualTo(2);
        assertThat(log.verify()).isInstanceOf(ChainVerification.Intact.class);
    }

    @Test
    void batchesAndSingleAppendsFromManyThreadsLeaveOneIntactChainWithEachBatchInOneRun_SAF2() throws Exception {
        int threads = 6;
        int rounds = 10;
        int batchSize = 4;
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<List<StoredAuditEntry>>>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                UserId user = UserId.of("user-" + t);
                boolean batches = t % 2 == 0;
                Callable<List<List<StoredAuditEntry>>> appender = () -> {
                    start.await(30, TimeUnit.SECONDS);
                    List<List<StoredAuditEntry>> mine = new ArrayList<>();
                    for (int i = 0; i < rounds; i++) {
                        if (batches) {
                            List<AuditEntry> batch = new ArrayList<>();
                            for (int b = 0; b < batchSize; b++) {
                                batch.add(view(user, patient, MORNING.plusMillis(i))
                                        .withDetail("hit " + b));
                            }
                            mine.add(log.appendAll(batch));
                        } else {
                            mine.add(List.of(log.append(view(user, patient, MORNING.plusMillis(i)))));
                        }
                    }
                    return mine;
                };
                results.add(pool.submit(appender));
            }
            List<Long> sequences = new ArrayList<>();
            for (Future<List<List<StoredAuditEntry>>> result : results) {
                for (List<StoredAuditEntry> run : result.get(120, TimeUnit.SECONDS)) {
                    for (int i = 0; i < run.size(); i++) {
                        assertThat(run.get(i).sequence()).isEqualTo(run.get(0).sequence() + i);
                        assertThat(run.get(i).entry().detail()).isIn("", "hit " + i);
                    }
                    run.forEach(stored -> sequences.add(stored.sequence()));
                }
            }

            int total = (threads / 2) * rounds * batchSize + (threads - threads / 2) * rounds;
            assertThat(sequences)
                    .containsExactlyInAnyOrderElementsOf(
                            LongStream.rangeClosed(1, total).boxed().toList());
            assertThat(log.verify()).isInstanceOf(ChainVerification.Intact.class);
            assertThat(log.search(AuditQuery.all()).total()).isEqualTo(total);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void manyThreadsAppendingAtOnceEachGetTheirOwnEntryStoredOnceAndOneUnstorableEntryFailsOnlyItsCaller_SAF2()
            throws Exception {
        int threads = 8;
        int perThread = 20;
        AuditLog refusingBad = refusing(entry -> entry.detail().startsWith("bad"));
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<Object>>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                UserId user = UserId.of("user-" + t);
                int thread = t;
                Callable<List<Object>> appender = () -> {
                    start.await(30, TimeUnit.SECONDS);
                    List<Object> outcomes = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        boolean bad = thread % 3 == 0 && i % 4 == 1;
                        AuditEntry entry = view(user, patient, MORNING.plusMillis(i))
                                .withDetail((bad ? "bad " : "good ") + thread + "/" + i);
                        try {
                            StoredAuditEntry stored = refusingBad.append(entry);
                            assertThat(stored.entry()).isEqualTo(entry);
                            outcomes.add(stored);
                        } catch (AuditWriteFailedException e) {
                            assertThat(bad)
                                    .as("only a bad entry fails: " + entry.detail())
                                    .isTrue();
                            outcomes.add(e);
                        }
                    }
                    return outcomes;
                };
                results.add(pool.submit(appender));
            }
            List<Long> sequences = new ArrayList<>();
            int failures = 0;
            for (Future<List<Object>> result : results) {
                for (Object outcome : result.get(120, TimeUnit.SECONDS)) {
                    if (outcome instanceof StoredAuditEntry stored) {
                        sequences.add(stored.sequence());
                    } else {
                        failures++;
                    }
                }
            }

            int bad = 3 * (perThread / 4);
            assertThat(failures).isEqualTo(bad);
            int stored = threads * perThread - bad;
            assertThat(sequences)
                    .containsExactlyInAnyOrderElementsOf(
                            LongStream.rangeClosed(1, stored).boxed().toList());
            assertThat(log.verify()).isInstanceOf(ChainVerification.Intact.class);
            List<StoredAuditEntry> all =
                    log.search(AuditQuery.all().page(0, 1000)).entries();
            assertThat(all).hasSize(stored).noneMatch(e -> e.entry().detail().startsWith("bad"));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anAccessThatCannotBeAuditedFailsWithSAF2() {
        AuditLog unwritable = unwritableLog();

        assertThatThrownBy(() -> unwritable.append(view(nurse, patient, MORNING)))
                .isInstanceOfSatisfying(
                        AuditWriteFailedException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.SAF_2));
    }

    private void appendViews(int count) {
        for (int i = 0; i < count; i++) {
            log.append(view(nurse, patient, MORNING.plusSeconds(i)).withDetail("view " + i));
        }
    }

    private StoredAuditEntry stored(long sequence) {
        return log.search(
                        AuditQuery.all().ordered(AuditQuery.Order.OLDEST_FIRST).page((int) sequence - 1, 1))
                .entries()
                .get(0);
    }

    private List<StoredAuditEntry> entries(AuditQuery query) {
        return log.search(query).entries();
    }

    private static AuditEntry view(UserId user, PatientId patient, Instant at) {
        return AuditEntry.success(user, at, patient, null, AuditAction.VIEW, Purpose.DIRECT_CARE);
    }
}
