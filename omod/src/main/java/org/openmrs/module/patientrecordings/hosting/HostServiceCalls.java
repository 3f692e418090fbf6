/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.hosting;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which call of the host's own services is which {@link HostPatientEvents} event: the adapter's advice on OpenMRS'
 * {@code PatientService}, {@code PersonService} and {@code EncounterService} reads the patients out of a call's
 * arguments and hands them here, after the call returned (inside its transaction).
 *
 * <p>A merge moves recordings with the patient record, so it must not complete without them: a failure, or a module
 * that is unavailable, refuses the merge (the host rolls it back). Every other event only recomputes retention or
 * audits, and a failure there must not stop the host's own work (a patient's name corrected, an encounter saved): it
 * is logged with the patient's id, never their name, and the host's call completes.
 */
public final class HostServiceCalls {

    private static final Logger LOG = LoggerFactory.getLogger(HostServiceCalls.class);

    /** What a call means for recordings. */
    enum Event {
        MERGED,
        VOIDED,
        UNVOIDED,
        CHANGED
    }

    private static final Map<String, Event> EVENTS = Map.ofEntries(
            Map.entry("PatientService.mergePatients", Event.MERGED),
            Map.entry("PatientService.voidPatient", Event.VOIDED),
            Map.entry("PersonService.voidPerson", Event.VOIDED),
            Map.entry("PatientService.unvoidPatient", Event.UNVOIDED),
            Map.entry("PersonService.unvoidPerson", Event.UNVOIDED),
            Map.entry("PatientService.savePatient", Event.CHANGED),
            Map.entry("PatientService.processDeath", Event.CHANGED),
            Map.entry("PersonService.savePerson", Event.CHANGED),
            Map.entry("EncounterService.saveEncounter", Event.CHANGED),
            Map.entry("EncounterService.voidEncounter", Event.CHANGED),
            Map.entry("EncounterService.unvoidEncounter", Event.CHANGED));

    private static final Map<String, Boolean> PURGES =
            Map.of("PatientService.purgePatient", true, "PersonService.purgePerson", true);

    private final Supplier<Optional<HostPatientEvents>> events;

    /** @param events the module's events, empty while the module is unavailable */
    public HostServiceCalls(Supplier<Optional<HostPatientEvents>> events) {
        this.events = Objects.requireNonNull(events, "events");
    }

    /**
     * A call of the host's services returned.
     *
     * @param service the service's simple name, e.g. {@code PatientService}
     * @param method the method's name, e.g. {@code mergePatients}
     * @param patients the patients the call was about; for a merge the preferred patient first, then those merged
     *     into it
     * @throws IllegalStateException refusing a merge that the module could not follow
     */
    public void returned(String service, String method, List<PatientId> patients) {
        Event event = EVENTS.get(service + "." + method);
        if (event == null || patients.isEmpty()) {
            return;
        }
        Optional<HostPatientEvents> module = events.get();
        if (event == Event.MERGED) {
            HostPatientEvents available = module.orElseThrow(() -> new IllegalStateException(
                    "Patient Recordings is unavailable, so the patients' recordings cannot follow the merge: the"
                            + " merge is refused until the module works again"));
            patients.subList(1, patients.size()).forEach(merged -> available.merged(patients.get(0), merged));
            return;
        }
        for (PatientId patient : patients) {
            if (module.isEmpty()) {
                LOG.warn(
                        "Patient Recordings is unavailable: the retention of patient {}'s recordings was not"
                                + " recomputed after {}.{}",
                        patient,
                        service,
                        method);
                continue;
            }
            try {
                switch (event) {
                    case VOIDED -> module.get().voided(patient);
                    case UNVOIDED -> module.get().unvoided(patient);
                    default -> module.get().changed(patient);
                }
            } catch (RuntimeException e) {
                LOG.error(
                        "Patient Recordings could not follow {}.{} for patient {}: the retention of their recordings"
                                + " was not recomputed (REC-2); the host's change stands",
                        service,
                        method,
                        patient,
                        e);
            }
        }
    }

    /**
     * A call of the host's services is about to purge (delete) patients: refused when one has recordings, which are
     * clinical record entries (REC-1), or when the module is unavailable and cannot tell.
     *
     * @return the refusal, naming the patient; empty when the call may go on
     */
    public Optional<PurgeRefusal> purging(String service, String method, List<PatientId> patients) {
        if (!PURGES.containsKey(service + "." + method)) {
            return Optional.empty();
        }
        for (PatientId patient : patients) {
            Optional<HostPatientEvents> module = events.get();
            if (module.isEmpty()) {
                return Optional.of(new PurgeRefusal(patient, true));
            }
            if (module.get().hasRecordings(patient)) {
                return Optional.of(new PurgeRefusal(patient, false));
            }
        }
        return Optional.empty();
    }

    /**
     * Why a purge is refused: the patient has recordings, or the module is unavailable and cannot tell whether they do.
     * Either way the patient can be voided instead.
     */
    public record PurgeRefusal(PatientId patient, boolean moduleUnavailable) {
        public PurgeRefusal {
            Objects.requireNonNull(patient, "patient");
        }
    }
}
