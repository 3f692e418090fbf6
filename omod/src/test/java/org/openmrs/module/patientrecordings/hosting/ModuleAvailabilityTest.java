/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.hosting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModuleAvailabilityTest {

    private final List<ModuleAvailability.Failure> reported = new ArrayList<>();
    private final ModuleAvailability availability = new ModuleAvailability(reported::add);

    @Test
    void aStepThatWorksLeavesTheModuleAvailable() {
        assertThat(availability.start("open the content keys", () -> "keys")).contains("keys");
        assertThat(availability.available()).isTrue();
        assertThat(reported).isEmpty();
    }

    @Test
    void aFailedStepMakesTheModuleUnavailableAndIsReportedOnce() {
        ExceptionInInitializerError clash = new ExceptionInInitializerError(new IllegalStateException(
                "Detected incompatible Protobuf Gencode/Runtime versions: gencode 4.33.6," + " runtime 4.31.1"));

        boolean started = availability.run("start the FHIR endpoint", () -> {
            throw clash;
        });

        assertThat(started).isFalse();
        assertThat(availability.available()).isFalse();
        assertThat(reported).hasSize(1);
        assertThat(reported.get(0).message())
                .startsWith("could not start the FHIR endpoint: ExceptionInInitializerError")
                .contains("caused by IllegalStateException: Detected incompatible Protobuf")
                .contains("runtime 4.31.1");
    }

    @Test
    void afterAFailureLaterStepsDoNotRunAndNothingMoreIsReported() {
        availability.start("open the content keys", () -> {
            throw new IOException("master-key.json is readable by others");
        });
        List<String> ran = new ArrayList<>();

        boolean started = availability.run("start the administration API", () -> ran.add("admin"));
        availability.fail("start the FHIR endpoint", new IllegalStateException("second"));

        assertThat(started).isFalse();
        assertThat(ran).isEmpty();
        assertThat(reported).hasSize(1);
        assertThat(availability.failure().orElseThrow().message())
                .isEqualTo("could not open the content keys: IOException: master-key.json is readable by others");
    }

    @Test
    void aRestartForgetsTheFailure() {
        availability.fail("open the content keys", new IOException("missing"));

        availability.reset();

        assertThat(availability.available()).isTrue();
        assertThat(availability.start("open the content keys", () -> 1)).contains(1);
    }

    @Test
    void theVirtualMachinesOwnErrorsAreNotKept() {
        assertThatThrownBy(() -> availability.start("start", () -> {
                    throw new OutOfMemoryError("heap");
                }))
                .isInstanceOf(OutOfMemoryError.class);
        assertThat(availability.available()).isTrue();
    }
}
