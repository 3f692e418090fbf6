/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.register;

import java.time.Instant;

/**
 * An entry of one of the registers the rules depend on. Entries are never deleted: an entry that no longer applies
 * is ended, and stays on the register.
 */
public sealed interface RegisterEntry
        permits StaffObjection,
                PatientObjection,
                CovertAuthorisationEntry,
                LegalHold,
                DestructionEntry,
                Disclosure,
                SitePolicyBreach {

    /** Stable identifier, unique within its register. */
    String id();

    /** When the entry stopped applying, or null while it applies. */
    Instant endedAt();

    default boolean activeAt(Instant instant) {
        return endedAt() == null || endedAt().isAfter(instant);
    }
}
