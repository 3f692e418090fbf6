/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.storage;

import org.openmrs.module.patientrecordings.port.ContentBackend;

/**
 * One stored object of a content stored in parts (a chunk of a chunked upload, encrypted on its own): its key and
 * its plaintext length, in the order of the content.
 *
 * @param key the content key of the part's object
 * @param size the part's plaintext length in bytes, at least 1
 */
public record ContentPart(String key, long size) {

    public ContentPart {
        ContentBackend.requireValidKey(key);
        if (size < 1) {
            throw new IllegalArgumentException("a part holds at least one byte: " + size);
        }
    }
}
