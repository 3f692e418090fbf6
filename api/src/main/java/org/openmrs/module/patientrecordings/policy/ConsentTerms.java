/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.policy;

import java.util.List;
import java.util.Set;
import org.openmrs.module.patientrecordings.domain.Purpose;
import org.openmrs.module.patientrecordings.domain.RecordingKind;

/**
 * What the patient was told when asked for consent to a recording (CON-2). Fields may be null or empty here: the
 * consent rules say which are missing, all at once, instead of the first constructor check failing.
 *
 * @param kinds the recording kinds the consent is about
 * @param purposes the purposes of the recording
 * @param audience who will be allowed to see it
 * @param contextOfUse the context in which it will be used
 * @param copiesWillBeMade whether copies will be made (null: the patient was not told)
 * @param storageArrangements how and where it will be stored
 * @param retentionPeriod how long it will be kept
 * @param defenceReason the stated reason when a purpose is only to defend against complaints or litigation
 *     (CON-11), otherwise null
 */
public record ConsentTerms(
        Set<RecordingKind> kinds,
        Set<Purpose> purposes,
        List<String> audience,
        String contextOfUse,
        Boolean copiesWillBeMade,
        String storageArrangements,
        String retentionPeriod,
        String defenceReason) {

    public ConsentTerms {
        kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
        purposes = purposes == null ? Set.of() : Set.copyOf(purposes);
        audience = audience == null
                ? List.of()
                : audience.stream().filter(a -> a != null && !a.isBlank()).toList();
    }
}
