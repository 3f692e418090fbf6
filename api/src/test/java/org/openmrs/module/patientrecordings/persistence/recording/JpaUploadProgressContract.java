/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.persistence.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openmrs.module.patientrecordings.domain.RecordingId;
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
        assertThat(another.append(second)).containsExactly(first, second);
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
}
