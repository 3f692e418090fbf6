/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.register;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.openmrs.module.patientrecordings.domain.PatientId;
import org.openmrs.module.patientrecordings.domain.UserId;
import org.openmrs.module.patientrecordings.policy.CovertAuthorisation;

/** What the registers say at an instant; read by the services to build rule requests. No privilege checks here. */
public final class RegisterQueries {

    private final RegisterRepository registers;

    public RegisterQueries(RegisterRepository registers) {
        this.registers = Objects.requireNonNull(registers, "registers");
    }

    /** CON-10: whether the patient has a standing objection at {@code at}. */
    public boolean standingObjection(PatientId patient, Instant at) {
        return registers.list(PatientObjection.class).stream()
                .anyMatch(o -> o.patient().equals(patient) && o.activeAt(at));
    }

    /** STF-1: which of these staff object to being recorded at {@code at}. */
    public Set<UserId> objectingStaff(Collection<UserId> staff, Instant at) {
        return registers.list(StaffObjection.class).stream()
                .filter(o -> staff.contains(o.staff()) && o.activeAt(at))
                .map(StaffObjection::staff)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** COV-1: the patient's authorisation covering {@code at}, else their latest one (for the reasons it fails). */
    public Optional<CovertAuthorisation> covertAuthorisation(PatientId patient, Instant at) {
        var forPatient = registers.list(CovertAuthorisationEntry.class).stream()
                .filter(e -> patient.equals(e.authorisation().patient()))
                .map(e -> e.asAt(at))
                .toList();
        return forPatient.stream()
                .filter(a -> a.covers(at))
                .findFirst()
                .or(() -> forPatient.stream()
                        .max(Comparator.comparing(
                                CovertAuthorisation::validFrom, Comparator.nullsFirst(Comparator.naturalOrder()))));
    }

    /** REC-5: whether a legal hold covers the patient's recordings at {@code at}. */
    public boolean underLegalHold(PatientId patient, Instant at) {
        return registers.list(LegalHold.class).stream()
                .anyMatch(h -> h.patient().equals(patient) && h.activeAt(at));
    }
}
