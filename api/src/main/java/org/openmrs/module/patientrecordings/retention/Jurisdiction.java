/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.retention;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A legal jurisdiction whose records-retention schedule applies to a site (REC-2, POL-1), named by a stable code
 * such as {@code ENGLAND}.
 *
 * <p>Not an enum: a site may configure a schedule for a jurisdiction this module does not ship, and the code is what
 * policy files, the destruction register and rule ids carry.
 *
 * @param code upper-case letters, digits and underscores, starting with a letter (for example {@code ENGLAND},
 *     {@code NORTHERN_IRELAND})
 */
public record Jurisdiction(String code) {

    // Declared before ENGLAND: static fields initialise in order and the constructor needs it.
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");

    /** England: the jurisdiction of the REC-2 defaults, {@link RetentionSchedules#england()}. */
    public static final Jurisdiction ENGLAND = new Jurisdiction("ENGLAND");

    /**
     * @throws NullPointerException if {@code code} is null
     * @throws IllegalArgumentException if {@code code} is not of the documented form
     */
    public Jurisdiction {
        Objects.requireNonNull(code, "jurisdiction code");
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("a jurisdiction code is 1 to 64 upper-case letters, digits or"
                    + " underscores starting with a letter, not '" + code + "'");
        }
    }

    /** Same as the constructor; reads better at call sites. */
    public static Jurisdiction of(String code) {
        return new Jurisdiction(code);
    }

    @Override
    public String toString() {
        return code;
    }
}
