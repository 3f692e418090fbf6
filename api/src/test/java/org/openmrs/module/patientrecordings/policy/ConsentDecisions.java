/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.policy;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.openmrs.module.patientrecordings.domain.Actor;
import org.openmrs.module.patientrecordings.domain.ConsentState;
import org.openmrs.module.patientrecordings.domain.Purpose;
import org.openmrs.module.patientrecordings.domain.RecordingKind;

/** Consent conversations as the clinician records them (CON-2, CON-3, CON-4). */
final class ConsentDecisions {

    private ConsentDecisions() {}

    /** What the patient was told: nothing yet. */
    static TermsBuilder consentTerms() {
        return new TermsBuilder();
    }

    /** The patient agrees, after being told everything, freely. */
    static DecisionBuilder aConsentGiven() {
        return new DecisionBuilder(ConsentState.GIVEN);
    }

    /** The patient refuses (a refused consent is recorded, never just absent). */
    static DecisionBuilder aConsentWithheld() {
        return new DecisionBuilder(ConsentState.WITHHELD);
    }

    static final class TermsBuilder {
        private Set<RecordingKind> kinds = Set.of();
        private Set<Purpose> purposes = Set.of();
        private List<String> audience = List.of();
        private String context;
        private Boolean copies;
        private String storage;
        private String retention;
        private String defenceReason;

        /** Everything CON-2 asks for, about a consultation for direct care and training. */
        TermsBuilder complete() {
            kinds = Set.of(RecordingKind.CONSULTATION);
            purposes = Set.of(Purpose.DIRECT_CARE, Purpose.TRAINING);
            audience = List.of("the care team", "GP trainees of the practice");
            context = "tutorials within the practice";
            copies = false;
            storage = "encrypted in the practice's clinical system";
            retention = "as long as the rest of the clinical record";
            return this;
        }

        TermsBuilder about(RecordingKind... kinds) {
            this.kinds = Set.of(kinds);
            return this;
        }

        TermsBuilder forPurposes(Purpose... purposes) {
            this.purposes = Set.of(purposes);
            return this;
        }

        TermsBuilder withoutSayingWhoWillSeeIt() {
            this.audience = List.of();
            return this;
        }

        TermsBuilder seenBy(String... audience) {
            this.audience = Arrays.asList(audience);
            return this;
        }

        TermsBuilder withoutSayingWhetherCopiesWillBeMade() {
            this.copies = null;
            return this;
        }

        TermsBuilder becauseOf(String defenceReason) {
            this.defenceReason = defenceReason;
            return this;
        }

        ConsentTerms build() {
            return new ConsentTerms(kinds, purposes, audience, context, copies, storage, retention, defenceReason);
        }
    }

    static final class DecisionBuilder {
        private final ConsentState decision;
        private Actor actor = Fixtures.aClinician();
        private PatientFacts patient = Fixtures.aPatient();
        private ConsentTerms terms = consentTerms().complete().build();
        private Attestation attestation = Attestation.COMPLETE;
        private SitePolicy site = SitePolicies.aSite().build();

        private DecisionBuilder(ConsentState decision) {
            this.decision = decision;
        }

        DecisionBuilder by(Actor actor) {
            this.actor = actor;
            return this;
        }

        DecisionBuilder forPatient(PatientFacts patient) {
            this.patient = patient;
            return this;
        }

        DecisionBuilder on(TermsBuilder terms) {
            this.terms = terms.build();
            return this;
        }

        DecisionBuilder attesting(Attestation attestation) {
            this.attestation = attestation;
            return this;
        }

        DecisionBuilder atSite(SitePolicies.SiteBuilder site) {
            this.site = site.build();
            return this;
        }

        ConsentDecisionRequest build() {
            return new ConsentDecisionRequest(actor, patient, decision, terms, attestation, site);
        }
    }
}
