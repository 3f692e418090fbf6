/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.site;

class InMemorySitePolicyRepositoryTest extends SitePolicyRepositoryContract {

    @Override
    protected SitePolicyRepository emptyRepository() {
        return new InMemorySitePolicyRepository();
    }
}
