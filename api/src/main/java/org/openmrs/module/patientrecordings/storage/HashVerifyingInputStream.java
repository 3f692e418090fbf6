/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.storage;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A full plaintext read that checks the recorded SHA-256 before it reports the end of the stream: a reader that
 * gets {@code -1} has received exactly the recorded content (SAF-1). Skipping is done by reading, so that every
 * byte is hashed.
 */
final class HashVerifyingInputStream extends FilterInputStream {

    private final CheckedPlaintextChannel channel;
    private final String expectedSha256;
    private final MessageDigest sha256 = Digests.sha256();
    private boolean verified;

    HashVerifyingInputStream(InputStream plaintext, CheckedPlaintextChannel channel, String expectedSha256) {
        super(plaintext);
        this.channel = Objects.requireNonNull(channel, "channel");
        this.expectedSha256 = Objects.requireNonNull(expectedSha256, "expectedSha256");
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        int n = in.read(b, off, len);
        if (n > 0) {
            sha256.update(b, off, n);
        } else if (n < 0 && !verified) {
            String actual = HexFormat.of().formatHex(sha256.digest());
            if (!actual.equals(expectedSha256)) {
                throw channel.hashMismatch(expectedSha256, actual);
            }
            verified = true;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        return skipByReading(n);
    }

    private long skipByReading(long n) throws IOException {
        byte[] scratch = new byte[8192];
        long skipped = 0;
        while (skipped < n) {
            int r = read(scratch, 0, (int) Math.min(scratch.length, n - skipped));
            if (r < 0) {
                break;
            }
            skipped += r;
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public synchronized void mark(int readlimit) {
        // Not supported: a reset would hash bytes twice.
    }

    @Override
    public synchronized void reset() throws IOException {
        throw new IOException("mark/reset not supported");
    }
}
