/* SPDX-License-Identifier: MPL-2.0 */
/**
 * The encrypted content store: recording bytes encrypted at rest with Tink's streaming AEAD over a
 * {@link org.openmrs.module.patientrecordings.port.ContentBackend}, streamed in constant memory, verified on every
 * read (SAF-1), rejected whole when oversized or truncated (SAF-4), and swept of leftovers.
 *
 * <p>Format: a content stored whole is one object under {@code recordings/<2 hex>/<uuid>}: Tink's streaming AEAD
 * (AES256_GCM_HKDF_1MB segments) over the plaintext, the associated data binding it to its key. A content stored in
 * parts (a completed chunked upload, whose chunks as stored are the content, never read back or written again) is
 * the parts' objects, each such an object of its own, and a list of them under {@code recordings/<2 hex>/<uuid>.parts}
 * ({@link org.openmrs.module.patientrecordings.storage.EncryptedContentStore#writeParts}): the same streaming AEAD,
 * bound to that key by associated data of its own kind, over the UTF-8 text {@code patientrecordings-parts 1} then one
 * line {@code <part key> <plaintext size>} a part, in order. The recording's row carries the list's key, and the
 * SHA-256 and SHA-1 of the whole plaintext, computed as the chunks arrived. Reads of such a content, whole or in
 * ranges, go through the parts in turn, one open at a time, every segment authenticated before a byte of it is
 * returned; a full read checks the whole SHA-256. A part that fails its check, is missing or is another part's copy
 * ends the read with an error, never with wrong bytes. Which parts belong to a content is also kept in the database
 * ({@code patientrecordings_content_part}), so that the sweeper keeps them while a recording refers to the content and
 * disposal erases them all; contents written before this format, assembled into one object, read as ever.
 *
 * <p>Write order: temporary object, fsync, atomic commit (here), then the database row (by the caller); the
 * {@link org.openmrs.module.patientrecordings.storage.ContentSweeper} removes what a crash leaves between those
 * steps. Backends live in {@code storage.filesystem} and {@code storage.s3} (the latter needs the optional AWS SDK).
 */
package org.openmrs.module.patientrecordings.storage;
