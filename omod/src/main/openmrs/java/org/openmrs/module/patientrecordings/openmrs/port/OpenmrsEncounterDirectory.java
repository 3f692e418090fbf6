/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.openmrs.port;

import java.util.Objects;
import java.util.Optional;
import org.openmrs.Location;
import org.openmrs.api.context.Context;
import org.openmrs.module.patientrecordings.domain.EncounterId;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.SiteId;
import org.openmrs.module.patientrecordings.port.EncounterDirectory;
import org.openmrs.util.PrivilegeConstants;

/** {@link EncounterDirectory} over OpenMRS' {@code EncounterService}; voided encounters are unknown. */
public final class OpenmrsEncounterDirectory implements EncounterDirectory {

    @Override
    public Optional<Encounter> find(EncounterId id) {
        Objects.requireNonNull(id, "id");
        return HostPrivileges.with(
                () -> {
                    org.openmrs.Encounter encounter =
                            Context.getEncounterService().getEncounterByUuid(id.value());
                    if (encounter == null || Boolean.TRUE.equals(encounter.getVoided())) {
                        return Optional.empty();
                    }
                    Location location = encounter.getLocation();
                    return Optional.of(new Encounter(
                            id,
                            PatientId.of(encounter.getPatient().getUuid()),
                            location == null ? null : SiteId.of(location.getUuid()),
                            HostDates.instant(encounter.getEncounterDatetime())));
                },
                PrivilegeConstants.GET_ENCOUNTERS,
                PrivilegeConstants.GET_PATIENTS,
                PrivilegeConstants.GET_LOCATIONS);
    }
}
