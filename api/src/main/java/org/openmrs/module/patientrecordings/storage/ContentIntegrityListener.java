/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.storage;

/**
 * Told when stored content fails its integrity check (SAF-1), so that the audit layer can record it. Called once per
 * opened read, on the reading thread, just before the {@link ContentIntegrityException} is thrown. An exception from
 * the listener does not replace the integrity failure: it is attached to it as suppressed.
 */
@FunctionalInterface
public interface ContentIntegrityListener {

    /** A listener that does nothing. */
    ContentIntegrityListener NONE = failure -> {};

    /** {@code failure} is about to be thrown to the reader. */
    void integrityFailed(ContentIntegrityException failure);
}
