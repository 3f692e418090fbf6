/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.storage;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** The digests the store computes; every Java platform has both, so their absence is a broken runtime. */
final class Digests {

    private Digests() {}

    static MessageDigest sha256() {
        return named("SHA-256");
    }

    static MessageDigest sha1() {
        return named("SHA-1");
    }

    private static MessageDigest named(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The Java platform lacks " + algorithm, e);
        }
    }
}
