/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.web.fhir;

import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.FifoMemoryPagingProvider;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openmrs.module.patientrecordings.access.AccessGuard;
import org.openmrs.module.patientrecordings.audit.AuditAction;
import org.openmrs.module.patientrecordings.domain.Actor;
import org.openmrs.module.patientrecordings.domain.Decision;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.Reason;
import org.openmrs.module.patientrecordings.domain.RuleViolationException;
import org.openmrs.module.patientrecordings.domain.UserId;

/**
 * SAF-3 and COV-2 for paging links: HAPI keeps a search's results to serve its next pages, computed when the search
 * ran, under its user's privileges (covert recordings only for the covert privilege, each hit audited, SAF-2). A
 * paging link followed by someone else would show them that user's results, unchecked and unaudited. Each stored
 * search is therefore bound to the user who ran it; anyone else is answered as for a search that has expired (HAPI's
 * 410, so the link tells them nothing), and the attempt is audited as a refusal.
 */
final class UserBoundPaging extends FifoMemoryPagingProvider {

    private final AccessGuard guard;
    private final Map<String, UserId> owners;

    /**
     * @param size how many searches are kept; the oldest is forgotten first, with its owner
     */
    UserBoundPaging(int size, AccessGuard guard) {
        super(size);
        this.guard = guard;
        this.owners = new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, UserId> eldest) {
                return size() > size;
            }
        };
    }

    @Override
    public synchronized String storeResultList(RequestDetails request, IBundleProvider results) {
        String id = super.storeResultList(request, results);
        owners.put(id, guard.actor().user());
        return id;
    }

    @Override
    public synchronized IBundleProvider retrieveResultList(RequestDetails request, String id) {
        IBundleProvider results = super.retrieveResultList(request, id);
        if (results == null) {
            return null;
        }
        Actor actor = guard.actor();
        if (actor.user().equals(owners.get(id))) {
            return results;
        }
        try {
            guard.enforce(
                    Decision.of(List.of(Reason.error(
                            ErrorCode.SAF_3, "The paging link belongs to another user's search", "_getpages"))),
                    AccessGuard.Subject.of(actor, AuditAction.REFUSED, null, null)
                            .withDetail("paging link of another user's search"));
        } catch (RuleViolationException refused) {
            // Audited; answered as an expired search, so that the link reveals nothing.
        }
        return null;
    }
}
