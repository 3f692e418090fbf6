/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone.fhir;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.openmrs.module.patientrecordings.domain.EncounterId;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.SiteId;
import org.openmrs.module.patientrecordings.port.SiteDirectory.Site;
import org.openmrs.module.patientrecordings.standalone.host.HostDirectory;
import org.openmrs.module.patientrecordings.standalone.host.PatientSearch;
import org.openmrs.module.patientrecordings.web.fhir.host.HostRecords;

/**
 * {@link HostRecords} over the standalone server's own register. Its users have no privileges of their own for the
 * register's data, so nothing is refused here: every authenticated user reads it. An identifier searched with a
 * system is one of the server's medical record numbers or none.
 */
final class StandaloneHostRecords implements HostRecords {

    private final HostDirectory host;

    StandaloneHostRecords(HostDirectory host) {
        this.host = Objects.requireNonNull(host, "host");
    }

    @Override
    public Optional<Patient> patient(PatientId id) {
        return host.patients().read(id).map(PatientTranslator::record);
    }

    @Override
    public List<Patient> patients(PatientQuery query, int offset, int count) {
        if (query.identifierSystem() != null
                && !query.identifierSystem().equals(HostIdentifiers.MEDICAL_RECORD_NUMBER)) {
            return List.of();
        }
        return host
                .patients()
                .search(new PatientSearch(
                        query.name(), query.identifier(), query.birthDate(), offset, Math.min(count, largestPage())))
                .stream()
                .map(PatientTranslator::record)
                .toList();
    }

    @Override
    public Optional<Encounter> encounter(EncounterId id) {
        return host.encounters().read(id).map(EncounterTranslator::record);
    }

    @Override
    public List<Encounter> encounters(PatientId patient) {
        return host.encounters().forPatient(patient, 0, Integer.MAX_VALUE).stream()
                .map(EncounterTranslator::record)
                .toList();
    }

    @Override
    public Optional<Site> location(SiteId id) {
        return host.sites().find(id);
    }

    @Override
    public List<Site> locations(String name, int offset, int count) {
        return host.sites().search(name, offset, count);
    }

    @Override
    public int largestPage() {
        return PatientSearch.MAX_COUNT;
    }
}
