/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.openmrs.module.patientrecordings.audit.AuditAction;
import org.openmrs.module.patientrecordings.audit.AuditEntry;
import org.openmrs.module.patientrecordings.audit.AuditOutcome;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.RecordingId;
import org.openmrs.module.patientrecordings.domain.RuleViolationException;

/** SAF-2: what the services' audit tests assert of the one entry an action leaves, allowed or refused. */
public final class AuditAssertions {

    private AuditAssertions() {}

    /**
     * Runs the action, which may be allowed or refused by a rule, and returns the one audit entry it added, stamped
     * with the clinic's present time; fails when it added none or several, or failed for another reason than a rule.
     */
    public static AuditEntry onlyEntryAuditedBy(Clinic clinic, ThrowingCallable action) {
        int before = clinic.auditTrail().size();
        Throwable thrown = catchThrowable(action);
        if (thrown != null && !(thrown instanceof RuleViolationException)) {
            throw new AssertionError("the action failed unexpectedly", thrown);
        }
        List<AuditEntry> trail = clinic.auditTrail();
        assertThat(trail.subList(before, trail.size()))
                .as("audit entries added")
                .hasSize(1);
        AuditEntry entry = trail.get(trail.size() - 1);
        assertThat(entry.at()).as("when").isEqualTo(clinic.clock().instant());
        return entry;
    }

    /** The entry says that the user's action succeeded, about the recording given (or none). */
    public static void assertSucceeded(AuditEntry entry, StaffMember who, AuditAction action, RecordingId recording) {
        assertEntry(entry, who, action, recording, AuditOutcome.success());
    }

    /** The entry says that the user's action was refused with the code, about the recording given (or none). */
    public static void assertRefused(
            AuditEntry entry, StaffMember who, AuditAction action, RecordingId recording, ErrorCode code) {
        assertEntry(entry, who, action, recording, AuditOutcome.refused(code));
    }

    private static void assertEntry(
            AuditEntry entry, StaffMember who, AuditAction action, RecordingId recording, AuditOutcome outcome) {
        assertThat(entry.user()).as("who").isEqualTo(who.id());
        assertThat(entry.action()).as("action").isEqualTo(action);
        assertThat(entry.recording()).as("recording").isEqualTo(recording);
        assertThat(entry.outcome()).as("outcome").isEqualTo(outcome);
    }
}
