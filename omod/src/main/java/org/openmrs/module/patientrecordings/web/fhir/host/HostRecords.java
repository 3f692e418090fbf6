/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.web.fhir.host;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.openmrs.module.patientrecordings.domain.EncounterId;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.SiteId;
import org.openmrs.module.patientrecordings.port.SiteDirectory.Site;

/**
 * The host's own patients, encounters and locations, read-only, for the module's FHIR endpoint: an external system
 * learns there the patient, encounter and site ids every recording request needs. Implemented by each host over its
 * own data (OpenMRS' services; the standalone server's register). A host that has privileges of its own for its data
 * refuses a user who lacks them with {@link Refused}, which the endpoint audits and answers as SAF-3.
 */
public interface HostRecords {

    /** The patient, or empty when the host has none with this id (or it is voided). */
    Optional<Patient> patient(PatientId id);

    /**
     * The patients that meet every criterion of {@code query}, one page, in an order that stays the same from page to
     * page (family name, given name, id where the host can).
     *
     * @param offset matches to skip
     * @param count the most to return, at most {@link #largestPage()}
     */
    List<Patient> patients(PatientQuery query, int offset, int count);

    /** The encounter, or empty. */
    Optional<Encounter> encounter(EncounterId id);

    /** Every encounter of the patient the host knows, latest first; empty for an unknown patient. */
    List<Encounter> encounters(PatientId patient);

    /** The location, or empty. */
    Optional<Site> location(SiteId id);

    /**
     * The locations whose name matches {@code name} as the host matches names (null for all), one page, in a stable
     * order.
     */
    List<Site> locations(String name, int offset, int count);

    /** The most results the host returns at once. */
    default int largestPage() {
        return 500;
    }

    /**
     * A patient as the host keeps them.
     *
     * @param id never null
     * @param identifiers the patient's identifiers, the preferred first
     * @param given given names, in order
     * @param family family name, or null
     * @param gender never null
     * @param birthDate null when unknown
     * @param deceased whether the host records the patient as dead
     * @param deathDate the day of death, or null (unknown, or alive)
     */
    record Patient(
            PatientId id,
            List<Identifier> identifiers,
            List<String> given,
            String family,
            AdministrativeGender gender,
            LocalDate birthDate,
            boolean deceased,
            LocalDate deathDate) {

        public Patient {
            Objects.requireNonNull(id, "id");
            identifiers = List.copyOf(identifiers);
            given = List.copyOf(given);
            Objects.requireNonNull(gender, "gender");
        }

        @Override
        public String toString() {
            // Ids only: a record's toString ends up in logs, and names are patient data.
            return "HostRecords.Patient[" + id + "]";
        }
    }

    /**
     * An identifier of a patient.
     *
     * @param system its naming system, or null where the host has none
     * @param value never null
     * @param typeCode its code of HL7's identifier types (v2-0203, e.g. {@code MR}), or null
     * @param type what kind of identifier it is, as the host names it, or null
     * @param official whether it is the one the host prefers
     */
    record Identifier(String system, String value, String typeCode, String type, boolean official) {
        public Identifier {
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * An encounter.
     *
     * @param id never null
     * @param patient never null
     * @param site where it took place, or null
     * @param start when it started; never null
     * @param description what it was (e.g. {@code GP consultation}), or null
     */
    record Encounter(EncounterId id, PatientId patient, SiteId site, Instant start, String description) {
        public Encounter {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(patient, "patient");
            Objects.requireNonNull(start, "start");
        }
    }

    /**
     * What a patient search asks; null criteria match everything.
     *
     * @param name a part of a name, case-insensitive
     * @param identifierSystem the system of the identifier searched, or null for any
     * @param identifier the exact identifier
     * @param birthDate the exact birth date
     */
    record PatientQuery(String name, String identifierSystem, String identifier, LocalDate birthDate) {
        @Override
        public String toString() {
            // The criteria are patient data.
            return "PatientQuery";
        }
    }

    /** The host refuses the acting user its data: they lack the host's own privilege for it. */
    final class Refused extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final String hostPrivilege;

        /** @param hostPrivilege the host's name of the privilege, e.g. {@code Get Patients} */
        public Refused(String hostPrivilege) {
            super("lacks the host privilege '" + hostPrivilege + "'");
            this.hostPrivilege = Objects.requireNonNull(hostPrivilege, "hostPrivilege");
        }

        public String hostPrivilege() {
            return hostPrivilege;
        }
    }
}
