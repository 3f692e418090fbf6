/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone.fhir;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.openmrs.module.patientrecordings.access.AccessGuard;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.standalone.host.HostDirectory;

/**
 * The FHIR face of the standalone server's host data, so that an external system can work end to end over FHIR:
 * Patient, Location (sites), Encounter and DocumentReference (clinical notes). Register the providers on the FHIR
 * server before it is initialised: {@code server.registerProviders(HostFhirProviders.create(...))}.
 *
 * <p>Reads and searches need an authenticated user only (the server refuses anonymous requests). Writes need a
 * privilege (SAF-3; refusals audited): Location MANAGE_POLICY; Patient, Encounter, DocumentReference
 * CREATE_RECORDINGS; {@code Patient/[id]/$record-death} MANAGE_RECORDS.
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
        return List.of(
                new HostPatientProvider(host.patients(), access, patientChanged),
                new HostLocationProvider(host.sites(), access),
                new HostEncounterProvider(host.encounters(), access, patientChanged),
                new HostDocumentReferenceProvider(host.notes(), notes, access));
    }
}
