/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.openmrs.service;

import java.util.List;
import org.openmrs.api.context.Context;

/**
 * The module's Spring beans, for what OpenMRS creates outside Spring: the servlets, the filter, the AOP advice and
 * the scheduled sweep. Each type the module registers is registered once, so a lookup by type is exact.
 */
public final class ModuleComponents {

    private ModuleComponents() {}

    /**
     * The one bean of a type.
     *
     * @throws IllegalStateException when the context has none or several, naming the type
     */
    public static <T> T the(Class<T> type) {
        List<T> found = Context.getRegisteredComponents(type);
        if (found.size() != 1) {
            throw new IllegalStateException("Patient Recordings expects one " + type.getName()
                    + " in the OpenMRS application context, found " + found.size());
        }
        return found.get(0);
    }
}
