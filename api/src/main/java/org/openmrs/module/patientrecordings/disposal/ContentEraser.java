/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.disposal;

/** Destroys stored content by its key. The content store implements it; it must be idempotent. */
@FunctionalInterface
public interface ContentEraser {

    void erase(String contentKey);
}
