/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The pool size at which the admitted threads can never wait on each other for a connection. */
class ConnectionBudgetTest {

    @ParameterizedTest
    @CsvSource({"1, 0, 3", "1, 1, 5", "10, 1, 23", "40, 1, 83", "1000, 0, 2001"})
    void thePoolHasTwoConnectionsPerThreadAndOneMore(int unitsOfWork, int background, int poolSize) {
        assertThat(new ConnectionBudget(unitsOfWork, background).poolSize()).isEqualTo(poolSize);
    }

    @Test
    void whenEveryThreadWaitsHoldingAllButItsLastConnectionOneIsStillFree() {
        for (int units = 1; units <= 50; units++) {
            for (int background = 0; background <= 3; background++) {
                ConnectionBudget budget = new ConnectionBudget(units, background);
                int heldByWaiters = (units + background) * (ConnectionBudget.CONNECTIONS_PER_THREAD - 1);

                assertThat(budget.poolSize() - heldByWaiters)
                        .as("free connections with %d units of work and %d background threads", units, background)
                        .isEqualTo(1);
            }
        }
    }

    @Test
    void aBudgetAdmitsAtLeastOneUnitOfWorkAndNoAbsurdNumber() {
        assertThatThrownBy(() -> new ConnectionBudget(0, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 to 1000, not 0");
        assertThatThrownBy(() -> new ConnectionBudget(1001, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not 1001");
        assertThatThrownBy(() -> new ConnectionBudget(1, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("background threads");
    }
}
