/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.policy;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One means by which a site tells callers that calls are recorded, with the date it started and, once withdrawn,
 * the date it ended (TEL-2). The site keeps these as its record of informing callers.
 *
 * @param means never null
 * @param description what the notice says or where it is, never blank
 * @param startedOn never null
 * @param endedOn null while the notice is in use; otherwise not before {@code startedOn}
 */
public record TelephoneNotice(NoticeMeans means, String description, LocalDate startedOn, LocalDate endedOn) {

    public TelephoneNotice {
        Objects.requireNonNull(means, "means");
        Objects.requireNonNull(startedOn, "startedOn");
        if (description == null || description.isBlank()) {
            throw new IllegalArgumentException("a telephone notice needs a description");
        }
        if (endedOn != null && endedOn.isBefore(startedOn)) {
            throw new IllegalArgumentException("a telephone notice cannot end before it started");
        }
    }

    /** @return true when the notice was in use on {@code day} */
    public boolean inUseOn(LocalDate day) {
        return !startedOn.isAfter(day) && (endedOn == null || !endedOn.isBefore(day));
    }
}
