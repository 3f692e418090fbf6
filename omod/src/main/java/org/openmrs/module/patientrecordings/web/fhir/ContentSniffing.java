/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.web.fhir;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * SAF-4: the first bytes of an upload must not contradict its declared {@code Content-Type}. A recognised signature
 * of another kind of media (a PNG declared as {@code video/webm}), or of something that is no recording at all (a PDF,
 * an executable, an archive, markup that can carry script, a shell script), is refused before the upload is
 * committed. Containers that hold audio or video alike (WebM, MP4, Ogg) fit either; content without a signature we
 * know is accepted as declared.
 */
final class ContentSniffing {

    /** Enough for every signature below: MP4's brand ends at byte 12. */
    static final int HEAD = 12;

    private static final Set<String> IMAGE = Set.of("image");
    private static final Set<String> AUDIO = Set.of("audio");
    private static final Set<String> VIDEO = Set.of("video");
    private static final Set<String> AUDIO_OR_VIDEO = Set.of("audio", "video");
    private static final Set<String> NOT_MEDIA = Set.of();
    private static final List<String> MARKUP =
            List.of("<!doctype", "<html", "<?xml", "<svg", "<script", "<head", "<body", "<iframe");

    private ContentSniffing() {}

    /**
     * @param head the content's first bytes, up to {@value #HEAD} (fewer when the content is shorter)
     * @param declared the declared media type, e.g. {@code video/webm}
     * @return what is wrong, or empty when the bytes fit the declared type or are not recognised
     */
    static Optional<String> problem(byte[] head, String declared) {
        Optional<Signature> sniffed = sniff(head);
        if (sniffed.isEmpty()) {
            return Optional.empty();
        }
        Signature signature = sniffed.get();
        if (signature.families().isEmpty()) {
            return Optional.of("The content is " + signature.name() + ", not a recording");
        }
        String family = declared.toLowerCase(Locale.ROOT).split("/", 2)[0];
        return signature.families().contains(family)
                ? Optional.empty()
                : Optional.of("The content is " + signature.name() + ", not " + declared + " as declared");
    }

    private static Optional<Signature> sniff(byte[] head) {
        if (startsWith(head, 0, 0x89, 'P', 'N', 'G')) {
            return Signature.of("a PNG image", IMAGE);
        }
        if (startsWith(head, 0, 0xFF, 0xD8, 0xFF)) {
            return Signature.of("a JPEG image", IMAGE);
        }
        if (ascii(head, 0, "GIF8")) {
            return Signature.of("a GIF image", IMAGE);
        }
        if (ascii(head, 0, "RIFF")) {
            return ascii(head, 8, "WEBP")
                    ? Signature.of("a WebP image", IMAGE)
                    : ascii(head, 8, "WAVE")
                            ? Signature.of("WAV audio", AUDIO)
                            : ascii(head, 8, "AVI ") ? Signature.of("AVI video", VIDEO) : Optional.empty();
        }
        if (startsWith(head, 0, 0x1A, 0x45, 0xDF, 0xA3)) {
            return Signature.of("WebM (Matroska)", AUDIO_OR_VIDEO);
        }
        if (ascii(head, 4, "ftyp")) {
            String brand = head.length >= 12 ? new String(head, 8, 4, StandardCharsets.ISO_8859_1) : "";
            return Set.of("heic", "heix", "mif1", "msf1", "avif").contains(brand)
                    ? Signature.of("a HEIF image", IMAGE)
                    : Signature.of("MP4 (ISO media)", AUDIO_OR_VIDEO);
        }
        if (ascii(head, 0, "OggS")) {
            return Signature.of("Ogg", AUDIO_OR_VIDEO);
        }
        if (ascii(head, 0, "ID3") || ascii(head, 0, "fLaC")) {
            return Signature.of("audio (MP3 or FLAC)", AUDIO);
        }
        return notMedia(head);
    }

    private static Optional<Signature> notMedia(byte[] head) {
        if (ascii(head, 0, "%PDF")) {
            return Signature.of("a PDF document", NOT_MEDIA);
        }
        // A Windows program's DOS header as linkers write it: "MZ" alone is too short to tell from noise.
        if (startsWith(head, 0, 'M', 'Z', 0x90, 0x00) || startsWith(head, 0, 0x7F, 'E', 'L', 'F')) {
            return Signature.of("an executable program", NOT_MEDIA);
        }
        if (startsWith(head, 0, 'P', 'K', 0x03, 0x04)) {
            return Signature.of("a ZIP archive", NOT_MEDIA);
        }
        if (ascii(head, 0, "#!/")) {
            return Signature.of("a script", NOT_MEDIA);
        }
        String text = new String(
                        head, firstSignificant(head), head.length - firstSignificant(head), StandardCharsets.ISO_8859_1)
                .toLowerCase(Locale.ROOT);
        if (MARKUP.stream().anyMatch(text::startsWith)) {
            return Signature.of("markup (HTML, XML or SVG), which can carry script", NOT_MEDIA);
        }
        return Optional.empty();
    }

    /** Past a UTF-8 byte order mark and white space. */
    private static int firstSignificant(byte[] head) {
        int i = startsWith(head, 0, 0xEF, 0xBB, 0xBF) ? 3 : 0;
        while (i < head.length && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n')) {
            i++;
        }
        return i;
    }

    private static boolean ascii(byte[] head, int at, String text) {
        return startsWith(head, at, text.chars().toArray());
    }

    private static boolean startsWith(byte[] head, int at, int... bytes) {
        if (head.length < at + bytes.length) {
            return false;
        }
        for (int i = 0; i < bytes.length; i++) {
            if ((head[at + i] & 0xFF) != bytes[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * What a signature says the content is.
     *
     * @param name for people, e.g. "a PNG image"
     * @param families the media type families it fits; empty for no recording at all
     */
    private record Signature(String name, Set<String> families) {
        static Optional<Signature> of(String name, Set<String> families) {
            return Optional.of(new Signature(name, families));
        }
    }

    /**
     * The body of an upload's first chunk, checked once its first {@value #HEAD} bytes (or all, if fewer) have been
     * read: a contradiction ends the stream with {@link BoundedUpload.Rejected}, which makes the store discard what it
     * wrote.
     */
    static final class Checked extends FilterInputStream {

        private final String declared;
        private final byte[] head = new byte[HEAD];
        private int seen;
        private boolean checked;

        Checked(InputStream body, String declared) {
            super(body);
            this.declared = declared;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (!checked) {
                if (n > 0) {
                    int copied = Math.min(n, HEAD - seen);
                    System.arraycopy(b, off, head, seen, copied);
                    seen += copied;
                }
                if (n < 0 || seen == HEAD) {
                    checked = true;
                    Optional<String> problem = problem(Arrays.copyOf(head, seen), declared);
                    if (problem.isPresent()) {
                        throw new BoundedUpload.Rejected(problem.get(), null);
                    }
                }
            }
            return n;
        }
    }
}
