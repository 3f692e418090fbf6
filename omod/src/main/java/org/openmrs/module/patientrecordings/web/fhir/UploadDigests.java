/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.web.fhir;

import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openmrs.module.patientrecordings.domain.RecordingId;
import org.openmrs.module.patientrecordings.recording.UploadPart;

/**
 * The SHA-256 and SHA-1 of each chunked upload so far, carried from chunk to chunk in this server's memory, so that
 * the digests of the whole content are known when its last chunk arrives without reading a byte back. A state
 * belongs to the exact chunks it has digested (their store keys, each of which names the bytes it was written from):
 * it is used only for the chunks committed, in that order. When this server lacks it (a restart, a chunk through
 * another server, a request whose unit of work did not commit), the digests are computed once, at completion, from
 * the parts read back. At most {@value #MAX_UPLOADS} uploads are followed; the least recently used is dropped first.
 * Thread-safe.
 */
final class UploadDigests {

    static final int MAX_UPLOADS = 1024;

    private final Map<RecordingId, Running> running = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<RecordingId, Running> eldest) {
            return size() > MAX_UPLOADS;
        }
    };

    /**
     * @return digests to continue with from {@code offset}: fresh at 0, a copy of this server's state when it ends
     *     there, otherwise empty
     */
    synchronized Optional<Running> continuing(RecordingId id, long offset) {
        if (offset == 0) {
            return Optional.of(new Running(0, List.of(), sha256(), sha1()));
        }
        Running state = running.get(id);
        return state != null && state.end == offset ? Optional.of(state.copy()) : Optional.empty();
    }

    /** Keeps {@code state} as the upload's, once the chunk it has digested is committed. */
    synchronized void keep(RecordingId id, Running state) {
        running.put(id, state);
    }

    /** Forgets the upload's state: it is complete, or no longer continues from this server's state. */
    synchronized void forget(RecordingId id) {
        running.remove(id);
    }

    /**
     * @return the digests of the whole content when this server's state has digested exactly {@code parts}; removed
     *     either way
     */
    synchronized Optional<Running> whole(RecordingId id, List<UploadPart> parts) {
        Running state = running.remove(id);
        if (state == null
                || !state.keys.equals(parts.stream().map(UploadPart::key).toList())) {
            return Optional.empty();
        }
        return Optional.of(state);
    }

    /**
     * The digests of {@code parts}, read back through the store: each part authenticated as it is read, and checked
     * against its own SHA-256 when it has one (SAF-1); a part is read to its recorded size, and one whose content is
     * shorter is refused.
     */
    static Running readBack(ContentStore store, List<UploadPart> parts) throws IOException {
        Running state = new Running(0, List.of(), sha256(), sha1());
        byte[] buffer = new byte[64 * 1024];
        for (UploadPart part : parts) {
            try (InputStream in = state.digesting(read(store, part))) {
                while (in.read(buffer) >= 0) {
                    // digested as read
                }
            }
            state = state.after(part.key(), part.end());
        }
        return state;
    }

    private static InputStream read(ContentStore store, UploadPart part) throws IOException {
        if (part.hasDigests()) {
            return store.open(part.key(), part.sha256());
        }
        try {
            return store.openRange(part.key(), 0, part.size());
        } catch (IllegalArgumentException e) {
            throw new IOException(
                    "The stored chunk " + part.key() + " is shorter than its recorded " + part.size() + " bytes", e);
        }
    }

    /** The digests of an upload's first {@code end} bytes, made of the chunks stored under {@code keys}. */
    static final class Running {
        private final long end;
        private final List<String> keys;
        private final MessageDigest sha256;
        private final MessageDigest sha1;

        private Running(long end, List<String> keys, MessageDigest sha256, MessageDigest sha1) {
            this.end = end;
            this.keys = keys;
            this.sha256 = sha256;
            this.sha1 = sha1;
        }

        /** The digests to update with the next chunk's bytes ({@link ContentStore#write(InputStream, List)}). */
        List<MessageDigest> digests() {
            return List.of(sha256, sha1);
        }

        /** @return {@code body}, digesting what is read from it into these digests */
        InputStream digesting(InputStream body) {
            return new DigestInputStream(new DigestInputStream(body, sha256), sha1);
        }

        /** @return the state once the chunk stored under {@code key}, ending at {@code newEnd}, has been digested */
        Running after(String key, long newEnd) {
            List<String> more = new ArrayList<>(keys.size() + 1);
            more.addAll(keys);
            more.add(key);
            return new Running(newEnd, List.copyOf(more), sha256, sha1);
        }

        String sha256Hex() throws IOException {
            return hex(sha256);
        }

        String sha1Hex() throws IOException {
            return hex(sha1);
        }

        private static String hex(MessageDigest digest) throws IOException {
            try {
                return HexFormat.of().formatHex(((MessageDigest) digest.clone()).digest());
            } catch (CloneNotSupportedException e) {
                throw new IOException("cannot finish a copy of " + digest.getAlgorithm(), e);
            }
        }

        private Running copy() {
            try {
                return new Running(end, keys, (MessageDigest) sha256.clone(), (MessageDigest) sha1.clone());
            } catch (CloneNotSupportedException e) {
                throw new IllegalStateException("the platform's digests cannot be copied", e);
            }
        }
    }

    private static MessageDigest sha256() {
        return named("SHA-256");
    }

    private static MessageDigest sha1() {
        return named("SHA-1");
    }

    private static MessageDigest named(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The Java platform lacks " + algorithm, e);
        }
    }
}
