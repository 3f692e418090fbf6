/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.openmrs.port;

import java.util.function.Supplier;
import org.openmrs.api.context.Context;

/**
 * Runs a host read or write with OpenMRS proxy privileges. The module decides who may act (SAF-3, audited); the
 * host lookups behind a permitted action (the patient, the encounter, the note concept) are infrastructure and must
 * not fail because a clinician lacks, say, "Get Concepts".
 */
final class HostPrivileges {

    private HostPrivileges() {}

    /**
     * Runs {@code work} with the given OpenMRS privileges added to the current user context, and removes them
     * afterwards whatever happens.
     */
    static <T> T with(Supplier<T> work, String... privileges) {
        for (String privilege : privileges) {
            Context.addProxyPrivilege(privilege);
        }
        try {
            return work.get();
        } finally {
            for (String privilege : privileges) {
                Context.removeProxyPrivilege(privilege);
            }
        }
    }
}
