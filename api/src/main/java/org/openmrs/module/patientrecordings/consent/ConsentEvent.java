/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.consent;

import java.time.Instant;
import java.util.Objects;
import org.openmrs.module.patientrecordings.domain.ConsentId;
import org.openmrs.module.patientrecordings.domain.RecordingId;
import org.openmrs.module.patientrecordings.domain.UserId;

/**
 * One decision in a consent's history. History is only ever appended to.
 *
 * @param type what was decided
 * @param at when
 * @param by who recorded it
 * @param recording the recording a post-recording confirmation or refusal is about, or null
 * @param comment what the patient said or why, or null
 * @param successor for {@link ConsentEventType#SUPERSEDED}: the later consent that replaced this one; otherwise null
 */
public record ConsentEvent(
        ConsentEventType type, Instant at, UserId by, RecordingId recording, String comment, ConsentId successor) {

    /** A decision that names no successor. */
    public ConsentEvent(ConsentEventType type, Instant at, UserId by, RecordingId recording, String comment) {
        this(type, at, by, recording, comment, null);
    }

    public ConsentEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(by, "by");
        if ((type == ConsentEventType.SUPERSEDED) != (successor != null)) {
            throw new IllegalArgumentException("a consent superseded, and only that, names its successor");
        }
    }
}
