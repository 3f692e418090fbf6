/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.eclipse.jetty.io.ByteBufferPool;
import org.eclipse.jetty.io.RetainableByteBuffer;
import org.junit.jupiter.api.Test;

class WebServerBuffersTest {

    /** The 256 KiB buffer that holds an answer until its unit of work ends is the same one from request to request. */
    @Test
    void theBufferThatHoldsAnAnswerIsReusedByTheNextAnswer() {
        ByteBufferPool pool = WebServer.bufferPool();

        RetainableByteBuffer first = pool.acquire(256 * 1024, true);
        ByteBuffer held = first.getByteBuffer();
        first.release();
        RetainableByteBuffer second = pool.acquire(256 * 1024, true);

        assertThat(second.getByteBuffer()).isSameAs(held);
        second.release();
    }

    /** A buffer larger than any the server asks for is not kept: the pool's memory stays bounded. */
    @Test
    void buffersOverTheLargestPooledSizeAreNotKept() {
        ByteBufferPool pool = WebServer.bufferPool();

        RetainableByteBuffer first = pool.acquire(WebServer.POOLED_BUFFER_BYTES + 1, true);
        ByteBuffer big = first.getByteBuffer();
        first.release();
        RetainableByteBuffer second = pool.acquire(WebServer.POOLED_BUFFER_BYTES + 1, true);

        assertThat(second.getByteBuffer()).isNotSameAs(big);
        second.release();
    }
}
