/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.openmrs.port;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.hibernate.SessionFactory;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.openmrs.Location;
import org.openmrs.PatientIdentifier;
import org.openmrs.PersonName;
import org.openmrs.api.PatientService;
import org.openmrs.api.context.Context;
import org.openmrs.module.patientrecordings.domain.EncounterId;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.SiteId;
import org.openmrs.module.patientrecordings.port.SiteDirectory.Site;
import org.openmrs.module.patientrecordings.web.fhir.host.HostRecords;
import org.openmrs.util.PrivilegeConstants;

/**
 * {@link HostRecords} over OpenMRS' own patients, encounters and locations, for the module's FHIR endpoint (fhir2 does
 * not run on Platform 3.0). Reads as the acting user: one who lacks OpenMRS' "Get Patients", "Get Encounters" or "Get
 * Locations" is refused ({@link HostRecords.Refused}). Voided patients and encounters, and retired locations, are
 * unknown. Identifiers carry OpenMRS' identifier type as their type and no system, so a search naming a system finds
 * none. Names are read part by part ({@link HostNames}), without core's name layout lookup.
 *
 * <p>A search by identifier or name goes through {@code PatientService} (the identifier exactly, the name as OpenMRS
 * matches names) and is narrowed and sorted here; a search by birth date alone, or by nothing, pages through the
 * patients in the database.
 */
public final class OpenmrsHostRecords implements HostRecords {

    private final SessionFactory sessionFactory;

    public OpenmrsHostRecords(SessionFactory sessionFactory) {
        this.sessionFactory = Objects.requireNonNull(sessionFactory, "sessionFactory");
    }

    @Override
    public Optional<Patient> patient(PatientId id) {
        require(PrivilegeConstants.GET_PATIENTS);
        return Optional.ofNullable(Context.getPatientService().getPatientByUuid(id.value()))
                .filter(p -> !Boolean.TRUE.equals(p.getVoided()))
                .map(OpenmrsHostRecords::patient);
    }

    @Override
    public List<Patient> patients(PatientQuery query, int offset, int count) {
        require(PrivilegeConstants.GET_PATIENTS);
        if (query.identifierSystem() != null) {
            return List.of();
        }
        if (query.identifier() == null && query.name() == null) {
            return pageByBirthDate(query.birthDate(), offset, count).stream()
                    .map(OpenmrsHostRecords::patient)
                    .toList();
        }
        PatientService patients = Context.getPatientService();
        List<org.openmrs.Patient> found = query.identifier() != null
                ? patients.getPatients(null, query.identifier(), null, true)
                : patients.getPatients(query.name(), null, null, false);
        return found.stream()
                .filter(p -> !Boolean.TRUE.equals(p.getVoided()))
                .filter(p -> query.name() == null || hasName(p, query.name()))
                .filter(p ->
                        query.birthDate() == null || query.birthDate().equals(HostDates.localDate(p.getBirthdate())))
                .map(OpenmrsHostRecords::patient)
                .sorted(Comparator.comparing((Patient p) -> Objects.toString(p.family(), ""))
                        .thenComparing(p -> String.join(" ", p.given()))
                        .thenComparing(p -> p.id().value()))
                .skip(offset)
                .limit(count)
                .toList();
    }

    @Override
    public Optional<Encounter> encounter(EncounterId id) {
        require(PrivilegeConstants.GET_ENCOUNTERS);
        return Optional.ofNullable(Context.getEncounterService().getEncounterByUuid(id.value()))
                .filter(e -> !Boolean.TRUE.equals(e.getVoided()))
                .map(OpenmrsHostRecords::encounter);
    }

    @Override
    public List<Encounter> encounters(PatientId patient) {
        require(PrivilegeConstants.GET_ENCOUNTERS);
        require(PrivilegeConstants.GET_PATIENTS);
        org.openmrs.Patient found = Context.getPatientService().getPatientByUuid(patient.value());
        if (found == null || Boolean.TRUE.equals(found.getVoided())) {
            return List.of();
        }
        return Context.getEncounterService().getEncountersByPatient(found).stream()
                .filter(e -> !Boolean.TRUE.equals(e.getVoided()) && e.getEncounterDatetime() != null)
                .map(OpenmrsHostRecords::encounter)
                .sorted(Comparator.comparing(Encounter::start).reversed().thenComparing(e -> e.id().value()))
                .toList();
    }

    @Override
    public Optional<Site> location(SiteId id) {
        require(PrivilegeConstants.GET_LOCATIONS);
        return Optional.ofNullable(Context.getLocationService().getLocationByUuid(id.value()))
                .filter(l -> !Boolean.TRUE.equals(l.getRetired()))
                .map(OpenmrsHostRecords::site);
    }

    @Override
    public List<Site> locations(String name, int offset, int count) {
        require(PrivilegeConstants.GET_LOCATIONS);
        return Context.getLocationService().getLocations(name, null, null, false, offset, count).stream()
                .map(OpenmrsHostRecords::site)
                .toList();
    }

    /** Patients by birth date (or all, without one), a page at a time, in the order they were registered. */
    private List<org.openmrs.Patient> pageByBirthDate(LocalDate birthDate, int offset, int count) {
        var query = sessionFactory
                .getCurrentSession()
                .createQuery(
                        "select p from Patient p where p.voided = false"
                                + (birthDate == null ? "" : " and p.birthdate = :birthDate")
                                + " order by p.patientId",
                        org.openmrs.Patient.class);
        if (birthDate != null) {
            query.setParameter("birthDate", java.sql.Date.valueOf(birthDate));
        }
        return query.setFirstResult(offset).setMaxResults(count).getResultList();
    }

    private static void require(String privilege) {
        if (!Context.hasPrivilege(privilege)) {
            throw new Refused(privilege);
        }
    }

    private static Patient patient(org.openmrs.Patient p) {
        List<Identifier> identifiers = p.getActiveIdentifiers().stream()
                .map(OpenmrsHostRecords::identifier)
                .toList();
        PersonName name = p.getPersonName();
        return new Patient(
                PatientId.of(p.getUuid()),
                identifiers,
                name == null ? List.of() : given(name),
                name == null ? null : family(name),
                gender(p.getGender()),
                HostDates.localDate(p.getBirthdate()),
                Boolean.TRUE.equals(p.getDead()),
                HostDates.localDate(p.getDeathDate()));
    }

    private static Identifier identifier(PatientIdentifier identifier) {
        return new Identifier(
                null,
                identifier.getIdentifier(),
                null,
                identifier.getIdentifierType() == null
                        ? null
                        : identifier.getIdentifierType().getName(),
                Boolean.TRUE.equals(identifier.getPreferred()));
    }

    private static List<String> given(PersonName name) {
        return Stream.of(name.getGivenName(), name.getMiddleName())
                .filter(part -> part != null && !part.isBlank())
                .toList();
    }

    private static String family(PersonName name) {
        List<String> parts = new ArrayList<>();
        Stream.of(name.getFamilyNamePrefix(), name.getFamilyName(), name.getFamilyName2())
                .filter(part -> part != null && !part.isBlank())
                .forEach(parts::add);
        return parts.isEmpty() ? null : String.join(" ", parts);
    }

    /** Whether a part of one of the patient's names contains {@code fragment}, ignoring case. */
    private static boolean hasName(org.openmrs.Patient patient, String fragment) {
        String wanted = fragment.toLowerCase(Locale.ROOT);
        return patient.getNames().stream()
                .filter(n -> !Boolean.TRUE.equals(n.getVoided()))
                .flatMap(n -> Stream.of(n.getGivenName(), n.getMiddleName(), n.getFamilyName(), n.getFamilyName2()))
                .anyMatch(part -> part != null && part.toLowerCase(Locale.ROOT).contains(wanted));
    }

    private static AdministrativeGender gender(String gender) {
        if (gender == null) {
            return AdministrativeGender.UNKNOWN;
        }
        return switch (gender.toUpperCase(Locale.ROOT)) {
            case "M" -> AdministrativeGender.MALE;
            case "F" -> AdministrativeGender.FEMALE;
            case "O" -> AdministrativeGender.OTHER;
            default -> AdministrativeGender.UNKNOWN;
        };
    }

    private static Encounter encounter(org.openmrs.Encounter e) {
        Location location = e.getLocation();
        return new Encounter(
                EncounterId.of(e.getUuid()),
                PatientId.of(e.getPatient().getUuid()),
                location == null ? null : SiteId.of(location.getUuid()),
                HostDates.instant(e.getEncounterDatetime()),
                e.getEncounterType() == null ? null : e.getEncounterType().getName());
    }

    private static Site site(Location location) {
        return new Site(SiteId.of(location.getUuid()), location.getName());
    }
}
