/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.recording;

class InMemoryRecordingRepositoryTest extends RecordingRepositoryContract {

    @Override
    protected RecordingRepository emptyRepository() {
        return new InMemoryRecordingRepository();
    }
}
