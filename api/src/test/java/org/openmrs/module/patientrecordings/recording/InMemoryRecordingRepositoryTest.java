/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.recording;

import java.time.Clock;

class InMemoryRecordingRepositoryTest extends RecordingRepositoryContract {

    @Override
    protected RecordingRepository emptyRepository(Clock clock) {
        return new InMemoryRecordingRepository(clock);
    }
}
