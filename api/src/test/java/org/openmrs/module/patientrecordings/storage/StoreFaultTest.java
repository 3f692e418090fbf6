/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.FileSystemException;
import org.junit.jupiter.api.Test;

class StoreFaultTest {

    @Test
    void aFullDiskOrQuotaIs507AndSaysTheStoreIsFull() {
        for (IOException full : new IOException[] {
            new FileSystemException("/store/objects/.x.tmp", null, "No space left on device"),
            new IOException("write failed", new IOException("Disk quota exceeded")),
            new IOException("There is not enough space on the disk")
        }) {
            StoreFault fault = (StoreFault) StoreFault.of(full);
            assertThat(fault.full()).as(full.getMessage()).isTrue();
            assertThat(fault.status()).isEqualTo(507);
            assertThat(fault.getMessage())
                    .startsWith("The content store is full")
                    .contains("changed nothing");
            assertThat(fault.getCause()).isSameAs(full);
        }
    }

    @Test
    void anyOtherFailureOfTheStoreIs503() {
        StoreFault fault = (StoreFault) StoreFault.of(new IOException("S3 upload of objects/ab failed"));
        assertThat(fault.full()).isFalse();
        assertThat(fault.status()).isEqualTo(503);
        assertThat(fault.getMessage())
                .startsWith("The content store is unavailable")
                .doesNotContain("S3");
    }

    @Test
    void refusalsOfTheContentItselfAndFaultsAlreadyClassifiedPassUnchanged() {
        IOException integrity = new ContentIntegrityException("objects/ab", "hash differs", null);
        IOException classified = StoreFault.of(new IOException("gone"));
        assertThat(StoreFault.of(integrity)).isSameAs(integrity);
        assertThat(StoreFault.of(classified)).isSameAs(classified);
    }
}
