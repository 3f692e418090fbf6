/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.policy;

import java.util.List;
import java.util.Objects;

/**
 * Who gave (or withheld) a consent, and on what authority (CON-12, after the GMC's guidance on consent and on 0–18
 * year olds). Fields may be blank here: the consent rules name what is missing.
 *
 * @param authority on what basis the decision was made
 * @param name the representative's name; null for the patient or a best-interests decision
 * @param relationship the representative's relationship to the patient (mother, son, …); null otherwise
 * @param competenceAttested for a patient under 16 who decides for themself: the clinician attests that they
 *     understand what the recording involves
 * @param consulted for a best-interests decision: the people consulted; empty otherwise
 */
public record ConsentGiver(
        Authority authority, String name, String relationship, boolean competenceAttested, List<Consulted> consulted) {

    /** The patient decides for themself, without a competence attestation. */
    public static final ConsentGiver PATIENT = new ConsentGiver(Authority.PATIENT, null, null, false, List.of());

    public ConsentGiver {
        Objects.requireNonNull(authority, "authority");
        consulted = consulted == null ? List.of() : List.copyOf(consulted);
    }

    /** The patient decides for themself; {@code competenceAttested} as for a child under 16. */
    public static ConsentGiver patient(boolean competenceAttested) {
        return new ConsentGiver(Authority.PATIENT, null, null, competenceAttested, List.of());
    }

    /** A person with parental responsibility or other legal authority decides for the patient. */
    public static ConsentGiver representative(Authority authority, String name, String relationship) {
        if (!authority.representative()) {
            throw new IllegalArgumentException(authority + " is not a representative's authority");
        }
        return new ConsentGiver(authority, name, relationship, false, List.of());
    }

    /** The clinician decides in the best interests of an adult who lacks capacity, after consulting these people. */
    public static ConsentGiver bestInterests(List<Consulted> consulted) {
        return new ConsentGiver(Authority.BEST_INTERESTS, null, null, false, consulted);
    }

    /** The basis of a consent decision. */
    public enum Authority {
        /** The patient themself. */
        PATIENT(false),
        /** A person with parental responsibility for a child. */
        PARENTAL_RESPONSIBILITY(true),
        /** An attorney under a lasting power of attorney for health and welfare. */
        LASTING_POWER_OF_ATTORNEY(true),
        /** A deputy appointed by the Court of Protection. */
        COURT_APPOINTED_DEPUTY(true),
        /** The clinician, in the best interests of an adult who lacks capacity. */
        BEST_INTERESTS(false);

        private final boolean representative;

        Authority(boolean representative) {
            this.representative = representative;
        }

        /** @return true when a named person other than the patient and the clinician decides */
        public boolean representative() {
            return representative;
        }
    }

    /**
     * A person consulted about a best-interests decision.
     *
     * @param name their name
     * @param role their role or relationship (carer, daughter, advocate, …)
     */
    public record Consulted(String name, String role) {}
}
