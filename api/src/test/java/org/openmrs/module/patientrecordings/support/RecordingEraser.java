/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.support;

import java.util.ArrayList;
import java.util.List;
import org.openmrs.module.patientrecordings.disposal.ContentEraser;

/** A content store's eraser that remembers what it erased. */
public final class RecordingEraser implements ContentEraser {

    private final List<String> erased = new ArrayList<>();

    @Override
    public synchronized void erase(String contentKey) {
        erased.add(contentKey);
    }

    public synchronized List<String> erased() {
        return List.copyOf(erased);
    }
}
