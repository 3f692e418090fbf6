/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.disclosure;

import java.util.List;
import java.util.Objects;
import org.openmrs.module.patientrecordings.audit.StoredAuditEntry;
import org.openmrs.module.patientrecordings.consent.RecordingConsent;
import org.openmrs.module.patientrecordings.domain.RecordingId;
import org.openmrs.module.patientrecordings.recording.Recording;
import org.openmrs.module.patientrecordings.register.Disclosure;

/**
 * What a disclosure (REC-6) or subject-access export (REC-7) produces: each recording in its entirety with its
 * metadata, consent history, integrity hashes and audit trail. The content itself is streamed from the store by the
 * web layer, by each recording's content key, and checked against these hashes.
 *
 * @param disclosure the register entry
 * @param items one per recording disclosed
 * @param withheld recordings left out, with the rule that kept them out (e.g. STF-2 awaiting redaction)
 */
public record DisclosurePackage(Disclosure disclosure, List<Item> items, List<Withheld> withheld) {

    public DisclosurePackage {
        Objects.requireNonNull(disclosure, "disclosure");
        items = List.copyOf(items);
        withheld = List.copyOf(withheld);
    }

    /**
     * One recording in a package.
     *
     * @param recording its metadata, including content hashes
     * @param consent the governing consent with its full history, or null
     * @param auditTrail every recorded access to it, oldest first
     */
    public record Item(Recording recording, RecordingConsent consent, List<StoredAuditEntry> auditTrail) {
        public Item {
            Objects.requireNonNull(recording, "recording");
            auditTrail = List.copyOf(auditTrail);
        }
    }

    /**
     * A recording left out of a subject-access export.
     *
     * @param recording which one
     * @param codes the rules that kept it out
     */
    public record Withheld(RecordingId recording, List<String> codes) {
        public Withheld {
            codes = List.copyOf(codes);
        }
    }
}
