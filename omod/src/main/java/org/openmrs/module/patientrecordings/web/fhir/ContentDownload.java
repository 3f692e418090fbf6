/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.web.fhir;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.NoSuchFileException;
import java.util.Optional;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.RecordingId;
import org.openmrs.module.patientrecordings.domain.RuleViolationException;
import org.openmrs.module.patientrecordings.policy.UseAction;
import org.openmrs.module.patientrecordings.recording.RecordedContent;
import org.openmrs.module.patientrecordings.recording.Recording;
import org.openmrs.module.patientrecordings.recording.UseContext;
import org.openmrs.module.patientrecordings.storage.StoreFault;

/**
 * Streams a recording's content as raw bytes in constant memory. The access is allowed and audited by the service
 * before the first byte leaves (SAF-2): a range is audited as playing, the whole as a download. {@code ETag} is the
 * SHA-256 of the plaintext; {@code Range} gets 206 and only the needed segments are decrypted; a tampered segment
 * ends the response with an error, never with wrong bytes (the store's guarantee, SAF-1).
 */
final class ContentDownload {

    private static final int BUFFER = 64 * 1024;

    private final FhirServerDependencies services;

    ContentDownload(FhirServerDependencies services) {
        this.services = services;
    }

    void stream(RecordingId id, HttpServletRequest request, HttpServletResponse response) throws IOException {
        String rangeHeader = request.getHeader("Range");
        UseAction action = rangeHeader == null ? UseAction.DOWNLOAD : UseAction.PLAY;
        Recording recording = services.recordings().use(id, UseContext.directCare(action));
        RecordedContent content = recording.content();
        if (content == null) {
            throw RuleViolationException.of(ErrorCode.NF_1, "Recording " + id + " has no content", "content");
        }
        String etag = "\"" + content.sha256() + "\"";
        response.setHeader("ETag", etag);
        response.setHeader("Accept-Ranges", "bytes");
        response.setHeader("Cache-Control", "private, no-store");
        if (etag.equals(request.getHeader("If-None-Match"))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        Optional<ByteRange> range;
        try {
            range = ifRangeMatches(request, etag) ? ByteRange.parse(rangeHeader, content.size()) : Optional.empty();
        } catch (ByteRange.Unsatisfiable e) {
            response.setStatus(HttpServletResponse.SC_REQUESTED_RANGE_NOT_SATISFIABLE);
            response.setHeader("Content-Range", "bytes */" + content.size());
            return;
        }
        RawResponses.binaryContentType(response, content.contentType());
        try (InputStream in = open(content, range)) {
            if (range.isPresent()) {
                response.setStatus(HttpServletResponse.SC_PARTIAL_CONTENT);
                response.setHeader("Content-Range", range.get().contentRange(content.size()));
                response.setContentLengthLong(range.get().length());
            } else {
                response.setStatus(HttpServletResponse.SC_OK);
                response.setContentLengthLong(content.size());
            }
            copy(in, response.getOutputStream());
        }
    }

    /** Opens the content; a store that cannot be read is answered 503 ({@link StoreFault}), before any byte is sent. */
    private InputStream open(RecordedContent content, Optional<ByteRange> range) throws IOException {
        try {
            return range.isPresent()
                    ? services.content()
                            .openRange(
                                    content.key(),
                                    range.get().first(),
                                    range.get().length())
                    : services.content().open(content.key(), content.sha256());
        } catch (NoSuchFileException missing) {
            // The store answered, and the object is not there: not a passing fault of the store.
            throw missing;
        } catch (IOException e) {
            throw StoreFault.of(e);
        }
    }

    /** If-Range with another validator means the client's copy is stale: send everything. */
    private static boolean ifRangeMatches(HttpServletRequest request, String etag) {
        String ifRange = request.getHeader("If-Range");
        return ifRange == null || ifRange.equals(etag);
    }

    private static void copy(InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[BUFFER];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            out.write(buffer, 0, n);
        }
        out.flush();
    }
}
