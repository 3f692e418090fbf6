/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.domain;

/** The optimistic-locking contract every store keeps: a change names the version it was made from. */
public final class Versions {

    private Versions() {}

    /**
     * Checks a save.
     *
     * @param stored the stored version, or null when nothing is stored under the id
     * @param given the version the caller read (0 for a new resource)
     * @param what names the resource in the error
     * @throws RuleViolationException VER-1 when the versions disagree
     */
    public static void check(Long stored, long given, String what) {
        long expected = stored == null ? 0 : stored;
        if (expected != given) {
            throw RuleViolationException.of(
                    ErrorCode.VER_1,
                    stored == null
                            ? what + " does not exist yet"
                            : what + " was changed by someone else (version " + stored + ", not " + given + ")",
                    "version");
        }
    }
}
