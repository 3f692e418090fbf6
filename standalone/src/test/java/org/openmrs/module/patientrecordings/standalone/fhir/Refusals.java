/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.Reason;
import org.openmrs.module.patientrecordings.domain.RuleViolationException;

/** Asserts a refusal by its code and the element it names, never by its text. */
final class Refusals {

    private Refusals() {}

    static void assertRefused(ThrowingCallable call, ErrorCode code, String location) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        RuleViolationException.class,
                        e -> assertThat(e.reasons())
                                .extracting(Reason::code, Reason::location)
                                .containsExactly(tuple(code, location)));
    }
}
