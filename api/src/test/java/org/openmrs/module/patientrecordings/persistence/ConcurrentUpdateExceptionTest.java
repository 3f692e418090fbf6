/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.openmrs.module.patientrecordings.domain.ErrorCode;

class ConcurrentUpdateExceptionTest {

    @Test
    void anIfMatchVersionThatIsNoLongerCurrentIsRefusedWithVER1() {
        assertThatThrownBy(() -> ConcurrentUpdateException.requireVersion("Media/1", 3, 4))
                .isInstanceOfSatisfying(
                        ConcurrentUpdateException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.VER_1));
    }

    @Test
    void theCurrentVersionPasses() {
        assertThatCode(() -> ConcurrentUpdateException.requireVersion("Media/1", 4, 4))
                .doesNotThrowAnyException();
    }
}
