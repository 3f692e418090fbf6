/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.hosting;

import java.time.Clock;
import java.util.List;
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
 * What the module does when the host changes a patient through its own services (OpenMRS' {@code PatientService},
 * {@code PersonService}, {@code EncounterService}), without the module's API. Recordings are clinical record entries
 * (REC-1), so they follow the patient record that survives a merge, they stay, under retention, when the patient is
 * voided, and they block a purge that would orphan them. Their retention end depends on the patient's record (REC-2:
 * birth, death, latest treatment), so every change of it recomputes the retention of the patient's recordings, as
 * {@code Patient/[id]/$record-death} does on the standalone server. Each event that touches recordings is audited
 * (SAF-2), attributed to the user who made the change in the host.
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
                    c.id(),
                    preferred,
                    c.encounter(),
                    c.site(),
                    c.terms(),
                    c.attestation(),
                    c.giver(),
                    c.history(),
                    c.version()));
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
        record(preferred, "patient " + notPreferred + " merged into this patient in the host; their recordings follow");
    }

    /**
     * The host changed the patient's record: saved the patient or the person (a death recorded, a birth date
     * corrected) or one of their encounters (a new treatment). The retention of their recordings is recomputed (REC-2)
     * and, when an end moved, audited.
     *
     * @return the recordings whose retention end changed
     */
    public List<Recording> changed(PatientId patient) {
        List<Recording> changed = retention.recompute(patient);
        if (!changed.isEmpty()) {
            record(
                    patient,
                    "patient's record changed in the host; retention recomputed for " + changed.size() + " recordings");
        }
        return changed;
    }

    /**
     * The host voided the patient: their recordings are kept, with the retention they have (a voided patient's facts
     * are no longer the host's to give, so nothing is recomputed from them), and no new recording can be made.
     */
    public void voided(PatientId patient) {
        if (hasRecordings(patient)) {
            record(patient, "patient voided in the host; recordings retained");
        }
    }

    /** The host restored a voided patient: their record counts again for the retention of their recordings. */
    public void unvoided(PatientId patient) {
        retention.recompute(patient);
        if (hasRecordings(patient)) {
            record(patient, "patient unvoided in the host; retention recomputed");
        }
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
