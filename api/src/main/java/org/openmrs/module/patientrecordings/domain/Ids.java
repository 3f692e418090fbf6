/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.domain;

import java.util.Objects;

/** Checks shared by the identifier records. */
final class Ids {

    private Ids() {}

    static String require(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isBlank() || value.length() > 255) {
            throw new IllegalArgumentException(what + " must be 1 to 255 non-blank characters");
        }
        return value;
    }
}
