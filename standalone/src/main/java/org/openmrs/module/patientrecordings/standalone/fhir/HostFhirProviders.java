/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone.fhir;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.openmrs.module.patientrecordings.access.AccessGuard;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.standalone.host.HostDirectory;
import org.openmrs.module.patientrecordings.web.fhir.host.HostAccess;

/**
 * The FHIR face of the standalone server's host data, so that an external system can work end to end over FHIR:
 * Patient, Location (sites), Encounter and DocumentReference (clinical notes). Register the providers on the FHIR
 * server before it is initialised: {@code server.registerProviders(HostFhirProviders.create(...))}.
 *
 * <p>Patient, Location and Encounter are read and searched as inside OpenMRS, by the web shell's providers over this
 * server's register ({@link StandaloneHostRecords}); each read and search is audited (SAF-2), and needs an
 * authenticated user only (the server refuses anonymous requests). Writes need a privilege (SAF-3; refusals audited):
 * Location MANAGE_POLICY; Patient, Encounter, DocumentReference CREATE_RECORDINGS; {@code Patient/[id]/$record-death}
 * MANAGE_RECORDS.
 */
public final class HostFhirProviders {

    private HostFhirProviders() {}

    /**
     * @param host the host services
     * @param notes reads single notes by id
     * @param guard the current user, privilege checks with audit, and the clock
     * @param patientChanged told when a patient's retention facts changed (a death, a new encounter), i.e.
     *     {@code retention::recompute} (REC-2); runs on the request thread, after the change is committed
     * @return the resource providers, one per resource type
     */
    public static List<Object> create(
            HostDirectory host, NoteLookup notes, AccessGuard guard, Consumer<PatientId> patientChanged) {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(patientChanged, "patientChanged");
        HostAccess access = new HostAccess(guard);
        StandaloneHostRecords records = new StandaloneHostRecords(host);
        return List.of(
                new HostPatientProvider(records, host.patients(), access, patientChanged),
                new HostLocationProvider(records, host.sites(), access),
                new HostEncounterProvider(records, host.encounters(), access, patientChanged),
                new HostDocumentReferenceProvider(host.notes(), notes, access));
    }
}
