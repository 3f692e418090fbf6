/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.recording;

import java.util.List;
import java.util.Optional;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.RecordingId;
import org.openmrs.module.patientrecordings.domain.RuleViolationException;

/**
 * The progress of chunked uploads: which chunks of a recording's content are committed, so that a client can append
 * the next chunk, or resume after a broken connection, through any server instance and after a restart. {@link
 * InMemoryUploadProgress} keeps it in memory (tests, embedded use); a host with a database keeps it there ({@code
 * persistence.recording.JpaUploadProgress}), so that every instance on the database sees the same progress.
 *
 * <p>The parts form a contiguous run from offset 0: a part must start where the committed ones end. Of two appends
 * racing at the same offset, exactly one is committed; the other is refused with SAF-4 and its stored chunk is
 * referenced by nothing. While a recording is in progress its parts count as referenced for the content sweeper;
 * once it is no longer in progress, they do not, unless its upload completed: then they are the parts of its content
 * ({@link #complete}), referenced as long as the recording refers to that content.
 */
public interface UploadProgress {

    /** @return the committed parts of the recording's upload in progress, in order; empty when there is none */
    List<UploadPart> parts(RecordingId recording);

    /** @return where the next chunk starts: the number of bytes committed so far */
    long offset(RecordingId recording);

    /**
     * Commits a part (in the thread's unit of work, when there is one). The work does not grow with the number of
     * parts committed before: only the last one is compared with the new one.
     *
     * @return where the next chunk starts: the end of this part
     * @throws RuleViolationException SAF-4 when the part does not start where the committed parts end (another part
     *     took its place first included), or has another content type than they have
     */
    long append(UploadPart part);

    /** Forgets the parts of a recording whose upload is abandoned or whose content is erased. */
    void finish(RecordingId recording);

    /**
     * Records the committed parts of the recording's upload as the parts of the content stored under {@code
     * contentKey} (its list of parts), in the unit of work that attaches that content to the recording, and forgets
     * them as an upload in progress: the chunks as stored are the content, kept until it is erased. The work is done
     * where the parts are kept, without reading them back.
     */
    void complete(RecordingId recording, String contentKey);

    /**
     * @return the keys of the stored parts of the content under {@code contentKey} ({@link #complete}), in order;
     *     empty for a content stored whole
     */
    List<String> contentParts(String contentKey);

    /** Forgets the parts recorded for the content under {@code contentKey}, whose objects are erased. */
    void forgetContent(String contentKey);

    /**
     * Checks that {@code next} may follow the last committed part (every committed part has the content type the
     * first one had, as each was checked against its predecessor).
     *
     * @param last the last committed part, or empty when none is
     * @throws RuleViolationException SAF-4 as {@link #append} describes
     */
    static void checkFollows(Optional<UploadPart> last, UploadPart next) {
        long expected = last.map(UploadPart::end).orElse(0L);
        if (next.start() != expected) {
            throw startsElsewhere(next.start(), expected);
        }
        if (last.isPresent() && !last.get().contentType().equals(next.contentType())) {
            throw RuleViolationException.of(
                    ErrorCode.SAF_4,
                    "The upload began as " + last.get().contentType() + ", not " + next.contentType(),
                    "Content-Type");
        }
    }

    /** @return the SAF-4 refusal of a chunk that starts at {@code start} when the next byte expected is another */
    static RuleViolationException startsElsewhere(long start, long expected) {
        return RuleViolationException.of(
                ErrorCode.SAF_4,
                "This chunk starts at " + start + "; the next byte expected is " + expected,
                "Content-Range");
    }
}
