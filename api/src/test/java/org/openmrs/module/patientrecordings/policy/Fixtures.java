/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.policy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.openmrs.module.patientrecordings.domain.Actor;
import org.openmrs.module.patientrecordings.domain.ConsentId;
import org.openmrs.module.patientrecordings.domain.ConsentState;
import org.openmrs.module.patientrecordings.domain.Decision;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.Privilege;
import org.openmrs.module.patientrecordings.domain.Purpose;
import org.openmrs.module.patientrecordings.domain.Reason;
import org.openmrs.module.patientrecordings.domain.RecordingKind;
import org.openmrs.module.patientrecordings.domain.UserId;

/** The people, patients, consents and moments of the clinic that the rule tests share. */
final class Fixtures {

    /** The moment most requests happen: a Monday morning clinic. */
    static final Instant NOW = Instant.parse("2025-03-10T10:00:00Z");

    static final LocalDate TODAY = LocalDate.ofInstant(NOW, ZoneOffset.UTC);

    /** When consents are decided unless a test says otherwise: before the clinic. */
    static final Instant EARLIER = NOW.minusSeconds(3_600);

    private Fixtures() {}

    // --- reading decisions ----------------------------------------------------------------------------------------

    /** The codes of the errors only. */
    static Set<ErrorCode> errors(Decision decision) {
        return decision.reasons().stream()
                .filter(Reason::isError)
                .map(Reason::code)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The codes of the warnings only. */
    static Set<ErrorCode> warnings(Decision decision) {
        return decision.warnings().stream().map(Reason::code).collect(Collectors.toUnmodifiableSet());
    }

    /** Where each error points, e.g. {@code audience}. */
    static Set<String> errorLocations(Decision decision) {
        return decision.reasons().stream()
                .filter(Reason::isError)
                .map(Reason::location)
                .collect(Collectors.toUnmodifiableSet());
    }

    // --- people ---------------------------------------------------------------------------------------------------

    /** A clinician who records, views and manages consent. */
    static Actor aClinician() {
        return aUserWith(Privilege.CREATE_RECORDINGS, Privilege.VIEW_RECORDINGS, Privilege.MANAGE_CONSENT);
    }

    /** A records manager who voids, disposes, places holds and discloses. */
    static Actor aRecordsManager() {
        return aUserWith(
                Privilege.VIEW_RECORDINGS,
                Privilege.MANAGE_RECORDS,
                Privilege.MANAGE_LEGAL_HOLDS,
                Privilege.DISCLOSE_RECORDINGS);
    }

    /** A user privileged to authorise covert recording and see covert recordings. */
    static Actor aCovertRecordingAuthoriser() {
        return aUserWith(Privilege.AUTHORISE_COVERT, Privilege.CREATE_RECORDINGS, Privilege.VIEW_RECORDINGS);
    }

    /** A practice manager who changes the site's recording policy. */
    static Actor aPolicyAdministrator() {
        return aUserWith(Privilege.MANAGE_POLICY);
    }

    /** Someone who may disclose recordings, e.g. for a complaint or a subject access request. */
    static Actor aDisclosureOfficer() {
        return aUserWith(Privilege.VIEW_RECORDINGS, Privilege.DISCLOSE_RECORDINGS);
    }

    /** A receptionist: no recording privileges at all. */
    static Actor aReceptionist() {
        return aUserWith();
    }

    static Actor aUserWith(Privilege... privileges) {
        Set<Privilege> set = EnumSet.noneOf(Privilege.class);
        set.addAll(Set.of(privileges));
        return new Actor(UserId.random(), set);
    }

    /** Everything but {@code missing}. */
    static Actor aUserWithEveryPrivilegeBut(Privilege missing) {
        Set<Privilege> set = EnumSet.allOf(Privilege.class);
        set.remove(missing);
        return new Actor(UserId.random(), set);
    }

    // --- patients -------------------------------------------------------------------------------------------------

    static PatientFacts aPatient() {
        return new PatientFacts(PatientId.random(), true, false);
    }

    /** CON-10: a patient who has said they do not want to be recorded. */
    static PatientFacts aPatientWhoObjectsToBeingRecorded() {
        return new PatientFacts(PatientId.random(), true, true);
    }

    /** SAF-4: a patient the host's directory does not know. */
    static PatientFacts anUnknownPatient() {
        return new PatientFacts(PatientId.random(), false, false);
    }

    // --- staff in the room ----------------------------------------------------------------------------------------

    static StaffPresence aNurseWhoDoesNotMind() {
        return new StaffPresence(UserId.random(), false);
    }

    /** STF-1: a staff member who has declined to be recorded. */
    static StaffPresence aNurseWhoDeclinedToBeRecorded() {
        return new StaffPresence(UserId.random(), true);
    }

    // --- the patient's consent decisions --------------------------------------------------------------------------

    static ConsentFact given(RecordingKind kind, Purpose... purposes) {
        return decided(ConsentState.GIVEN, EARLIER, kind, purposes);
    }

    static ConsentFact withheld(RecordingKind kind, Purpose... purposes) {
        return decided(ConsentState.WITHHELD, EARLIER, kind, purposes);
    }

    static ConsentFact withdrawn(RecordingKind kind, Purpose... purposes) {
        return decided(ConsentState.WITHDRAWN, EARLIER, kind, purposes);
    }

    /** The same decision, made at another moment (the latest decision about a kind and purpose wins). */
    static ConsentFact decidedAt(Instant at, ConsentFact fact) {
        return new ConsentFact(fact.id(), fact.kinds(), fact.purposes(), fact.state(), at);
    }

    /** The same consent, withdrawn at {@code at}. */
    static ConsentFact withdrawnAt(Instant at, ConsentFact fact) {
        return new ConsentFact(fact.id(), fact.kinds(), fact.purposes(), ConsentState.WITHDRAWN, at);
    }

    private static ConsentFact decided(ConsentState state, Instant at, RecordingKind kind, Purpose... purposes) {
        return new ConsentFact(ConsentId.random(), Set.of(kind), Set.of(purposes), state, at);
    }
}
