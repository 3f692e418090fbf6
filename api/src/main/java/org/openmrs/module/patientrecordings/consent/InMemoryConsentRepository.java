/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.consent;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openmrs.module.patientrecordings.domain.ConsentId;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.Versions;

/** Consents held in memory, with the same optimistic-locking contract as the database. */
public final class InMemoryConsentRepository implements ConsentRepository {

    private final Map<ConsentId, RecordingConsent> consents = new LinkedHashMap<>();

    @Override
    public synchronized Optional<RecordingConsent> find(ConsentId id) {
        return Optional.ofNullable(consents.get(id));
    }

    @Override
    public synchronized RecordingConsent save(RecordingConsent c) {
        RecordingConsent stored = consents.get(c.id());
        Versions.check(stored == null ? null : stored.version(), c.version(), "consent " + c.id());
        RecordingConsent saved = new RecordingConsent(
                c.id(),
                c.patient(),
                c.encounter(),
                c.site(),
                c.terms(),
                c.attestation(),
                c.giver(),
                c.history(),
                c.version() + 1);
        consents.put(saved.id(), saved);
        return saved;
    }

    @Override
    public synchronized List<RecordingConsent> findByPatient(PatientId patient) {
        return consents.values().stream()
                .filter(c -> c.patient().equals(patient))
                .toList();
    }
}
