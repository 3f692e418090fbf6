/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import org.junit.jupiter.api.Test;
import org.openmrs.module.patientrecordings.standalone.LoadDriver.Load;

class WrkTest {

    @Test
    void readsTheRateThePercentilesInTheirUnitsAndEveryFailedAnswer() {
        Load load = Wrk.parse("""
                Running 3s test @ http://127.0.0.1:8080/fhir/Media/ec12aa6b
                  2 threads and 16 connections
                  Thread Stats   Avg      Stdev     Max   +/- Stdev
                    Latency    15.02ms    7.92ms  80.00ms   80.32%
                    Req/Sec   548.52    159.10     0.88k    70.00%
                  Latency Distribution
                     50%  913.64us
                     75%   18.31ms
                     90%   24.18ms
                     99%    1.20s
                  3287 requests in 3.01s, 9.18MB read
                  Socket errors: connect 0, read 2, write 1, timeout 4
                  Non-2xx or 3xx responses: 5
                Requests/sec:   1091.51
                Transfer/sec:      3.05MB
                """);

        assertThat(load.perSecond()).isEqualTo(1091.51);
        assertThat(load.p50Millis()).isEqualTo(0.91364, offset(1e-9));
        assertThat(load.p99Millis()).isEqualTo(1200.0);
        assertThat(load.errors()).isEqualTo(12);
        assertThat(load.calls()).isEqualTo(3287);
    }

    @Test
    void aReportWithoutItsLatencyDistributionIsRefused() {
        assertThatThrownBy(() -> Wrk.parse("unable to connect to 127.0.0.1:8080 Connection refused\n"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Connection refused");
    }
}
