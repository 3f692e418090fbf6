/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.ingest;

import org.junit.jupiter.api.AfterAll;
import org.openmrs.module.patientrecordings.persistence.Database;
import org.openmrs.module.patientrecordings.persistence.Transactions;
import org.openmrs.module.patientrecordings.persistence.spring.HostHibernate;

/**
 * The content references contract with the references and the recordings running in a host's Spring transactions
 * ({@code SpringTransactions}), as inside OpenMRS, where the content sweep asks them.
 */
abstract class SpringDatabaseContentReferencesContract extends DatabaseContentReferencesContract {

    private HostHibernate host;

    @Override
    Transactions transactions(Database emptied) {
        if (host == null) {
            host = new HostHibernate(emptied);
        }
        return host.transactions();
    }

    @AfterAll
    void closeHost() {
        if (host != null) {
            host.close();
        }
    }
}
