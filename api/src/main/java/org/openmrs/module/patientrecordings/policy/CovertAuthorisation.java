/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.policy;

import java.time.Instant;
import org.openmrs.module.patientrecordings.domain.PatientId;

/**
 * An authorisation for covert recording by staff (COV-1). Fields may be null here: the covert rules list every
 * missing one at once.
 *
 * @param patient whose recording it authorises
 * @param authorisingBody the body that authorised it (e.g. a police force or the trust's senior manager)
 * @param reference its reference
 * @param legalBasis e.g. Regulation of Investigatory Powers Act 2000, or the Regulation of Investigatory Powers
 *     (Scotland) Act 2000
 * @param justification why: to investigate or prosecute a serious crime, or to protect someone from serious harm
 * @param noOtherMeans attested that there is no other means of achieving it
 * @param validFrom start of the period it covers
 * @param validUntil end of the period it covers (exclusive)
 * @param ended true once it has been ended early
 */
public record CovertAuthorisation(
        PatientId patient,
        String authorisingBody,
        String reference,
        String legalBasis,
        CovertJustification justification,
        Boolean noOtherMeans,
        Instant validFrom,
        Instant validUntil,
        boolean ended) {

    /** @return true when the authorisation covers {@code instant} */
    public boolean covers(Instant instant) {
        return !ended
                && validFrom != null
                && validUntil != null
                && !instant.isBefore(validFrom)
                && instant.isBefore(validUntil);
    }

    /** The grounds on which covert recording may be justified (COV-1). */
    public enum CovertJustification {
        INVESTIGATE_SERIOUS_CRIME,
        PROTECT_FROM_SERIOUS_HARM
    }
}
