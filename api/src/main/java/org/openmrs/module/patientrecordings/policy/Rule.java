/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.policy;

import java.util.List;
import org.openmrs.module.patientrecordings.domain.Reason;

/**
 * One named rule over a request: returns the reasons it refuses or warns, or an empty list when it has nothing
 * to say. A rule never throws for a request that passed its record's own validation.
 *
 * @param <R> the request type
 */
@FunctionalInterface
public interface Rule<R> {

    List<Reason> check(R request);
}
