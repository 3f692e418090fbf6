/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.retention;

class InMemoryRetentionScheduleRepositoryTest extends RetentionScheduleRepositoryContract {

    @Override
    protected RetentionScheduleRepository emptyRepository() {
        return new InMemoryRetentionScheduleRepository();
    }
}
