/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.register;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.UserId;
import org.openmrs.module.patientrecordings.policy.CovertAuthorisation;

/**
 * What the registers say at an instant; read by the services to build rule requests. No privilege checks here. The
 * recording workflow also enters the breaches of site policy it meets (PAT-3) through it. Each
 * question is a search of the register's store ({@link RegisterRepository#search}), narrowed to the patient or staff
 * member and to entries in force, rather than a read of the whole register.
 */
public final class RegisterQueries {

    private final RegisterRepository registers;

    public RegisterQueries(RegisterRepository registers) {
        this.registers = Objects.requireNonNull(registers, "registers");
    }

    /** CON-10: whether the patient has a standing objection at {@code at}. */
    public boolean standingObjection(PatientId patient, Instant at) {
        return !registers
                .search(PatientObjection.class, inForceFor(patient, null), at, 0, 1)
                .entries()
                .isEmpty();
    }

    /** STF-1: which of these staff object to being recorded at {@code at}. */
    public Set<UserId> objectingStaff(Collection<UserId> staff, Instant at) {
        return staff.stream()
                .distinct()
                .filter(s -> !registers
                        .search(StaffObjection.class, inForceFor(null, s), at, 0, 1)
                        .entries()
                        .isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** COV-1: the patient's authorisation covering {@code at}, else their latest one (for the reasons it fails). */
    public Optional<CovertAuthorisation> covertAuthorisation(PatientId patient, Instant at) {
        RegisterFilter forPatient = new RegisterFilter(patient, null, null, null, null, null, null, null);
        var authorisations =
                registers.search(CovertAuthorisationEntry.class, forPatient, at, 0, RegisterPage.ALL).entries().stream()
                        .map(e -> e.asAt(at))
                        .toList();
        return authorisations.stream()
                .filter(a -> a.covers(at))
                .findFirst()
                .or(() -> authorisations.stream()
                        .max(Comparator.comparing(
                                CovertAuthorisation::validFrom, Comparator.nullsFirst(Comparator.naturalOrder()))));
    }

    /**
     * PAT-3: enters a patient's recording made in a no-filming area on the register of site-policy breaches. The one
     * entry made by the recording workflow itself, within the start it belongs to; no privilege is needed beyond
     * starting the recording.
     */
    public SitePolicyBreach recordBreach(SitePolicyBreach breach) {
        return registers.save(breach);
    }

    /** REC-5: whether a legal hold covers the patient's recordings at {@code at}. */
    public boolean underLegalHold(PatientId patient, Instant at) {
        return !registers
                .search(LegalHold.class, inForceFor(patient, null), at, 0, 1)
                .entries()
                .isEmpty();
    }

    /** REC-5: the legal holds that cover the patient's recordings at {@code at}. */
    public List<LegalHold> holdsInForce(PatientId patient, Instant at) {
        return registers
                .search(LegalHold.class, inForceFor(patient, null), at, 0, RegisterPage.ALL)
                .entries();
    }

    private static RegisterFilter inForceFor(PatientId patient, UserId staff) {
        return new RegisterFilter(patient, staff, null, null, true, null, null, null);
    }
}
