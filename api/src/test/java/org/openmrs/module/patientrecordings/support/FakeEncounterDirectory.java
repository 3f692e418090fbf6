/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.support;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.openmrs.module.patientrecordings.domain.EncounterId;
import org.openmrs.module.patientrecordings.port.EncounterDirectory;

/** The host's encounters. */
public final class FakeEncounterDirectory implements EncounterDirectory {

    private final Map<EncounterId, Encounter> encounters = new LinkedHashMap<>();

    @Override
    public synchronized Optional<Encounter> find(EncounterId id) {
        return Optional.ofNullable(encounters.get(id));
    }

    public synchronized Encounter add(Encounter encounter) {
        encounters.put(encounter.id(), encounter);
        return encounter;
    }
}
