/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.register;

class InMemoryRegisterRepositoryTest extends RegisterRepositoryContract {

    @Override
    protected RegisterRepository emptyRepository() {
        return new InMemoryRegisterRepository();
    }
}
