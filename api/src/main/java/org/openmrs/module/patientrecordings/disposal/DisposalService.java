/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.disposal;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.openmrs.module.patientrecordings.access.AccessGuard;
import org.openmrs.module.patientrecordings.access.AccessGuard.Subject;
import org.openmrs.module.patientrecordings.audit.AuditAction;
import org.openmrs.module.patientrecordings.domain.Actor;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.RecordingId;
import org.openmrs.module.patientrecordings.domain.RecordingState;
import org.openmrs.module.patientrecordings.domain.RuleViolationException;
import org.openmrs.module.patientrecordings.persistence.Transactions;
import org.openmrs.module.patientrecordings.policy.DisposalRequest;
import org.openmrs.module.patientrecordings.policy.RecordEntryPolicy;
import org.openmrs.module.patientrecordings.recording.Recording;
import org.openmrs.module.patientrecordings.recording.RecordingFlag;
import org.openmrs.module.patientrecordings.recording.RecordingRepository;
import org.openmrs.module.patientrecordings.recording.RecordingService;
import org.openmrs.module.patientrecordings.recording.UploadPart;
import org.openmrs.module.patientrecordings.recording.UploadProgress;
import org.openmrs.module.patientrecordings.register.DestructionEntry;
import org.openmrs.module.patientrecordings.register.RegisterRepository;

/**
 * Disposal (REC-4): content is destroyed only after its retention end, or once sealed by a withdrawal (CON-5,
 * CON-6), never under legal hold (REC-5), and every destruction leaves a destruction-register entry.
 *
 * <p>A disposal survives a crash at any point (a process killed, the power cut): it is decided in one transaction of
 * its own (the register entry, the recording DESTROYED, the chunks of an unfinished upload forgotten, the audit
 * entry), which commits before anything is erased; the recording keeps its content reference, unreadable once
 * DESTROYED (LIF-1), until the content is erased, and the next retention sweep finishes any erasure a crash cut
 * short. So a recording is never DESTROYED without its register entry and audit, and its content is never erased
 * while it is not DESTROYED. Chunks whose rows were forgotten before a crash let them be erased are left to the
 * content sweeper, which removes chunks of recordings no longer in progress.
 */
public final class DisposalService {

    private final RecordingRepository recordings;
    private final RecordingService recordingService;
    private final RegisterRepository registers;
    private final UploadProgress uploads;
    private final ContentEraser eraser;
    private final Committing committing;
    private final AccessGuard guard;

    /**
     * Disposal over a database: each disposal's decision commits in a transaction of its own, before its content is
     * erased, whatever unit of work the caller runs it in.
     */
    public DisposalService(
            RecordingRepository recordings,
            RecordingService recordingService,
            RegisterRepository registers,
            UploadProgress uploads,
            ContentEraser eraser,
            Transactions transactions,
            AccessGuard guard) {
        this(
                recordings,
                recordingService,
                registers,
                uploads,
                eraser,
                inTransactionsOf(Objects.requireNonNull(transactions, "transactions")),
                guard);
    }

    /** Disposal over repositories that need no transaction (the in-memory ones). */
    public DisposalService(
            RecordingRepository recordings,
            RecordingService recordingService,
            RegisterRepository registers,
            UploadProgress uploads,
            ContentEraser eraser,
            AccessGuard guard) {
        this(recordings, recordingService, registers, uploads, eraser, Supplier::get, guard);
    }

    private DisposalService(
            RecordingRepository recordings,
            RecordingService recordingService,
            RegisterRepository registers,
            UploadProgress uploads,
            ContentEraser eraser,
            Committing committing,
            AccessGuard guard) {
        this.recordings = Objects.requireNonNull(recordings, "recordings");
        this.recordingService = Objects.requireNonNull(recordingService, "recordingService");
        this.registers = Objects.requireNonNull(registers, "registers");
        this.uploads = Objects.requireNonNull(uploads, "uploads");
        this.eraser = Objects.requireNonNull(eraser, "eraser");
        this.committing = committing;
        this.guard = Objects.requireNonNull(guard, "guard");
    }

    /** Runs work so that what it wrote is committed when it returns. */
    @FunctionalInterface
    private interface Committing {
        <T> T run(Supplier<T> work);
    }

    private static Committing inTransactionsOf(Transactions transactions) {
        return new Committing() {
            @Override
            public <T> T run(Supplier<T> work) {
                return transactions.inTransaction(entityManager -> work.get());
            }
        };
    }

    /**
     * Destroys one recording's content when the rules allow it: the recording becomes DESTROYED, the destruction
     * register gets its entry, the chunks of an upload that never finished are forgotten, all committed together;
     * then every stored object of its content (the content, every part of a content kept in parts, and those chunks)
     * is erased from the content store, and the recording's content reference and part list dropped. A failure to
     * erase leaves the recording DESTROYED with its reference, and the next sweep erases again.
     *
     * @return the destruction-register entry
     * @throws RuleViolationException REC-4 before the retention end, REC-5 under legal hold, SAF-3, LIF-1
     */
    public DestructionEntry dispose(RecordingId id) {
        return destroy(id).entry();
    }

    private Disposed destroy(RecordingId id) {
        Disposed disposed = committing.run(() -> decide(id));
        erase(id, disposed.keys());
        return disposed;
    }

    private Disposed decide(RecordingId id) {
        Actor actor = guard.actor();
        Recording recording = recordingService.existing(id);
        Subject subject = Subject.of(actor, AuditAction.DISPOSE, recording.patient(), id);
        LocalDate today = LocalDate.ofInstant(guard.now(), ZoneOffset.UTC);
        guard.enforce(
                RecordEntryPolicy.disposal(new DisposalRequest(actor, recordingService.facts(recording), today)),
                subject);
        Recording destroyed = recording.withState(RecordingState.DESTROYED);
        ErrorCode rule = ruleFor(recording);
        DestructionEntry entry = new DestructionEntry(
                UUID.randomUUID().toString(),
                id,
                recording.patient(),
                recording.content() == null ? null : recording.content().sha256(),
                guard.now(),
                actor.user(),
                rule,
                rule == ErrorCode.REC_4
                        ? "retention ended " + recording.retentionUntil() + " (policy version "
                                + recording.policyVersion() + ")"
                        : "consent withdrawn; content sealed");
        registers.save(entry);
        Set<String> keys = new LinkedHashSet<>(contentKeys(recording));
        List<UploadPart> parts = uploads.parts(id);
        parts.forEach(part -> keys.add(part.key()));
        recordings.save(destroyed);
        uploads.finish(id);
        guard.record(subject.withDetail("under " + rule.code() + "; " + keys.size() + " stored objects erased"));
        return new Disposed(entry, List.copyOf(keys), parts.size());
    }

    /** Every stored object of the recording's content: the content's own key and, for content kept in parts, each part. */
    private List<String> contentKeys(Recording recording) {
        if (recording.content() == null) {
            return List.of();
        }
        List<String> keys =
                new ArrayList<>(uploads.contentParts(recording.content().key()));
        keys.add(recording.content().key());
        return keys;
    }

    /**
     * Erases the objects, then drops the recording's content reference and its list of parts: nothing refers to
     * erased content.
     */
    private void erase(RecordingId id, List<String> keys) {
        keys.forEach(eraser::erase);
        committing.run(() -> {
            Recording destroyed = recordings.find(id).orElseThrow();
            if (destroyed.content() == null) {
                return destroyed;
            }
            uploads.forgetContent(destroyed.content().key());
            return recordings.save(destroyed.toBuilder().content(null).build());
        });
    }

    /** One disposal: its register entry, the stored objects to erase and the upload parts forgotten. */
    private record Disposed(DestructionEntry entry, List<String> keys, int partsRemoved) {}

    /**
     * The retention sweep: disposes of every recording that may be disposed of today, skipping (and reporting) the
     * ones the rules keep.
     *
     * @return the destruction-register entries written
     */
    public List<DestructionEntry> sweep() {
        return sweepReport().destroyed();
    }

    /**
     * The retention sweep, as {@link #sweep()}, with what it did: for the one line a host logs for every sweep.
     */
    public DisposalReport sweepReport() {
        List<DestructionEntry> written = new ArrayList<>();
        int[] counts = new int[4];
        LocalDate today = LocalDate.ofInstant(guard.now(), ZoneOffset.UTC);
        int offset = 0;
        List<Recording> page;
        do {
            page = recordings.findAll(offset, 500);
            offset += page.size();
            counts[0] += page.size();
            page.stream().filter(DisposalService::erasureCutShort).forEach(r -> {
                erase(r.id(), contentKeys(r));
                counts[1]++;
            });
            page.stream().filter(r -> due(r, today)).forEach(r -> {
                try {
                    Disposed disposed = destroy(r.id());
                    written.add(disposed.entry());
                    counts[1] += disposed.keys().size();
                    counts[2] += disposed.partsRemoved();
                } catch (RuleViolationException kept) {
                    // Held or otherwise kept: the refusal is audited by dispose; the sweep goes on.
                    counts[3]++;
                }
            });
        } while (!page.isEmpty());
        return new DisposalReport(counts[0], written, counts[1], counts[2], counts[3]);
    }

    /** A recording destroyed whose content a crash kept from being erased. */
    private static boolean erasureCutShort(Recording r) {
        return r.state() == RecordingState.DESTROYED && r.content() != null;
    }

    private static boolean due(Recording r, LocalDate today) {
        if (r.state() == RecordingState.SEALED) {
            return true;
        }
        return r.state() != RecordingState.DESTROYED
                && r.state() != RecordingState.IN_PROGRESS
                && r.retentionUntil() != null
                && today.isAfter(r.retentionUntil());
    }

    private static ErrorCode ruleFor(Recording recording) {
        if (recording.state() != RecordingState.SEALED) {
            return ErrorCode.REC_4;
        }
        if (recording.hasFlag(RecordingFlag.WITHDRAWN_DURING_RECORDING)) {
            return ErrorCode.CON_5;
        }
        return recording.hasFlag(RecordingFlag.CONFIRMATION_REFUSED) ? ErrorCode.CON_7 : ErrorCode.CON_6;
    }
}
