/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.audit;

import java.util.Objects;

/** The result of checking an audit log's hash chain: intact, or broken at a first place. */
public sealed interface ChainVerification permits ChainVerification.Intact, ChainVerification.Broken {

    default boolean intact() {
        return this instanceof Intact;
    }

    /**
     * Every entry hashes to its stored hash, names its predecessor's hash, follows it without a gap, and the last
     * entry is the one the chain head records.
     *
     * @param head the verified head; a site may copy its hash elsewhere, so that even rewriting the whole chain
     *     is noticed
     */
    record Intact(AuditChainHead head) implements ChainVerification {
        public Intact {
            Objects.requireNonNull(head, "head");
        }
    }

    /**
     * The first place where the chain does not hold. Entries after it are not checked: once a link is broken,
     * what follows cannot be trusted either.
     *
     * @param sequence the sequence number where the chain breaks
     * @param kind how it breaks
     * @param explanation what was expected and what was found, for an auditor
     */
    record Broken(long sequence, ChainBreak kind, String explanation) implements ChainVerification {
        public Broken {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(explanation, "explanation");
        }
    }
}
