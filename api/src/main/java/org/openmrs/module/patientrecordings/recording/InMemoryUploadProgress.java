/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.recording;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.openmrs.module.patientrecordings.domain.RecordingId;

/**
 * Upload progress in this process's memory: it holds for one server instance until it stops. A host with a database
 * keeps the progress there instead, so that uploads resume across restarts and instances. Thread-safe.
 */
public final class InMemoryUploadProgress implements UploadProgress {

    private final Map<RecordingId, List<UploadPart>> uploads = new ConcurrentHashMap<>();
    private final Map<String, List<String>> contents = new ConcurrentHashMap<>();

    @Override
    public List<UploadPart> parts(RecordingId recording) {
        Objects.requireNonNull(recording, "recording");
        List<UploadPart> parts = uploads.get(recording);
        if (parts == null) {
            return List.of();
        }
        synchronized (parts) {
            return List.copyOf(parts);
        }
    }

    @Override
    public long offset(RecordingId recording) {
        Objects.requireNonNull(recording, "recording");
        List<UploadPart> parts = uploads.get(recording);
        if (parts == null) {
            return 0;
        }
        synchronized (parts) {
            return parts.isEmpty() ? 0 : parts.get(parts.size() - 1).end();
        }
    }

    @Override
    public long append(UploadPart part) {
        Objects.requireNonNull(part, "part");
        uploads.compute(part.recording(), (id, committed) -> {
            List<UploadPart> parts = committed == null ? new ArrayList<>() : committed;
            UploadProgress.checkFollows(
                    parts.isEmpty() ? Optional.empty() : Optional.of(parts.get(parts.size() - 1)), part);
            synchronized (parts) {
                parts.add(part);
            }
            return parts;
        });
        return part.end();
    }

    @Override
    public void finish(RecordingId recording) {
        Objects.requireNonNull(recording, "recording");
        uploads.remove(recording);
    }

    @Override
    public void complete(RecordingId recording, String contentKey) {
        Objects.requireNonNull(recording, "recording");
        Objects.requireNonNull(contentKey, "contentKey");
        List<UploadPart> parts = uploads.remove(recording);
        if (parts != null) {
            synchronized (parts) {
                contents.put(contentKey, parts.stream().map(UploadPart::key).toList());
            }
        }
    }

    @Override
    public List<String> contentParts(String contentKey) {
        return contents.getOrDefault(Objects.requireNonNull(contentKey, "contentKey"), List.of());
    }

    @Override
    public void forgetContent(String contentKey) {
        contents.remove(Objects.requireNonNull(contentKey, "contentKey"));
    }
}
