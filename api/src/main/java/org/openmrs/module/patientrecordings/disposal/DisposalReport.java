/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.disposal;

import java.util.List;
import org.openmrs.module.patientrecordings.register.DestructionEntry;

/**
 * What one retention sweep did (REC-4).
 *
 * @param examined the recordings looked at
 * @param destroyed the destruction-register entries written, one per recording destroyed; copied
 * @param objectsErased the stored objects erased from the content store (contents, every part of a content kept in parts, and upload chunks)
 * @param partsRemoved the committed chunks of unfinished uploads forgotten
 * @param kept the recordings due that the rules kept (a legal hold, REC-5), each refusal audited
 */
public record DisposalReport(
        int examined, List<DestructionEntry> destroyed, int objectsErased, int partsRemoved, int kept) {

    public DisposalReport {
        destroyed = List.copyOf(destroyed);
    }
}
