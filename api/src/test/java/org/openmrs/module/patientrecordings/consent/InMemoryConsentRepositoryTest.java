/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.consent;

class InMemoryConsentRepositoryTest extends ConsentRepositoryContract {

    @Override
    protected ConsentRepository emptyRepository() {
        return new InMemoryConsentRepository();
    }
}
