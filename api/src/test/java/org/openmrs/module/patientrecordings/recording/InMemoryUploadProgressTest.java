/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.recording;

class InMemoryUploadProgressTest extends UploadProgressContract {

    @Override
    protected UploadProgress emptyProgress() {
        return new InMemoryUploadProgress();
    }
}
