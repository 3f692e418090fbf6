/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.persistence.register;

import java.util.Map;
import java.util.Optional;
import org.openmrs.module.patientrecordings.register.CovertAuthorisationEntry;
import org.openmrs.module.patientrecordings.register.DestructionEntry;
import org.openmrs.module.patientrecordings.register.Disclosure;
import org.openmrs.module.patientrecordings.register.LegalHold;
import org.openmrs.module.patientrecordings.register.PatientObjection;
import org.openmrs.module.patientrecordings.register.RegisterEntry;
import org.openmrs.module.patientrecordings.register.SitePolicyBreach;
import org.openmrs.module.patientrecordings.register.StaffObjection;

/** The stored names of the registers, the values of {@code entry_type}. Stable: renaming a class keeps its name. */
final class RegisterEntryTypes {

    private static final Map<Class<? extends RegisterEntry>, String> NAMES = Map.of(
            StaffObjection.class, "STAFF_OBJECTION",
            PatientObjection.class, "PATIENT_OBJECTION",
            CovertAuthorisationEntry.class, "COVERT_AUTHORISATION",
            LegalHold.class, "LEGAL_HOLD",
            DestructionEntry.class, "DESTRUCTION",
            Disclosure.class, "DISCLOSURE",
            SitePolicyBreach.class, "SITE_POLICY_BREACH");

    private RegisterEntryTypes() {}

    /** @return the stored name of an entry class; empty for any other class, such as the interface itself */
    static Optional<String> name(Class<?> type) {
        return Optional.ofNullable(NAMES.get(type));
    }

    /** @return the entry class of a stored name; empty for a name this version does not know */
    static Optional<Class<? extends RegisterEntry>> type(String name) {
        return NAMES.entrySet().stream()
                .filter(e -> e.getValue().equals(name))
                .<Class<? extends RegisterEntry>>map(Map.Entry::getKey)
                .findFirst();
    }
}
