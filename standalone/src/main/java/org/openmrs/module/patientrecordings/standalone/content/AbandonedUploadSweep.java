/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone.content;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.openmrs.module.patientrecordings.port.ContentBackend;
import org.openmrs.module.patientrecordings.port.ContentBackend.Temporary;

/**
 * Removes the temporary objects of uploads that never committed (a crash, a dropped connection) once they are
 * older than the grace period, which must exceed the longest upload. Committed content is never touched.
 */
public final class AbandonedUploadSweep {

    private final ContentBackend backend;
    private final Clock clock;
    private final Duration gracePeriod;

    public AbandonedUploadSweep(ContentBackend backend, Clock clock, Duration gracePeriod) {
        this.backend = Objects.requireNonNull(backend, "backend");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.gracePeriod = Objects.requireNonNull(gracePeriod, "gracePeriod");
    }

    /**
     * Sweeps once.
     *
     * @return how many temporary objects were removed
     */
    public int sweep() throws IOException {
        Instant cutOff = clock.instant().minus(gracePeriod);
        List<Temporary> abandoned;
        try (Stream<ContentBackend.Entry> entries = backend.list("")) {
            abandoned = entries.filter(Temporary.class::isInstance)
                    .map(Temporary.class::cast)
                    .filter(t -> t.lastModified().isBefore(cutOff))
                    .toList();
        }
        for (Temporary temporary : abandoned) {
            backend.discard(temporary);
        }
        return abandoned.size();
    }
}
