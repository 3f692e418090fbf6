/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.openmrs.service;

import java.time.Clock;
import java.util.Objects;
import org.openmrs.module.patientrecordings.audit.AuditAction;
import org.openmrs.module.patientrecordings.audit.AuditEntry;
import org.openmrs.module.patientrecordings.audit.AuditLog;
import org.openmrs.module.patientrecordings.consent.ConsentRepository;
import org.openmrs.module.patientrecordings.consent.RecordingConsent;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.port.CurrentUser;
import org.openmrs.module.patientrecordings.recording.Recording;
import org.openmrs.module.patientrecordings.recording.RecordingRepository;
import org.openmrs.module.patientrecordings.recording.RecordingRetention;
import org.openmrs.module.patientrecordings.register.LegalHold;
import org.openmrs.module.patientrecordings.register.PatientObjection;
import org.openmrs.module.patientrecordings.register.RegisterRepository;

/**
 * What the module does when OpenMRS merges, voids or purges a patient. Recordings are clinical record entries
 * (REC-1), so they follow the patient record that survives a merge, they stay under retention when the patient is
 * voided, and they block a purge that would orphan them. Each event is audited (SAF-2).
 */
public final class HostPatientEvents {

    private final RecordingRepository recordings;
    private final ConsentRepository consents;
    private final RegisterRepository registers;
    private final RecordingRetention retention;
    private final AuditLog audit;
    private final CurrentUser currentUser;
    private final Clock clock;

    public HostPatientEvents(
            RecordingRepository recordings,
            ConsentRepository consents,
            RegisterRepository registers,
            RecordingRetention retention,
            AuditLog audit,
            CurrentUser currentUser,
            Clock clock) {
        this.recordings = Objects.requireNonNull(recordings, "recordings");
        this.consents = Objects.requireNonNull(consents, "consents");
        this.registers = Objects.requireNonNull(registers, "registers");
        this.retention = Objects.requireNonNull(retention, "retention");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.currentUser = Objects.requireNonNull(currentUser, "currentUser");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The host merged {@code notPreferred} into {@code preferred}: the recordings, consents, legal holds and
     * objections of the one become the other's, and the retention of the surviving patient's recordings is
     * recomputed from the surviving record's facts.
     */
    public void merged(PatientId preferred, PatientId notPreferred) {
        if (preferred.equals(notPreferred)) {
            return;
        }
        for (Recording recording : recordings.findByPatient(notPreferred)) {
            recordings.save(recording.toBuilder().patient(preferred).build());
        }
        for (RecordingConsent c : consents.findByPatient(notPreferred)) {
            consents.save(new RecordingConsent(
                    c.id(), preferred, c.encounter(), c.site(), c.terms(), c.attestation(), c.history(), c.version()));
        }
        for (LegalHold h : registers.list(LegalHold.class)) {
            if (h.patient().equals(notPreferred)) {
                registers.save(new LegalHold(
                        h.id(),
                        preferred,
                        h.basis(),
                        h.reference(),
                        h.placedBy(),
                        h.placedAt(),
                        h.endedAt(),
                        h.liftedBy(),
                        h.liftReason()));
            }
        }
        for (PatientObjection o : registers.list(PatientObjection.class)) {
            if (o.patient().equals(notPreferred)) {
                registers.save(new PatientObjection(
                        o.id(), preferred, o.comment(), o.recordedBy(), o.recordedAt(), o.endedAt()));
            }
        }
        retention.recompute(preferred);
        record(preferred, "patient " + notPreferred + " merged into this patient in OpenMRS; their recordings follow");
    }

    /** The host voided the patient: their recordings are kept, with the retention they have. */
    public void voided(PatientId patient) {
        record(patient, "patient voided in OpenMRS; recordings retained");
    }

    /** Whether the patient has recordings, which forbids purging the patient (REC-1). */
    public boolean hasRecordings(PatientId patient) {
        return !recordings.findByPatient(patient).isEmpty();
    }

    private void record(PatientId patient, String detail) {
        audit.append(
                AuditEntry.success(currentUser.get().user(), clock.instant(), patient, null, AuditAction.UPDATE, null)
                        .withDetail(detail));
    }
}
