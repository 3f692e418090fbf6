/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.port;

import org.openmrs.module.patientrecordings.domain.Actor;

/** Who is acting, with their privileges (SAF-3). */
public interface CurrentUser {

    /**
     * The authenticated user. Throws {@link org.openmrs.module.patientrecordings.domain.RuleViolationException}
     * with SAF-3 when nobody is authenticated.
     */
    Actor get();
}
