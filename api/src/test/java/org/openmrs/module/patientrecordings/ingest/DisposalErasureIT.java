/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openmrs.module.patientrecordings.audit.AuditAction;
import org.openmrs.module.patientrecordings.audit.AuditQuery;
import org.openmrs.module.patientrecordings.disposal.DisposalReport;
import org.openmrs.module.patientrecordings.domain.Actor;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.Privilege;
import org.openmrs.module.patientrecordings.domain.RecordingId;
import org.openmrs.module.patientrecordings.domain.RecordingState;
import org.openmrs.module.patientrecordings.domain.UserId;
import org.openmrs.module.patientrecordings.persistence.recording.JpaUploadProgress;
import org.openmrs.module.patientrecordings.port.ContentBackend;
import org.openmrs.module.patientrecordings.recording.RecordedContent;
import org.openmrs.module.patientrecordings.recording.Recording;
import org.openmrs.module.patientrecordings.recording.RecordingFlag;
import org.openmrs.module.patientrecordings.recording.UploadPart;
import org.openmrs.module.patientrecordings.register.DestructionEntry;
import org.openmrs.module.patientrecordings.storage.ContentPart;
import org.openmrs.module.patientrecordings.storage.StoredContent;
import org.openmrs.module.patientrecordings.storage.UploadLimits;

/**
 * REC-4 over a real schema (H2) and the real encrypted filesystem store: disposal erases the content in the run that
 * marks the recording DESTROYED: no stored object and no upload-part row is left, the register and the audit stay.
 */
@DisplayName("Disposal erases the stored content (REC-4)")
class DisposalErasureIT {

    private static final Actor RECORDS_MANAGER =
            new Actor(UserId.of("records-manager"), EnumSet.of(Privilege.MANAGE_RECORDS));

    @TempDir
    Path directory;

    private IngestSite site;

    @BeforeEach
    void open() throws IOException {
        IngestSite.initialise(directory);
        site = IngestSite.open(directory, "jdbc:h2:mem:disposal-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }

    @AfterEach
    void close() {
        site.close();
    }

    @Test
    @DisplayName(
            "CON-5, REC-4: the sweep erases the encrypted chunks of an upload cut off by a withdrawal, rows and all")
    void theSweepErasesTheChunksOfASealedUploadAndTheirRows() throws Exception {
        RecordingId id = RecordingId.random();
        site.recordingInProgress(id);
        JpaUploadProgress uploads = new JpaUploadProgress(site.repositories().database());
        StoredContent first = chunk("the first second of the consultation");
        StoredContent second = chunk("the next second, before the patient withdrew");
        site.repositories().database().inUnitOfWork(() -> {
            uploads.append(part(id, 0, first));
            return uploads.append(part(id, first.size(), second));
        });
        sealAsWithdrawnDuringRecording(id);
        assertThat(keys()).contains(first.key(), second.key());
        assertThat(uploadPartRows()).isEqualTo(2);

        DisposalReport report = site.repositories()
                .database()
                .inUnitOfWork(() -> site.disposal(RECORDS_MANAGER).sweepReport());

        assertThat(report.destroyed()).extracting(DestructionEntry::recording).containsExactly(id);
        assertThat(report.objectsErased()).isEqualTo(2);
        assertThat(report.partsRemoved()).isEqualTo(2);
        assertThat(keys()).doesNotContain(first.key(), second.key());
        assertThat(uploadPartRows()).isZero();
        assertThat(site.repositories().recordings().find(id).orElseThrow().state())
                .isEqualTo(RecordingState.DESTROYED);
        assertThat(site.repositories().registers().list(DestructionEntry.class))
                .singleElement()
                .satisfies(entry -> assertThat(entry.rule()).isEqualTo(ErrorCode.CON_5));
        assertThat(site.repositories()
                        .auditLog()
                        .search(AuditQuery.all().page(0, AuditQuery.MAX_LIMIT))
                        .entries())
                .anySatisfy(stored -> {
                    assertThat(stored.entry().action()).isEqualTo(AuditAction.DISPOSE);
                    assertThat(stored.entry().outcome().succeeded()).isTrue();
                });
    }

    @Test
    @DisplayName("REC-4: a recording whose content is one stored object has that object erased when it is disposed of")
    void disposalErasesTheContentStoredWhole() throws Exception {
        RecordingId id = RecordingId.random();
        site.recordingInProgress(id);
        StoredContent content = chunk("a whole consultation");
        site.repositories()
                .database()
                .inUnitOfWork(() -> site.repositories()
                        .recordings()
                        .save(site.repositories().recordings().find(id).orElseThrow().toBuilder()
                                .content(new RecordedContent(
                                        content.key(), "audio/webm", content.size(), content.sha256(), content.sha1()))
                                .build()));
        sealAsWithdrawnDuringRecording(id);

        site.repositories()
                .database()
                .inUnitOfWork(() -> site.disposal(RECORDS_MANAGER).dispose(id));

        assertThat(keys()).doesNotContain(content.key());
        assertThat(site.repositories().recordings().find(id).orElseThrow().content())
                .isNull();
    }

    @Test
    @DisplayName("REC-4: a recording whose content is the parts of a chunked upload has every part erased")
    void disposalErasesEveryPartOfAContentKeptInParts() throws Exception {
        RecordingId id = RecordingId.random();
        site.recordingInProgress(id);
        JpaUploadProgress uploads = new JpaUploadProgress(site.repositories().database());
        StoredContent first = chunk("the first part, ");
        StoredContent second = chunk("the middle part, ");
        StoredContent third = chunk("the last part");
        byte[] whole = "the first part, the middle part, the last part".getBytes(StandardCharsets.UTF_8);
        StoredContent content = site.store()
                .writeParts(
                        List.of(
                                new ContentPart(first.key(), first.size()),
                                new ContentPart(second.key(), second.size()),
                                new ContentPart(third.key(), third.size())),
                        hex("SHA-256", whole),
                        hex("SHA-1", whole));
        site.repositories().database().inUnitOfWork(() -> {
            uploads.append(part(id, 0, first));
            uploads.append(part(id, first.size(), second));
            uploads.append(part(id, first.size() + second.size(), third));
            site.repositories()
                    .recordings()
                    .save(site.repositories().recordings().find(id).orElseThrow().toBuilder()
                            .content(new RecordedContent(
                                    content.key(), "audio/webm", content.size(), content.sha256(), content.sha1()))
                            .build());
            uploads.complete(id, content.key());
            return null;
        });
        try (InputStream in = site.store().openStream(content.key(), content.sha256())) {
            assertThat(in.readAllBytes()).isEqualTo(whole);
        }
        assertThat(rows("patientrecordings_content_part")).isEqualTo(3);
        assertThat(uploadPartRows()).isZero();
        sealAsWithdrawnDuringRecording(id);

        DisposalReport report = site.repositories()
                .database()
                .inUnitOfWork(() -> site.disposal(RECORDS_MANAGER).sweepReport());

        assertThat(report.destroyed()).extracting(DestructionEntry::recording).containsExactly(id);
        assertThat(report.objectsErased()).isEqualTo(4);
        assertThat(keys()).doesNotContain(first.key(), second.key(), third.key(), content.key());
        assertThat(rows("patientrecordings_content_part")).isZero();
    }

    private static String hex(String algorithm, byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
    }

    private StoredContent chunk(String text) throws IOException {
        return site.store().write(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), UploadLimits.none());
    }

    private static UploadPart part(RecordingId id, long start, StoredContent stored) {
        return new UploadPart(id, start, stored.size(), "audio/webm", stored.key(), stored.sha256(), stored.sha1());
    }

    private void sealAsWithdrawnDuringRecording(RecordingId id) {
        site.repositories().database().inUnitOfWork(() -> {
            Recording recording = site.repositories().recordings().find(id).orElseThrow();
            return site.repositories()
                    .recordings()
                    .save(recording.withState(RecordingState.SEALED).flagged(RecordingFlag.WITHDRAWN_DURING_RECORDING));
        });
    }

    private List<String> keys() throws IOException {
        return site.storedObjects().stream()
                .filter(ContentBackend.Committed.class::isInstance)
                .map(e -> ((ContentBackend.Committed) e).key())
                .toList();
    }

    private long uploadPartRows() throws SQLException {
        return rows("patientrecordings_upload_part");
    }

    private long rows(String table) throws SQLException {
        try (Connection connection = site.repositories().database().dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
