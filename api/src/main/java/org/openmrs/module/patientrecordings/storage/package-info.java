/* SPDX-License-Identifier: MPL-2.0 */
/**
 * The encrypted content store: recording bytes encrypted at rest with Tink's streaming AEAD over a
 * {@link org.openmrs.module.patientrecordings.port.ContentBackend}, streamed in constant memory, verified on every
 * read (SAF-1), rejected whole when oversized or truncated (SAF-4), and swept of leftovers.
 *
 * <p>Write order: temporary object, fsync, atomic commit (here), then the database row (by the caller); the
 * {@link org.openmrs.module.patientrecordings.storage.ContentSweeper} removes what a crash leaves between those
 * steps. Backends live in {@code storage.filesystem} and {@code storage.s3} (the latter needs the optional AWS SDK).
 */
package org.openmrs.module.patientrecordings.storage;
