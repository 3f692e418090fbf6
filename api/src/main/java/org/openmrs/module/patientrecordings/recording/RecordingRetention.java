/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.recording;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.RecordingState;
import org.openmrs.module.patientrecordings.policy.SitePolicy;
import org.openmrs.module.patientrecordings.port.PatientDirectory;
import org.openmrs.module.patientrecordings.retention.RetentionEnd;
import org.openmrs.module.patientrecordings.retention.RetentionService;
import org.openmrs.module.patientrecordings.site.SitePolicyRepository;

/**
 * REC-2: a recording is kept as long as the patient's other records of its site's class, from the site's retention
 * schedule; recomputed when the facts change (a death recorded, a new treatment).
 */
public final class RecordingRetention {

    private final RetentionService retention;
    private final PatientDirectory patients;
    private final SitePolicyRepository sitePolicies;
    private final RecordingRepository recordings;

    public RecordingRetention(
            RetentionService retention,
            PatientDirectory patients,
            SitePolicyRepository sitePolicies,
            RecordingRepository recordings) {
        this.retention = Objects.requireNonNull(retention, "retention");
        this.patients = Objects.requireNonNull(patients, "patients");
        this.sitePolicies = Objects.requireNonNull(sitePolicies, "sitePolicies");
        this.recordings = Objects.requireNonNull(recordings, "recordings");
    }

    /**
     * The recording with its retention end computed from today's facts. The end stays null (kept) while the
     * patient's birth date is unknown or the schedule keeps the record indefinitely.
     */
    public Recording assign(Recording recording) {
        Optional<PatientDirectory.Patient> patient = patients.find(recording.patient());
        if (patient.isEmpty()) {
            return recording;
        }
        SitePolicy site = sitePolicies
                .applied(recording.site(), recording.defaultPolicy(), recording.policyVersion())
                .orElseThrow(() -> new IllegalStateException("policy version of " + recording.id() + " is missing"));
        LocalDate until = retention
                .retentionEnd(
                        site.jurisdiction(),
                        site.recordClass(),
                        patient.get().birthDate(),
                        patient.get().deathDate(),
                        lastTreatment(patient.get(), recording))
                .flatMap(RetentionEnd::keepUntil)
                .orElse(null);
        return recording.toBuilder().retentionUntil(until).build();
    }

    /**
     * Recomputes the retention end of every live recording of the patient, e.g. after the host recorded their
     * death or a new treatment.
     *
     * @return the recordings whose end changed
     */
    public List<Recording> recompute(PatientId patient) {
        return recordings.findByPatient(patient).stream()
                .filter(r -> r.state() != RecordingState.DESTROYED && r.state() != RecordingState.IN_PROGRESS)
                .map(r -> new Recording[] {r, assign(r)})
                .filter(pair -> !Objects.equals(pair[0].retentionUntil(), pair[1].retentionUntil()))
                .map(pair -> recordings.save(pair[1]))
                .toList();
    }

    /** The latest of what the host knows and of the patient's recordings, this one included. */
    private LocalDate lastTreatment(PatientDirectory.Patient patient, Recording recording) {
        Stream<LocalDate> fromRecordings = Stream.concat(
                        Stream.of(recording), recordings.findByPatient(patient.id()).stream())
                .map(r -> r.endedAt() != null ? r.endedAt() : r.startedAt())
                .map(i -> LocalDate.ofInstant(i, ZoneOffset.UTC));
        return Stream.concat(fromRecordings, Stream.ofNullable(patient.lastTreatment()))
                .max(LocalDate::compareTo)
                .orElseThrow();
    }
}
