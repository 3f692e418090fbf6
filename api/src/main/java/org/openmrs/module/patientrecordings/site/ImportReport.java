/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.site;

import java.util.List;
import java.util.Objects;

/**
 * What importing a policy file did, or would do on a dry run (POL-2).
 *
 * @param dryRun true when nothing was applied
 * @param outcomes one per retention schedule, then one per site, in file order
 */
public record ImportReport(boolean dryRun, List<Outcome> outcomes) {

    public ImportReport {
        outcomes = List.copyOf(outcomes);
    }

    /** @return true when the import changed, or would change, nothing: a re-import of the same file */
    public boolean unchanged() {
        return outcomes.stream().allMatch(o -> o.status() == Status.UNCHANGED);
    }

    /**
     * What became of one item of the file.
     *
     * @param kind {@code site} or {@code retentionSchedule}
     * @param id the site id or the jurisdiction code
     * @param status created, changed or left unchanged
     * @param fromVersion the version before (0 when there was none)
     * @param toVersion the version after; equal to {@code fromVersion} when unchanged
     */
    public record Outcome(String kind, String id, Status status, int fromVersion, int toVersion) {
        public Outcome {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(status, "status");
        }
    }

    /** The effect on one item. */
    public enum Status {
        CREATED,
        CHANGED,
        UNCHANGED
    }
}
