/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.web.fhir;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openmrs.module.patientrecordings.access.AccessGuard.Subject;
import org.openmrs.module.patientrecordings.audit.AuditAction;
import org.openmrs.module.patientrecordings.domain.Decision;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.Privilege;
import org.openmrs.module.patientrecordings.domain.RecordingId;
import org.openmrs.module.patientrecordings.domain.RecordingState;
import org.openmrs.module.patientrecordings.domain.RuleViolationException;
import org.openmrs.module.patientrecordings.policy.Privileges;
import org.openmrs.module.patientrecordings.recording.RecordedContent;
import org.openmrs.module.patientrecordings.recording.Recording;
import org.openmrs.module.patientrecordings.recording.RecordingService;
import org.openmrs.module.patientrecordings.recording.UploadPart;
import org.openmrs.module.patientrecordings.recording.UploadProgress;
import org.openmrs.module.patientrecordings.storage.StoreFault;

/**
 * Streams an upload from the raw request body into the encrypted store, whole or chunk by chunk.
 *
 * <ul>
 *   <li>Whole: {@code POST [base]/Media/{id}/$binary-access-write} with {@code Content-Type} and the bytes.
 *   <li>Chunked and resumable: each chunk with {@code Content-Range: bytes first-last/total} ({@code /*} while the
 *       total is unknown); a chunk must start where the last one ended (the response's {@code Upload-Offset}), and
 *       the content is complete when the chunk that reaches the total arrives: the chunks as stored, each encrypted
 *       on its own, are the content, in order. The committed chunks are kept by the host's {@link UploadProgress}:
 *       in the database, an upload continues on any instance and after a restart.
 * </ul>
 *
 * The content type must match the recording's media type; an upload larger than the limit, larger or smaller than
 * announced, or cut off is refused with SAF-4 and leaves nothing behind.
 */
final class ContentUpload {

    /**
     * At most 18 digits a position, so that every position and length fits a {@code long}: a chunk of an exabyte is
     * refused as oversized anyway.
     */
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes ([0-9]{1,18})-([0-9]{1,18})/([0-9]{1,18}|\\*)");

    /** {@code filename="a b"}, {@code filename=ab} or {@code filename*=UTF-8''a%20b} (RFC 6266). */
    private static final Pattern FILE_NAME = Pattern.compile("(?i)filename(\\*)?\\s*=\\s*(?:\"([^\"]*)\"|([^;\\s]*))");

    private static final Pattern CONTENT_RANGE_SHAPE = Pattern.compile("bytes [0-9]+-[0-9]+/([0-9]+|\\*)");

    private final FhirServerDependencies services;
    private final UploadProgress progress;
    private final long maxBytes;
    private final UploadDigests digests = new UploadDigests();

    /**
     * @param progress the committed chunks of each upload in progress: in the database when the host has one, so that
     *     an upload continues on any instance and after a restart
     */
    ContentUpload(FhirServerDependencies services, UploadProgress progress, long maxBytes) {
        this.services = services;
        this.progress = progress;
        this.maxBytes = maxBytes;
    }

    /**
     * @return the recording, with its content once the upload is complete, and the next byte expected
     * @throws RuleViolationException SAF-3, LIF-1, SAF-4 as described
     */
    Uploaded upload(RecordingId id, HttpServletRequest request) throws IOException {
        Recording recording = services.recordings().known(id);
        checkAllowed(recording);
        String contentType = contentType(request, recording);
        checkFileName(request.getHeader("Content-Disposition"));
        Chunk chunk = chunk(request.getHeader("Content-Range"), request.getContentLengthLong(), maxBytes);
        // Refused before a byte is stored; the append checks again against what is committed then.
        long offset = progress.offset(id);
        if (chunk.first() != offset) {
            throw UploadProgress.startsElsewhere(chunk.first(), offset);
        }
        InputStream body = new BoundedUpload(request.getInputStream(), chunk.length(), maxBytes - chunk.first());
        // Content in one piece (one POST, or one chunk that is the whole) has digests of its own and no others. A
        // chunk this server's digests of the whole run on through has none of its own: the parts are read back only
        // if those digests are lost, and each is authenticated as it is read. Otherwise the chunk has its own.
        Optional<UploadDigests.Running> running =
                chunk.single() ? Optional.empty() : digests.continuing(id, chunk.first());
        ContentStore.Stored stored =
                write(chunk.first() == 0 ? new ContentSniffing.Checked(body, contentType) : body, running);
        long received;
        try {
            received = progress.append(new UploadPart(
                    id, chunk.first(), stored.size(), contentType, stored.key(), stored.sha256(), stored.sha1()));
        } catch (RuntimeException e) {
            // Referenced by nothing: another chunk took its place, or the type changed.
            services.content().delete(stored.key());
            throw e;
        }
        if (running.isPresent()) {
            digests.keep(id, running.get().after(stored.key(), received));
        } else if (!chunk.single()) {
            digests.forget(id);
        }
        if (!chunk.last(received)) {
            return new Uploaded(recording, received);
        }
        // Read once per upload, in the request's unit of work that holds the recording's turn.
        return new Uploaded(attach(id, contentType, progress.parts(id)), received);
    }

    private ContentStore.Stored write(InputStream body, Optional<UploadDigests.Running> running) throws IOException {
        try {
            return running.isPresent()
                    ? services.content().writePart(body, running.get().digests())
                    : services.content().write(body);
        } catch (BoundedUpload.Rejected e) {
            throw invalid(e.getMessage(), "content");
        } catch (IOException e) {
            // Not the client's body (that is Rejected): the store's own failure, 507 when full, else 503.
            throw StoreFault.of(e);
        }
    }

    /**
     * Records the content on the recording, in the request's unit of work. The content of one chunk is that chunk's
     * stored object. The content of several chunks is those chunks as stored, in order: the store records the list of
     * their keys under a key of its own, which the recording carries, and the upload's parts become the content's
     * parts ({@link UploadProgress#complete}); no byte is read back or written again. The digests of the whole are
     * this server's, carried from chunk to chunk ({@link UploadDigests}), or, when it lacks them (a restart, or
     * chunks through another server), computed once by reading the parts back.
     */
    private Recording attach(RecordingId id, String contentType, List<UploadPart> parts) throws IOException {
        if (parts.size() == 1 && parts.get(0).hasDigests()) {
            digests.forget(id);
            UploadPart part = parts.get(0);
            Recording saved = services.recordings()
                    .attachContent(
                            id, new RecordedContent(part.key(), contentType, part.size(), part.sha256(), part.sha1()));
            progress.finish(id);
            return saved;
        }
        ContentStore.Stored whole = inParts(id, parts);
        try {
            Recording saved = services.recordings()
                    .attachContent(
                            id,
                            new RecordedContent(whole.key(), contentType, whole.size(), whole.sha256(), whole.sha1()));
            progress.complete(id, whole.key());
            return saved;
        } catch (RuntimeException e) {
            // Only the list of parts: the parts stay the upload's, for the client to complete it again.
            services.content().delete(whole.key());
            throw e;
        }
    }

    private ContentStore.Stored inParts(RecordingId id, List<UploadPart> parts) throws IOException {
        try {
            Optional<UploadDigests.Running> carried = digests.whole(id, parts);
            UploadDigests.Running whole =
                    carried.isPresent() ? carried.get() : UploadDigests.readBack(services.content(), parts);
            return services.content()
                    .writeParts(
                            parts.stream()
                                    .map(p -> new ContentStore.Stored(p.key(), p.size(), p.sha256(), p.sha1()))
                                    .toList(),
                            whole.sha256Hex(),
                            whole.sha1Hex());
        } catch (IOException e) {
            throw StoreFault.of(e);
        }
    }

    private void checkAllowed(Recording recording) {
        var actor = services.guard().actor();
        Subject subject = Subject.of(actor, AuditAction.UPDATE, recording.patient(), recording.id())
                .withDetail("content upload");
        // Refused before a byte is stored: the service checks again when the content is attached.
        services.guard().enforce(Decision.of(Privileges.check(actor, Privilege.CREATE_RECORDINGS)), subject);
        if (recording.state() != RecordingState.IN_PROGRESS) {
            services.guard()
                    .enforce(
                            RuleViolationException.of(
                                            ErrorCode.LIF_1,
                                            "Content can be added only while the recording is in progress, not "
                                                    + recording.state(),
                                            "status")
                                    .decision(),
                            subject);
        }
    }

    private static String contentType(HttpServletRequest request, Recording recording) {
        String header = request.getContentType();
        String family = recording.mediaType().name().toLowerCase(Locale.ROOT) + "/";
        if (header == null || !header.toLowerCase(Locale.ROOT).startsWith(family)) {
            throw invalid(
                    "A " + recording.mediaType().name().toLowerCase(Locale.ROOT) + " recording needs content of type "
                            + family + "*, not " + header,
                    "Content-Type");
        }
        String type = header.split(";")[0].trim().toLowerCase(Locale.ROOT);
        if (!recording.fitsDeclaredType(type)) {
            throw invalid(RecordingService.declaredTypeProblem(recording, type), "Content-Type");
        }
        return type;
    }

    /**
     * The share of the content a request announces, checked against the limit before a byte is read.
     *
     * @param contentRange the {@code Content-Range} header, or null for the whole content
     * @param contentLength the {@code Content-Length}, or -1 when unannounced (chunked transfer)
     * @throws RuleViolationException SAF-4 for a malformed range, one that is not a range of the content, a length
     *     that does not match it, or an upload over the limit
     */
    static Chunk chunk(String contentRange, long contentLength, long maxBytes) {
        Chunk chunk = chunk(contentRange, contentLength);
        if (chunk.first() + chunk.length() > maxBytes || (chunk.total() > maxBytes)) {
            throw invalid("Oversized upload: the limit is " + maxBytes + " bytes", "Content-Length");
        }
        return chunk;
    }

    private static Chunk chunk(String contentRange, long contentLength) {
        if (contentRange == null) {
            if (contentLength == 0) {
                throw invalid("Empty upload: a recording's content has at least one byte", "Content-Length");
            }
            return new Chunk(0, contentLength, contentLength, true);
        }
        Matcher m = CONTENT_RANGE.matcher(contentRange.trim());
        if (!m.matches()) {
            if (CONTENT_RANGE_SHAPE.matcher(contentRange.trim()).matches()) {
                throw invalid(
                        "Oversized upload: Content-Range " + contentRange + " lies beyond any limit", "Content-Range");
            }
            throw invalid("Content-Range must be bytes first-last/total or bytes first-last/*", "Content-Range");
        }
        long first = Long.parseLong(m.group(1));
        long last = Long.parseLong(m.group(2));
        long total = "*".equals(m.group(3)) ? -1 : Long.parseLong(m.group(3));
        if (last < first || (total >= 0 && last >= total)) {
            throw invalid("Content-Range " + contentRange + " is not a range of the content", "Content-Range");
        }
        if (contentLength >= 0 && contentLength != last - first + 1) {
            throw invalid(
                    "Content-Length " + contentLength + " does not match Content-Range " + contentRange,
                    "Content-Length");
        }
        return new Chunk(first, last - first + 1, total, false);
    }

    /**
     * The content is stored under a key of the server's own; a file name the client sends is at most a name, never a
     * path: one with a directory, {@code ..} or a control character is refused rather than passed on.
     */
    static void checkFileName(String contentDisposition) {
        if (contentDisposition == null) {
            return;
        }
        Matcher m = FILE_NAME.matcher(contentDisposition);
        while (m.find()) {
            String name = m.group(2) != null ? m.group(2) : m.group(3);
            if (m.group(1) != null) {
                name = extendedValue(name);
            }
            // What a lenient reader could take for the name: the parameter's whole text, from its '=' to the next
            // ';', the charset and language of an extended value included.
            int from = contentDisposition.indexOf('=', m.start()) + 1;
            int end = contentDisposition.indexOf(';', from);
            String whole = contentDisposition
                    .substring(from, end < 0 ? contentDisposition.length() : end)
                    .replace("\"", "")
                    .strip();
            // Some clients percent-decode even a plain file name: a name is safe only if it is so either way.
            if (!safeFileName(name)
                    || !safeFileName(decodedIfEncoded(name))
                    || !whole.isEmpty() && (!safeFileName(whole) || !safeFileName(decodedIfEncoded(whole)))) {
                throw invalid(
                        "Content-Disposition names a path or an unsafe file name, not a file name: " + name,
                        "Content-Disposition");
            }
        }
    }

    private static boolean safeFileName(String name) {
        return !name.isBlank()
                && !name.contains("/")
                && !name.contains("\\")
                && !name.contains("..")
                && name.chars().noneMatch(Character::isISOControl);
    }

    private static String decodedIfEncoded(String name) {
        try {
            return URLDecoder.decode(name.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return name;
        }
    }

    /** RFC 8187: {@code charset'language'percent-encoded}; a + is itself. */
    private static String extendedValue(String value) {
        try {
            return URLDecoder.decode(
                    value.replaceFirst("^[^']*'[^']*'", "").replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid("Content-Disposition filename* is not percent-encoded: " + value, "Content-Disposition");
        }
    }

    private static RuleViolationException invalid(String message, String location) {
        return RuleViolationException.of(ErrorCode.SAF_4, message, location);
    }

    /**
     * What a request's upload left.
     *
     * @param recording the recording, with its content once the upload is complete
     * @param next the next byte the server expects: the size of what is committed
     */
    record Uploaded(Recording recording, long next) {}

    /**
     * One request's share of the content.
     *
     * @param first its first byte
     * @param length its length, or -1 when unannounced (a whole upload in chunked transfer)
     * @param total the whole content's size, or -1 while unknown
     * @param whole whether the request carries the whole content
     */
    record Chunk(long first, long length, long total, boolean whole) {
        boolean last(long received) {
            return whole || (total >= 0 && received == total);
        }

        /** Whether the request carries the whole content: one POST, or a first chunk that reaches the total. */
        boolean single() {
            return whole || (first == 0 && total >= 0 && length == total);
        }
    }
}
