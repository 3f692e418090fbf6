/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone.host;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.openmrs.module.patientrecordings.domain.UserId;
import org.openmrs.module.patientrecordings.persistence.Database;

/**
 * The host data of the standalone server, the part OpenMRS provides when the module runs inside it: patients,
 * sites, encounters and clinical notes, each a plain service and the module port it implements.
 *
 * @param patients also the {@code PatientDirectory} port
 * @param sites also the {@code SiteDirectory} port
 * @param encounters also the {@code EncounterDirectory} port
 * @param notes also the {@code ClinicalNotes} port
 */
public record HostDirectory(HostPatients patients, HostSites sites, HostEncounters encounters, HostNotes notes) {

    /** The entity classes the host tables map to (users are the security package's). */
    public static final List<Class<?>> ENTITIES =
            List.of(PatientRow.class, SiteRow.class, EncounterRow.class, NoteRow.class);

    public HostDirectory {
        Objects.requireNonNull(patients, "patients");
        Objects.requireNonNull(sites, "sites");
        Objects.requireNonNull(encounters, "encounters");
        Objects.requireNonNull(notes, "notes");
    }

    /**
     * The host services over a database opened with {@link #ENTITIES}.
     *
     * @param userNames how notes name the server's users (the security package's accounts)
     */
    public static HostDirectory over(Database database, Clock clock, Function<UserId, Optional<String>> userNames) {
        HostPatients patients = new HostPatients(database, clock);
        HostSites sites = new HostSites(database);
        HostEncounters encounters = new HostEncounters(database, patients, sites, clock);
        return new HostDirectory(patients, sites, encounters, new HostNotes(database, patients, encounters, userNames));
    }
}
