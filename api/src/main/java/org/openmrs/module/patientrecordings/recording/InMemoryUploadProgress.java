/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.recording;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.openmrs.module.patientrecordings.domain.RecordingId;

/**
 * Upload progress in this process's memory: it holds for one server instance until it stops. A host with a database
 * keeps the progress there instead, so that uploads resume across restarts and instances. Thread-safe.
 */
public final class InMemoryUploadProgress implements UploadProgress {

    private final Map<RecordingId, List<UploadPart>> uploads = new ConcurrentHashMap<>();

    @Override
    public List<UploadPart> parts(RecordingId recording) {
        Objects.requireNonNull(recording, "recording");
        return uploads.getOrDefault(recording, List.of());
    }

    @Override
    public long offset(RecordingId recording) {
        List<UploadPart> parts = parts(recording);
        return parts.isEmpty() ? 0 : parts.get(parts.size() - 1).end();
    }

    @Override
    public List<UploadPart> append(UploadPart part) {
        Objects.requireNonNull(part, "part");
        return uploads.compute(part.recording(), (id, committed) -> {
            List<UploadPart> parts = committed == null ? List.of() : committed;
            UploadProgress.checkFollows(parts, part);
            List<UploadPart> next = new ArrayList<>(parts);
            next.add(part);
            return List.copyOf(next);
        });
    }

    @Override
    public void finish(RecordingId recording) {
        Objects.requireNonNull(recording, "recording");
        uploads.remove(recording);
    }
}
