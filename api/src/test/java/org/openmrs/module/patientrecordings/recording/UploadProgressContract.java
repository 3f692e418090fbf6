/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openmrs.module.patientrecordings.support.Concurrently.concurrently;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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

/**
 * What the chunked upload relies on from every {@link UploadProgress}: parts follow each other from offset 0 with one
 * content type, a part that does not start where the committed ones end is refused with SAF-4, and of appends racing
 * at one offset exactly one commits.
 */
public abstract class UploadProgressContract {

    private UploadProgress progress;

    /** @return a store with no parts */
    protected abstract UploadProgress emptyProgress();

    /** @return the id of a new recording in progress, as the store's uploads are for */
    protected RecordingId newRecording() {
        return RecordingId.random();
    }

    /** Runs {@code call} as one request does: in a unit of work of its own, where the store has them. */
    protected <T> T inUnitOfWork(Supplier<T> call) {
        return call.get();
    }

    @BeforeEach
    void startEmpty() {
        progress = emptyProgress();
    }

    @Test
    void partsFollowEachOtherFromZeroAndReadBackInOrder() {
        RecordingId id = newRecording();
        UploadPart first = part(id, 0, 10, "video/webm");
        UploadPart second = part(id, 10, 15, "video/webm");

        assertThat(progress.offset(id)).isZero();
        assertThat(progress.parts(id)).isEmpty();
        assertThat(progress.append(first)).isEqualTo(10);
        assertThat(progress.parts(id)).containsExactly(first);
        assertThat(progress.append(second)).isEqualTo(25);

        assertThat(progress.parts(id)).containsExactly(first, second);
        assertThat(progress.offset(id)).isEqualTo(25);
    }

    @Test
    void aPartWithoutDigestsOfItsOwnIsKeptAndReadBackWithout() {
        RecordingId id = newRecording();
        UploadPart digested = part(id, 0, 10, "video/webm");
        UploadPart partOfTheWhole = withoutDigests(part(id, 10, 15, "video/webm"));

        progress.append(digested);
        assertThat(progress.append(partOfTheWhole)).isEqualTo(25);

        assertThat(progress.parts(id)).containsExactly(digested, partOfTheWhole);
        assertThat(progress.parts(id).get(1).hasDigests()).isFalse();
        assertThat(progress.parts(id).get(0).hasDigests()).isTrue();
    }

    @Test
    void aPartHasBothItsDigestsOrNeither() {
        UploadPart part = part(newRecording(), 0, 10, "video/webm");

        assertThatThrownBy(() ->
                        new UploadPart(part.recording(), 0, 10, part.contentType(), part.key(), part.sha256(), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() ->
                        new UploadPart(part.recording(), 0, 10, part.contentType(), part.key(), null, part.sha1()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPartThatDoesNotStartWhereTheCommittedOnesEndIsRefusedWithSaf4() {
        RecordingId id = newRecording();
        assertSaf4(
                () -> progress.append(part(id, 5, 10, "audio/ogg")),
                "This chunk starts at 5; the next byte expected is 0");
        UploadPart first = part(id, 0, 10, "audio/ogg");
        progress.append(first);

        assertSaf4(
                () -> progress.append(part(id, 0, 10, "audio/ogg")),
                "This chunk starts at 0; the next byte expected is 10");
        assertSaf4(
                () -> progress.append(part(id, 11, 10, "audio/ogg")),
                "This chunk starts at 11; the next byte expected is 10");
        assertSaf4(
                () -> progress.append(part(id, 9, 10, "audio/ogg")),
                "This chunk starts at 9; the next byte expected is 10");

        assertThat(progress.parts(id)).containsExactly(first);
    }

    @Test
    void aPartOfAnotherContentTypeIsRefusedWithSaf4() {
        RecordingId id = newRecording();
        UploadPart first = part(id, 0, 10, "video/webm");
        progress.append(first);

        assertSaf4(
                () -> progress.append(part(id, 10, 10, "video/mp4")), "The upload began as video/webm, not video/mp4");

        assertThat(progress.parts(id)).containsExactly(first);
    }

    @Test
    void theUploadsOfTwoRecordingsAreIndependentAndFinishingOneForgetsOnlyIt() {
        RecordingId one = newRecording();
        RecordingId other = newRecording();
        progress.append(part(one, 0, 10, "audio/ogg"));
        UploadPart others = part(other, 0, 7, "audio/webm");
        progress.append(others);

        progress.finish(one);

        assertThat(progress.parts(one)).isEmpty();
        assertThat(progress.offset(one)).isZero();
        assertThat(progress.parts(other)).containsExactly(others);
        UploadPart again = part(one, 0, 3, "audio/mpeg");
        assertThat(progress.append(again)).isEqualTo(3);
        assertThat(progress.parts(one)).containsExactly(again);
        progress.finish(newRecording());
        assertThat(progress.parts(other)).containsExactly(others);
    }

    /**
     * The winner has appended but not committed when the loser appends at the same offset: whether the loser's check
     * or the database's constraint refuses it, the refusal names the winner's end once that is committed.
     */
    @Test
    void anAppendAtAnOffsetAnotherAppendHoldsIsRefusedWithTheNextByteTheWinnerCommits() throws Exception {
        RecordingId id = newRecording();
        progress.append(part(id, 0, 10, "video/webm"));
        UploadPart winner = part(id, 10, 20, "video/webm");
        UploadPart loser = part(id, 10, 5, "video/webm");
        CountDownLatch appended = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Long> held = pool.submit(() -> inUnitOfWork(() -> {
                long next = progress.append(winner);
                appended.countDown();
                pause(700);
                return next;
            }));
            assertThat(appended.await(30, TimeUnit.SECONDS)).isTrue();

            assertSaf4(
                    () -> inUnitOfWork(() -> progress.append(loser)),
                    "This chunk starts at 10; the next byte expected is 30");

            assertThat(held.get(60, TimeUnit.SECONDS)).isEqualTo(30);
        } finally {
            pool.shutdownNow();
        }
        assertThat(progress.parts(id)).hasSize(2).endsWith(winner);
        assertThat(progress.offset(id)).isEqualTo(30);
    }

    /**
     * The winner appends the last chunk and finishes the upload (its content is recorded) but has not committed when
     * the loser continues the same upload: the loser is refused, and leaves no part behind that continues nothing.
     */
    @Test
    void anAppendContinuingAnUploadAnotherFinishesMeanwhileIsRefusedAndLeavesNoPart() throws Exception {
        RecordingId id = newRecording();
        progress.append(part(id, 0, 10, "video/webm"));
        CountDownLatch finished = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Boolean> winner = pool.submit(() -> inUnitOfWork(() -> {
                progress.append(part(id, 10, 20, "video/webm"));
                progress.finish(id);
                finished.countDown();
                pause(700);
                return true;
            }));
            assertThat(finished.await(30, TimeUnit.SECONDS)).isTrue();

            assertSaf4(
                    () -> inUnitOfWork(() -> progress.append(part(id, 10, 5, "video/webm"))),
                    "This chunk starts at 10; the next byte expected is 0");

            assertThat(winner.get(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            pool.shutdownNow();
        }
        assertThat(progress.parts(id)).isEmpty();
        assertThat(progress.offset(id)).isZero();
    }

    @Test
    void ofEightAppendsRacingAtOneOffsetExactlyOneCommits() throws Exception {
        RecordingId id = newRecording();

        List<Object> outcomes =
                concurrently(8, i -> inUnitOfWork(() -> progress.append(part(id, 0, 10 + i, "audio/ogg"))));

        List<Object> committed =
                outcomes.stream().filter(o -> !(o instanceof Throwable)).toList();
        assertThat(committed).hasSize(1);
        long winnersEnd = (Long) committed.get(0);
        assertThat(outcomes.stream().filter(o -> o instanceof Throwable))
                .hasSize(7)
                .allSatisfy(o -> assertThat(o)
                        .isInstanceOfSatisfying(
                                RuleViolationException.class,
                                e -> assertThat(e.reasons())
                                        .extracting(Reason::code, Reason::message)
                                        .containsExactly(org.assertj.core.groups.Tuple.tuple(
                                                ErrorCode.SAF_4,
                                                "This chunk starts at 0; the next byte expected is " + winnersEnd))));
        assertThat(progress.parts(id))
                .singleElement()
                .extracting(UploadPart::end)
                .isEqualTo(winnersEnd);
    }

    /** @return a new recording in progress, for a store whose uploads need its row */
    protected static Recording aRecordingInProgress() {
        return Recording.builder()
                .id(RecordingId.random())
                .patient(PatientId.random())
                .site(SiteId.of("riverside-surgery"))
                .policyVersion(1)
                .kind(RecordingKind.CONSULTATION)
                .mediaType(MediaType.VIDEO)
                .initiator(Initiator.CLINICIAN)
                .mode(RecordingMode.OVERT)
                .purposes(Set.of(Purpose.DIRECT_CARE))
                .operator(UserId.of("dr-okafor"))
                .state(RecordingState.IN_PROGRESS)
                .startedAt(Instant.parse("2026-03-02T09:00:00Z"))
                .build();
    }

    protected static UploadPart part(RecordingId id, long start, long size, String contentType) {
        String uuid = UUID.randomUUID().toString();
        return new UploadPart(
                id,
                start,
                size,
                contentType,
                "recordings/" + uuid.substring(0, 2) + "/" + uuid,
                uuid.replace("-", "").repeat(2),
                uuid.replace("-", "").substring(0, 32) + "abcdef01");
    }

    private static UploadPart withoutDigests(UploadPart part) {
        return new UploadPart(part.recording(), part.start(), part.size(), part.contentType(), part.key(), null, null);
    }

    private static void assertSaf4(Runnable call, String message) {
        assertThatThrownBy(call::run)
                .isInstanceOfSatisfying(
                        RuleViolationException.class,
                        e -> assertThat(e.reasons())
                                .extracting(Reason::code, Reason::message)
                                .containsExactly(org.assertj.core.groups.Tuple.tuple(ErrorCode.SAF_4, message)));
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
