/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.persistence.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openmrs.module.patientrecordings.support.Concurrently.concurrently;

import java.util.List;
import java.util.function.Supplier;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openmrs.module.patientrecordings.domain.RecordingId;
import org.openmrs.module.patientrecordings.domain.RuleViolationException;
import org.openmrs.module.patientrecordings.persistence.Database;
import org.openmrs.module.patientrecordings.persistence.DatabaseEngine;
import org.openmrs.module.patientrecordings.persistence.RepositoryDatabase;
import org.openmrs.module.patientrecordings.recording.UploadPart;
import org.openmrs.module.patientrecordings.recording.UploadProgress;
import org.openmrs.module.patientrecordings.recording.UploadProgressContract;

/** The upload progress contract against {@link JpaUploadProgress} on a real database of its own. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JpaUploadProgressContract extends UploadProgressContract {

    private RepositoryDatabase database;
    private Database emptied;

    abstract DatabaseEngine engine();

    @BeforeAll
    void createDatabase() {
        database = RepositoryDatabase.create(engine());
    }

    @AfterAll
    void dropDatabase() {
        database.close();
    }

    @Override
    protected UploadProgress emptyProgress() {
        emptied = database.emptied();
        return new JpaUploadProgress(emptied);
    }

    /** The database of the current test, emptied before it. */
    protected Database database() {
        return emptied;
    }

    /** The recording's row exists, as it does for every upload: appends to it take turns on that row. */
    @Override
    protected RecordingId newRecording() {
        return new JpaRecordingRepository(emptied).save(aRecordingInProgress()).id();
    }

    @Override
    protected <T> T inUnitOfWork(Supplier<T> call) {
        return emptied.inUnitOfWork(call);
    }

    @Test
    void partsAreKeptInTheDatabaseForEveryInstanceOnIt() {
        RecordingId id = RecordingId.random();
        UploadPart first = part(id, 0, 10, "video/webm");
        new JpaUploadProgress(emptied).append(first);

        JpaUploadProgress another = new JpaUploadProgress(emptied);
        UploadPart second = part(id, 10, 4, "video/webm");
        assertThat(another.offset(id)).isEqualTo(10);
        assertThat(another.append(second)).isEqualTo(14);
        assertThat(another.parts(id)).containsExactly(first, second);
    }

    /** Without a recording row to take turns on, the unique constraint alone lets one of the racing appends in. */
    @Test
    void withoutARowToTakeTurnsOnTheConstraintLetsOneOfEightRacingAppendsIn() throws Exception {
        RecordingId id = RecordingId.random();
        JpaUploadProgress progress = new JpaUploadProgress(emptied);

        List<Object> outcomes =
                concurrently(8, i -> emptied.inUnitOfWork(() -> progress.append(part(id, 0, 10 + i, "audio/ogg"))));

        assertThat(outcomes).filteredOn(o -> !(o instanceof Throwable)).hasSize(1);
        long winnersEnd = progress.offset(id);
        assertThat(winnersEnd).isBetween(10L, 17L);
        assertThat(outcomes)
                .filteredOn(o -> o instanceof Throwable)
                .hasSize(7)
                .allSatisfy(o -> assertThat(o)
                        .isInstanceOfSatisfying(
                                RuleViolationException.class,
                                e -> assertThat(e.getMessage())
                                        .contains("This chunk starts at 0; the next byte expected is " + winnersEnd)));
        assertThat(progress.parts(id)).hasSize(1);
    }

    @Test
    void aPartAppendedInAUnitOfWorkThatRollsBackIsNotKept() {
        RecordingId id = RecordingId.random();
        JpaUploadProgress progress = new JpaUploadProgress(emptied);

        assertThatThrownBy(() -> emptied.runInUnitOfWork(() -> {
                    progress.append(part(id, 0, 10, "audio/ogg"));
                    throw new IllegalStateException("the request failed");
                }))
                .hasMessage("the request failed");

        assertThat(progress.parts(id)).isEmpty();
    }

    @Test
    void finishingInAUnitOfWorkThatRollsBackKeepsTheParts() {
        RecordingId id = RecordingId.random();
        JpaUploadProgress progress = new JpaUploadProgress(emptied);
        UploadPart first = part(id, 0, 10, "audio/ogg");
        progress.append(first);

        assertThatThrownBy(() -> emptied.runInUnitOfWork(() -> {
                    progress.finish(id);
                    throw new IllegalStateException("attaching the content failed");
                }))
                .hasMessage("attaching the content failed");

        assertThat(progress.parts(id)).containsExactly(first);
    }

    /**
     * The database work of one chunk (asking where the next one starts, then appending it) is the same after 3 parts
     * as after 40: as many statements, and never more than the recording's row and the last part loaded. Counted by
     * Hibernate's statistics, not timed.
     */
    @Test
    void aChunksDatabaseWorkDoesNotGrowWithThePartsBeforeIt() {
        RecordingId id = newRecording();
        JpaUploadProgress progress = new JpaUploadProgress(emptied);
        for (int i = 0; i < 40; i++) {
            progress.append(part(id, i * 10L, 10, "audio/ogg"));
        }
        RecordingId young = newRecording();
        for (int i = 0; i < 3; i++) {
            progress.append(part(young, i * 10L, 10, "audio/ogg"));
        }

        long[] afterFew = chunkWork(progress, young, 30);
        long[] afterMany = chunkWork(progress, id, 400);

        assertThat(afterMany).containsExactly(afterFew);
        assertThat(afterMany[1]).isLessThanOrEqualTo(2);
    }

    /** @return the statements prepared and the entities loaded by one chunk's offset check and append */
    private long[] chunkWork(JpaUploadProgress progress, RecordingId id, long offset) {
        Statistics statistics =
                emptied.entityManagerFactory().unwrap(SessionFactory.class).getStatistics();
        statistics.setStatisticsEnabled(true);
        statistics.clear();
        emptied.inUnitOfWork(() -> {
            assertThat(progress.offset(id)).isEqualTo(offset);
            return progress.append(part(id, offset, 10, "audio/ogg"));
        });
        long[] work = {statistics.getPrepareStatementCount(), statistics.getEntityLoadCount()};
        statistics.setStatisticsEnabled(false);
        return work;
    }
}
