/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.web.fhir;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.RecordingId;
import org.openmrs.module.patientrecordings.domain.RuleViolationException;

/**
 * The chunks of uploads in progress, so that an in-browser recording can send its content as it is captured and
 * resume after a broken connection: each chunk is committed (encrypted) on its own, and the content is assembled
 * from them once the last one arrives. Kept in this server's memory: a restart loses the bookkeeping (the chunks
 * themselves are swept by the store's sweeper), so the client starts over.
 */
final class UploadSessions {

    private final Map<RecordingId, Session> sessions = new ConcurrentHashMap<>();

    /** Bytes received so far for a recording: where the next chunk starts. */
    long offset(RecordingId id) {
        Session s = sessions.get(id);
        return s == null ? 0 : s.size();
    }

    /**
     * Adds a committed chunk that starts at {@code offset}.
     *
     * @throws RuleViolationException SAF-4 when it does not start where the last one ended, or changes the type
     */
    synchronized Session append(RecordingId id, long offset, String contentType, ContentStore.Stored chunk) {
        Session s = sessions.getOrDefault(id, new Session(contentType, List.of()));
        if (offset != s.size()) {
            throw RuleViolationException.of(
                    ErrorCode.SAF_4,
                    "This chunk starts at " + offset + "; the next byte expected is " + s.size(),
                    "Content-Range");
        }
        if (!s.contentType().equals(contentType)) {
            throw RuleViolationException.of(
                    ErrorCode.SAF_4, "The upload began as " + s.contentType() + ", not " + contentType, "Content-Type");
        }
        List<ContentStore.Stored> parts = new ArrayList<>(s.parts());
        parts.add(chunk);
        Session next = new Session(contentType, parts);
        sessions.put(id, next);
        return next;
    }

    /** Forgets a recording's chunks once its content is assembled or its upload abandoned. */
    void finish(RecordingId id) {
        sessions.remove(id);
    }

    /**
     * An upload in progress.
     *
     * @param contentType the type of every chunk
     * @param parts the chunks in order
     */
    record Session(String contentType, List<ContentStore.Stored> parts) {
        long size() {
            return parts.stream().mapToLong(ContentStore.Stored::size).sum();
        }
    }
}
