/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.fhir;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.openmrs.module.patientrecordings.domain.ConsentState;
import org.openmrs.module.patientrecordings.domain.UserId;
import org.openmrs.module.patientrecordings.policy.CovertAuthorisation;
import org.openmrs.module.patientrecordings.policy.LegalAuthority;
import org.openmrs.module.patientrecordings.policy.NoticeMeans;

/**
 * What a recording's Media shows that the recording itself does not hold: facts of the registers, the governing
 * consent and the site policy, gathered by the caller in one go (translators never look anything up).
 *
 * @param governingConsentState the state of the governing consent, or null when there is none
 * @param legalHolds the holds in force on the patient's recordings (REC-5); empty when none
 * @param covertAuthorisation the authorisation a covert recording was made under (COV-1), or null
 * @param callNotices how the site tells callers (TEL-2), for telephone recordings; empty otherwise
 * @param contentBase prefix of {@code Media.content.url}: the server base with a trailing slash, or "" for a
 *     relative {@code Binary/...} url
 */
public record MediaContext(
        ConsentState governingConsentState,
        List<Hold> legalHolds,
        Covert covertAuthorisation,
        List<NoticeMeans> callNotices,
        String contentBase) {

    public MediaContext {
        legalHolds = List.copyOf(legalHolds);
        callNotices = List.copyOf(callNotices);
        Objects.requireNonNull(contentBase, "contentBase");
    }

    /** No holds, no covert authorisation, no notices, relative content urls. */
    public static MediaContext none() {
        return new MediaContext(null, List.of(), null, List.of(), "");
    }

    public MediaContext withContentBase(String base) {
        return new MediaContext(governingConsentState, legalHolds, covertAuthorisation, callNotices, base);
    }

    /**
     * A legal hold as a Media shows it.
     *
     * @param matter complaint, claim, investigation, court order or regulator
     * @param reference the case reference
     * @param placed when it was placed
     * @param placedBy who placed it, or null
     */
    public record Hold(LegalAuthority matter, String reference, Instant placed, UserId placedBy) {}

    /**
     * A covert authorisation as a Media shows it.
     *
     * @param authorisation what was authorised
     * @param recordedBy who recorded it
     */
    public record Covert(CovertAuthorisation authorisation, UserId recordedBy) {}
}
