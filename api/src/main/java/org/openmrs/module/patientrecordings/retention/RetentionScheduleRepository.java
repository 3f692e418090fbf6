/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.retention;

import java.util.List;
import java.util.Optional;

/** Every version of every administered retention schedule (REC-2). Versions are only ever added. */
public interface RetentionScheduleRepository {

    /** The latest administered version for the jurisdiction. */
    Optional<AdministeredSchedule> current(Jurisdiction jurisdiction);

    /** All administered versions of the jurisdiction's schedule, oldest first. */
    List<AdministeredSchedule> versions(Jurisdiction jurisdiction);

    /** The jurisdictions with at least one administered version, in the order they were first added. */
    List<Jurisdiction> jurisdictions();

    /**
     * Adds a version.
     *
     * @return false, adding nothing, when that version of the jurisdiction exists already
     * @throws org.openmrs.module.patientrecordings.domain.RuleViolationException VER-1 when a store shared by several
     *     processes finds the version taken by a concurrent add
     */
    boolean add(AdministeredSchedule schedule);
}
