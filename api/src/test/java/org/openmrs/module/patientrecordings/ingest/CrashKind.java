/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.ingest;

import java.util.Optional;

/** Where a round of {@link CrashSafetyIT} kills its worker. */
enum CrashKind {
    BEFORE_WRITE(IngestPoint.BEFORE_WRITE),
    DURING_WRITE(IngestPoint.DURING_WRITE),
    AFTER_RENAME_BEFORE_COMMIT(IngestPoint.AFTER_RENAME_BEFORE_COMMIT),
    DURING_COMMIT(IngestPoint.DURING_COMMIT),
    AFTER_COMMIT(IngestPoint.AFTER_COMMIT),
    /** At a random moment while the worker ingests, wherever that falls. */
    RANDOM_TIME(null),
    /** At a random moment while the worker starts: JVM, schema check, mapping validation. */
    DURING_STARTUP(null);

    private final IngestPoint point;

    CrashKind(IngestPoint point) {
        this.point = point;
    }

    /** The ingest point the worker is held at, for the kinds that kill at one. */
    Optional<IngestPoint> point() {
        return Optional.ofNullable(point);
    }
}
