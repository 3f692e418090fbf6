/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.storage;

import java.nio.channels.SeekableByteChannel;

/**
 * A read-only plaintext view of stored content that authenticates what it returns: of one object ({@link
 * VerifiedPlaintextChannel}) or of the ordered objects of a content stored in parts ({@link PartsChannel}).
 */
interface CheckedPlaintextChannel extends SeekableByteChannel {

    /** Reports a plaintext hash that differs from the recorded one, as any other integrity failure. */
    ContentIntegrityException hashMismatch(String expected, String actual);
}
