/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Set;
import java.util.stream.Collectors;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.Reason;
import org.openmrs.module.patientrecordings.domain.RuleViolationException;

/** Catches a refusal and hands back its codes, so tests assert codes and never message text. */
public final class Refusals {

    private Refusals() {}

    /** The error codes of the refusal {@code call} must end in. */
    public static Set<ErrorCode> refusalCodes(ThrowingCallable call) {
        RuleViolationException refusal = catchThrowableOfType(RuleViolationException.class, call);
        assertThat(refusal).as("expected the request to be refused").isNotNull();
        return refusal.decision().reasons().stream()
                .filter(Reason::isError)
                .map(Reason::code)
                .collect(Collectors.toUnmodifiableSet());
    }
}
