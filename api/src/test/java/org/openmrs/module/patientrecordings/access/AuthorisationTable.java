/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.access;

import static java.util.Map.entry;
import static org.openmrs.module.patientrecordings.domain.Privilege.AUTHORISE_COVERT;
import static org.openmrs.module.patientrecordings.domain.Privilege.CREATE_RECORDINGS;
import static org.openmrs.module.patientrecordings.domain.Privilege.DISCLOSE_RECORDINGS;
import static org.openmrs.module.patientrecordings.domain.Privilege.MANAGE_CONSENT;
import static org.openmrs.module.patientrecordings.domain.Privilege.MANAGE_LEGAL_HOLDS;
import static org.openmrs.module.patientrecordings.domain.Privilege.MANAGE_POLICY;
import static org.openmrs.module.patientrecordings.domain.Privilege.MANAGE_RECORDS;
import static org.openmrs.module.patientrecordings.domain.Privilege.VIEW_AUDIT;
import static org.openmrs.module.patientrecordings.domain.Privilege.VIEW_RECORDINGS;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.openmrs.module.patientrecordings.domain.Privilege;

/**
 * SAF-3 as data: who may call each endpoint of the module, the one table that every host's authorisation matrix
 * reads (the standalone server's {@code AuthorisationMatrixIT}; omod's {@code OpenmrsHostAuthorisationMatrixIT},
 * whose users hold the privileges under their OpenMRS names). It names requests, not HTTP: {@link FhirMatrixCalls}
 * turns each row into a request, and {@link AuthorisationMatrix} checks that a user is admitted exactly when {@link
 * Admits#admit} says so; a host's test checks that the rows cover everything the host declares (the administration
 * API's OpenAPI document, the FHIR CapabilityStatement).
 */
public final class AuthorisationTable {

    private AuthorisationTable() {}

    /** Who a row admits: anyone (no sign-in), any signed-in user, or a signed-in user holding the privileges. */
    public record Admits(Kind kind, Set<Privilege> privileges) {

        public enum Kind {
            /** No sign-in needed (the CapabilityStatement, the OpenAPI document). */
            ANYONE,
            /** Any signed-in user, whatever they hold (the host's own data in the standalone server). */
            SIGNED_IN,
            /** A user holding at least one of the privileges. */
            ANY_OF,
            /** A user holding every one of the privileges. */
            ALL_OF
        }

        public Admits {
            privileges = privileges.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(privileges));
        }

        /** Whether a signed-in user holding {@code held} is admitted. */
        public boolean admit(Set<Privilege> held) {
            return switch (kind) {
                case ANYONE, SIGNED_IN -> true;
                case ANY_OF -> privileges.stream().anyMatch(held::contains);
                case ALL_OF -> held.containsAll(privileges);
            };
        }
    }

    static final Admits ANYONE = new Admits(Admits.Kind.ANYONE, Set.of());
    static final Admits SIGNED_IN = new Admits(Admits.Kind.SIGNED_IN, Set.of());

    static Admits anyOf(Privilege... privileges) {
        return new Admits(Admits.Kind.ANY_OF, Set.of(privileges));
    }

    static Admits allOf(Privilege... privileges) {
        return new Admits(Admits.Kind.ALL_OF, Set.of(privileges));
    }

    /** What the recordings' clinicians see of a site (sites list, notices, no-filming areas). */
    private static final Admits SITE_READERS = anyOf(MANAGE_POLICY, CREATE_RECORDINGS, MANAGE_CONSENT, VIEW_RECORDINGS);

    /**
     * The administration API: "METHOD template" exactly as its OpenAPI document names the path, to who is admitted.
     */
    public static final Map<String, Admits> ADMINISTRATION = Map.ofEntries(
            entry("GET /openapi.json", ANYONE),
            entry("GET /default-policy", anyOf(MANAGE_POLICY)),
            entry("PUT /default-policy", anyOf(MANAGE_POLICY)),
            entry("GET /default-policy/versions", anyOf(MANAGE_POLICY)),
            entry("GET /default-policy/versions/{n}", anyOf(MANAGE_POLICY)),
            entry("GET /default-policy/diff", anyOf(MANAGE_POLICY)),
            entry("GET /sites", SITE_READERS),
            entry("GET /sites/{site}/policy", anyOf(MANAGE_POLICY)),
            entry("PUT /sites/{site}/policy", anyOf(MANAGE_POLICY)),
            entry("GET /sites/{site}/policy/versions", anyOf(MANAGE_POLICY)),
            entry("GET /sites/{site}/policy/versions/{n}", anyOf(MANAGE_POLICY)),
            entry("GET /sites/{site}/policy/diff", anyOf(MANAGE_POLICY)),
            entry("GET /sites/{site}/telephone/notices", SITE_READERS),
            entry("POST /sites/{site}/telephone/notices", anyOf(MANAGE_POLICY)),
            entry("POST /sites/{site}/telephone/notices/{index}/end", anyOf(MANAGE_POLICY)),
            entry("GET /sites/{site}/no-filming-areas", SITE_READERS),
            entry("PUT /sites/{site}/no-filming-areas/{code}", anyOf(MANAGE_POLICY)),
            entry("DELETE /sites/{site}/no-filming-areas/{code}", anyOf(MANAGE_POLICY)),
            entry("GET /policies/export", anyOf(MANAGE_POLICY)),
            entry("POST /policies/import", anyOf(MANAGE_POLICY)),
            entry("GET /retention-schedules", anyOf(MANAGE_POLICY)),
            entry("GET /retention-schedules/{jurisdiction}", anyOf(MANAGE_POLICY)),
            entry("PUT /retention-schedules/{jurisdiction}", anyOf(MANAGE_POLICY)),
            entry("GET /retention-schedules/{jurisdiction}/versions", anyOf(MANAGE_POLICY)),
            entry("PUT /retention-schedules/{jurisdiction}/classes/{recordClass}", anyOf(MANAGE_POLICY)),
            entry("GET /registers/staff-objections", anyOf(MANAGE_POLICY)),
            // STF-1: staff object for themselves; for someone else, as the matrix asks, only with the policy privilege.
            entry("POST /registers/staff-objections", anyOf(MANAGE_POLICY)),
            entry("POST /registers/staff-objections/{id}/end", anyOf(MANAGE_POLICY)),
            entry("GET /registers/patient-objections", anyOf(MANAGE_CONSENT)),
            entry("POST /registers/patient-objections", anyOf(MANAGE_CONSENT)),
            entry("POST /registers/patient-objections/{id}/lift", anyOf(MANAGE_CONSENT)),
            entry("GET /registers/covert-authorisations", anyOf(AUTHORISE_COVERT)),
            entry("POST /registers/covert-authorisations", anyOf(AUTHORISE_COVERT)),
            entry("POST /registers/covert-authorisations/{id}/end", anyOf(AUTHORISE_COVERT)),
            entry("GET /registers/legal-holds", anyOf(MANAGE_LEGAL_HOLDS)),
            entry("POST /registers/legal-holds", anyOf(MANAGE_LEGAL_HOLDS)),
            entry("POST /registers/legal-holds/{id}/lift", anyOf(MANAGE_LEGAL_HOLDS)),
            entry("GET /registers/destructions", anyOf(MANAGE_RECORDS)),
            entry("POST /registers/destructions", anyOf(MANAGE_RECORDS)),
            entry("GET /registers/disclosures", anyOf(DISCLOSE_RECORDINGS)),
            entry("GET /registers/site-policy-breaches", anyOf(MANAGE_POLICY)));

    /**
     * The FHIR endpoint. A row's name is the capability it exercises, as the CapabilityStatement declares it ("Type
     * interaction" with the interaction's code, "Type $operation", or "metadata"), optionally followed by a variant in
     * brackets when one capability admits differently by what it is asked (a Consent search of a register, the
     * content read as a Binary).
     */
    public static final Map<String, Admits> FHIR = Map.ofEntries(
            entry("metadata", ANYONE),
            entry("OperationDefinition read", SIGNED_IN),
            // The host's own data: every signed-in user reads it on the standalone server, each read audited; a
            // host may refuse it (OpenMRS' "Get Patients" and the like). Writing it takes the module's privileges.
            entry("Patient read", SIGNED_IN),
            entry("Patient search-type", SIGNED_IN),
            entry("Patient create", anyOf(CREATE_RECORDINGS)),
            entry("Patient $record-death", anyOf(MANAGE_RECORDS)),
            entry("Patient $legal-hold", anyOf(MANAGE_LEGAL_HOLDS)),
            entry("Patient $lift-legal-hold", anyOf(MANAGE_LEGAL_HOLDS)),
            entry("Patient $subject-access", anyOf(DISCLOSE_RECORDINGS)),
            entry("Encounter read", SIGNED_IN),
            entry("Encounter search-type", SIGNED_IN),
            entry("Encounter create", anyOf(CREATE_RECORDINGS)),
            entry("Location read", SIGNED_IN),
            entry("Location search-type", SIGNED_IN),
            entry("Location create", anyOf(MANAGE_POLICY)),
            entry("DocumentReference read", SIGNED_IN),
            entry("DocumentReference search-type", SIGNED_IN),
            entry("DocumentReference create", anyOf(CREATE_RECORDINGS)),
            // The recordings (SAF-3: view, create, manage consent, disclose, manage legal holds, manage records).
            entry("Media create", anyOf(CREATE_RECORDINGS)),
            entry("Media read", anyOf(VIEW_RECORDINGS)),
            entry("Media vread", anyOf(VIEW_RECORDINGS)),
            entry("Media history-instance", anyOf(VIEW_RECORDINGS)),
            entry("Media search-type", anyOf(VIEW_RECORDINGS)),
            // An update changes nothing (a recording changes through its operations): a read, checked as one.
            entry("Media update", anyOf(VIEW_RECORDINGS)),
            entry("Media $stop", anyOf(CREATE_RECORDINGS)),
            entry("Media $complete", anyOf(CREATE_RECORDINGS)),
            entry("Media $confirm-consent", anyOf(MANAGE_CONSENT)),
            entry("Media $void", anyOf(MANAGE_RECORDS)),
            entry("Media $legal-hold", anyOf(MANAGE_LEGAL_HOLDS)),
            entry("Media $lift-legal-hold", anyOf(MANAGE_LEGAL_HOLDS)),
            entry("Media $disclose", anyOf(DISCLOSE_RECORDINGS)),
            entry("Media $binary-access-write", anyOf(CREATE_RECORDINGS)),
            entry("Media $binary-access-write (chunk)", anyOf(CREATE_RECORDINGS)),
            entry("Media $binary-access-read", anyOf(VIEW_RECORDINGS)),
            // SEC-3: a derivative is a new recording (create) made from a copy of the source (view).
            entry("Media $anonymised-derivative", allOf(CREATE_RECORDINGS, VIEW_RECORDINGS)),
            entry("Binary read", anyOf(VIEW_RECORDINGS)),
            entry("Binary read (content download)", anyOf(VIEW_RECORDINGS)),
            entry("Consent create", anyOf(MANAGE_CONSENT)),
            entry("Consent read", anyOf(VIEW_RECORDINGS)),
            entry("Consent vread", anyOf(VIEW_RECORDINGS)),
            entry("Consent history-instance", anyOf(VIEW_RECORDINGS)),
            entry("Consent search-type", anyOf(VIEW_RECORDINGS)),
            entry("Consent $withdraw", anyOf(MANAGE_CONSENT)),
            // The registers that are Consents, with the register's own privilege (CON-10, STF-1, COV-2).
            entry("Consent read (standing objection)", anyOf(MANAGE_CONSENT)),
            entry("Consent search-type (standing objections)", anyOf(MANAGE_CONSENT)),
            entry("Consent read (staff objection)", anyOf(MANAGE_POLICY)),
            entry("Consent search-type (staff objections)", anyOf(MANAGE_POLICY)),
            entry("Consent read (covert authorisation)", anyOf(AUTHORISE_COVERT)),
            entry("Flag read", anyOf(MANAGE_LEGAL_HOLDS)),
            entry("Flag search-type", anyOf(MANAGE_LEGAL_HOLDS)),
            entry("AuditEvent read", anyOf(VIEW_AUDIT)),
            entry("AuditEvent search-type", anyOf(VIEW_AUDIT)),
            entry("AuditEvent $verify-chain", anyOf(VIEW_AUDIT)));

    /** The capability a FHIR row exercises: its name without the variant. */
    public static String capability(String row) {
        int variant = row.indexOf(" (");
        return variant < 0 ? row : row.substring(0, variant);
    }
}
