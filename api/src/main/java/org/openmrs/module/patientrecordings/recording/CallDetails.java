/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.recording;

import java.util.Objects;
import org.openmrs.module.patientrecordings.policy.CallContext.CallType;

/**
 * What a telephone recording stores about its call.
 *
 * @param type the kind of call
 * @param explicitNoticeGiven whether an explicit notice was given at the start (TEL-3)
 */
public record CallDetails(CallType type, boolean explicitNoticeGiven) {

    public CallDetails {
        Objects.requireNonNull(type, "type");
    }
}
