/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.storage;

import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.streamingaead.StreamingAeadConfig;
import java.security.GeneralSecurityException;

/** Registers the Tink key types the store uses, once per class loader (Tink's registration is idempotent). */
final class TinkRegistration {

    static {
        try {
            AeadConfig.register();
            StreamingAeadConfig.register();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private TinkRegistration() {}

    /** Makes sure the static initialiser has run. */
    static void ensureRegistered() {
        // The work happens in the static initialiser.
    }
}
