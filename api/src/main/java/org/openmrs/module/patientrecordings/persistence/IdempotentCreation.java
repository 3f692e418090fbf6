/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.persistence;

import java.util.Objects;

/**
 * The result of a conditional create.
 *
 * @param value what was created, or what had been created before under the same key; never null
 * @param created true when this call created it (FHIR answers 201), false when it existed (200)
 */
public record IdempotentCreation<T>(T value, boolean created) {

    public IdempotentCreation {
        Objects.requireNonNull(value, "value");
    }
}
