/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Objects;
import java.util.stream.Stream;
import org.openmrs.module.patientrecordings.port.ContentBackend;
import org.openmrs.module.patientrecordings.port.ContentBackend.Committed;
import org.openmrs.module.patientrecordings.port.ContentBackend.Entry;
import org.openmrs.module.patientrecordings.port.ContentBackend.Temporary;

/**
 * Removes what the write order (temporary object, commit, database row) leaves behind when a step never happens:
 * temporary objects of writes that did not finish, and committed content whose database row never committed. Only
 * objects older than the grace period are touched, so a write or a transaction still under way is never disturbed:
 * the grace period must exceed the longest upload plus the longest transaction.
 *
 * <p>Sweeps only keys under {@link EncryptedContentStore#KEY_PREFIX}, so other objects sharing the backend are safe.
 * Referenced content is never removed: disposal of recordings is the retention feature's decision (REC-4), not this.
 */
public final class ContentSweeper {

    private final ContentBackend backend;
    private final ContentReferences references;
    private final Clock clock;
    private final Duration gracePeriod;

    public ContentSweeper(ContentBackend backend, ContentReferences references, Clock clock, Duration gracePeriod) {
        this.backend = Objects.requireNonNull(backend, "backend");
        this.references = Objects.requireNonNull(references, "references");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.gracePeriod = Objects.requireNonNull(gracePeriod, "gracePeriod");
        if (gracePeriod.isNegative()) {
            throw new IllegalArgumentException("gracePeriod must not be negative: " + gracePeriod);
        }
    }

    /**
     * Sweeps once.
     *
     * @throws IOException if the backend or {@link ContentReferences} fails; what was removed until then stays
     *     removed
     */
    public SweepReport sweep() throws IOException {
        Instant cutOff = clock.instant().minus(gracePeriod);
        int temporariesRemoved = 0;
        int orphansRemoved = 0;
        int kept = 0;
        try (Stream<Entry> entries = backend.list(EncryptedContentStore.KEY_PREFIX)) {
            for (Iterator<Entry> it = entries.iterator(); it.hasNext(); ) {
                Entry entry = it.next();
                if (!entry.lastModified().isBefore(cutOff)) {
                    kept++;
                } else if (entry instanceof Temporary temporary) {
                    backend.discard(temporary);
                    temporariesRemoved++;
                } else if (entry instanceof Committed committed && !references.isReferenced(committed.key())) {
                    backend.delete(committed.key());
                    orphansRemoved++;
                } else {
                    kept++;
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return new SweepReport(temporariesRemoved, orphansRemoved, kept);
    }
}
