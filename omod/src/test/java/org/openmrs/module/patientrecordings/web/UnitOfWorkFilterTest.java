/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.EntityManager;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.openmrs.module.patientrecordings.persistence.ConnectionBudget;
import org.openmrs.module.patientrecordings.persistence.Transactions;

/** The filter with a gate: a unit of work starts only once the request is admitted, and its place is given back. */
class UnitOfWorkFilterTest {

    private static final long PATIENCE_SECONDS = 60;

    private final CountingTransactions database = new CountingTransactions();
    private final UnitOfWorkFilter filter =
            new UnitOfWorkFilter(database, new UnitOfWorkGate(new ConnectionBudget(1, 0)));

    @Test
    void aRequestBeyondTheAdmittedStartsItsUnitOfWorkOnlyWhenOneHasEnded() throws Exception {
        CountDownLatch firstInside = new CountDownLatch(1);
        CountDownLatch firstMayEnd = new CountDownLatch(1);
        CountDownLatch secondInside = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread first = request(failure, () -> {
            firstInside.countDown();
            await(firstMayEnd);
        });
        first.start();
        await(firstInside);

        Thread second = request(failure, secondInside::countDown);
        second.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PATIENCE_SECONDS);
        while (second.getState() != Thread.State.WAITING && secondInside.getCount() == 1) {
            assertThat(System.nanoTime())
                    .as("the second request queued in time")
                    .isLessThan(deadline);
            Thread.sleep(5);
        }
        assertThat(secondInside.getCount()).as("the second request waits").isEqualTo(1);
        assertThat(database.unitsOfWork)
                .as("only the first unit of work started")
                .hasValue(1);

        firstMayEnd.countDown();
        assertThat(secondInside.await(PATIENCE_SECONDS, TimeUnit.SECONDS)).isTrue();
        first.join(TimeUnit.SECONDS.toMillis(PATIENCE_SECONDS));
        second.join(TimeUnit.SECONDS.toMillis(PATIENCE_SECONDS));
        assertThat(database.unitsOfWork).hasValue(2);
        assertThat(failure).hasValue(null);
    }

    @Test
    void withEveryTransferPlaceTakenATransferWaitsAndARequestThatIsNotOneRunsAtOnce() throws Exception {
        UnitOfWorkFilter reserving = new UnitOfWorkFilter(database, new UnitOfWorkGate(new ConnectionBudget(2, 0), 1));
        CountDownLatch downloadStreaming = new CountDownLatch(1);
        CountDownLatch downloadMayEnd = new CountDownLatch(1);
        CountDownLatch uploadInside = new CountDownLatch(1);
        CountDownLatch readInside = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread download = request(reserving, get("/Binary/abc-content", Map.of()), failure, () -> {
            downloadStreaming.countDown();
            await(downloadMayEnd);
        });
        download.start();
        await(downloadStreaming);

        Thread upload = request(
                reserving,
                http("POST", "/Media/abc/$binary-access-write", Map.of(), Map.of(), 10),
                failure,
                uploadInside::countDown);
        upload.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PATIENCE_SECONDS);
        while (upload.getState() != Thread.State.WAITING && uploadInside.getCount() == 1) {
            assertThat(System.nanoTime()).as("the upload queued in time").isLessThan(deadline);
            Thread.sleep(5);
        }
        Thread read = request(reserving, get("/Media/abc", Map.of()), failure, readInside::countDown);
        read.start();

        assertThat(readInside.await(PATIENCE_SECONDS, TimeUnit.SECONDS))
                .as("the read runs while the download streams")
                .isTrue();
        read.join(TimeUnit.SECONDS.toMillis(PATIENCE_SECONDS));
        assertThat(uploadInside.getCount())
                .as("the upload waits for the download, though a place is free")
                .isEqualTo(1);
        assertThat(database.unitsOfWork).as("the download's and the read's").hasValue(2);

        downloadMayEnd.countDown();
        assertThat(uploadInside.await(PATIENCE_SECONDS, TimeUnit.SECONDS))
                .as("the upload runs once the download ended")
                .isTrue();
        download.join(TimeUnit.SECONDS.toMillis(PATIENCE_SECONDS));
        upload.join(TimeUnit.SECONDS.toMillis(PATIENCE_SECONDS));
        assertThat(failure).hasValue(null);
    }

    @Test
    void aTransferIsToldFromItsMethodPathAndHeadersAlone() {
        assertThat(Transfers.isTransfer(get("/Binary/abc-content", Map.of()))).isTrue();
        assertThat(Transfers.isTransfer(get("/Binary/abc-content", Map.of("Accept", "video/webm"))))
                .isTrue();
        assertThat(Transfers.isTransfer(get("/Media/abc/$binary-access-read", Map.of())))
                .isTrue();
        assertThat(Transfers.isTransfer(http("POST", "/Media/abc/$binary-access-write", Map.of(), Map.of(), 10)))
                .isTrue();
        assertThat(Transfers.isTransfer(http("PUT", "/Media/abc/$binary-access-write", Map.of(), Map.of(), -1)))
                .isTrue();
        assertThat(Transfers.isTransfer(
                        http("POST", "/Media/abc/$disclose", Map.of("Accept", "application/zip"), Map.of(), 200)))
                .isTrue();
        assertThat(Transfers.isTransfer(
                        http("GET", "/Patient/p/$subject-access", Map.of("Accept", "application/zip"), Map.of(), -1)))
                .isTrue();
        assertThat(Transfers.isTransfer(http("POST", "/Bundle", Map.of(), Map.of(), Transfers.LARGE_BODY_BYTES + 1)))
                .as("a large body on any route")
                .isTrue();

        assertThat(Transfers.isTransfer(get("/Binary/abc-content", Map.of("Accept", "application/fhir+json"))))
                .as("the Binary as FHIR: no bytes")
                .isFalse();
        assertThat(Transfers.isTransfer(http("GET", "/Binary/abc-content", Map.of(), Map.of("_format", "json"), -1)))
                .isFalse();
        assertThat(Transfers.isTransfer(get("/Media/abc", Map.of()))).isFalse();
        assertThat(Transfers.isTransfer(get("/Media", Map.of()))).as("a search").isFalse();
        assertThat(Transfers.isTransfer(http("POST", "/Consent", Map.of(), Map.of(), 2_000)))
                .isFalse();
        assertThat(Transfers.isTransfer(
                        http("POST", "/Media/abc/$disclose", Map.of("Accept", "application/fhir+json"), Map.of(), 200)))
                .as("the Bundle, content by link")
                .isFalse();
        assertThat(Transfers.isTransfer(http("DELETE", "/Media/abc/$binary-access-write", Map.of(), Map.of(), -1)))
                .isFalse();
        assertThat(Transfers.isTransfer(request())).as("not an HTTP request").isFalse();
    }

    @Test
    void aRequestThatFailsGivesItsPlaceBack() throws Exception {
        FilterChain failing = (request, response) -> {
            throw new ServletException("the servlet failed");
        };
        assertThatThrownBy(() -> filter.doFilter(request(), response(), failing))
                .isInstanceOf(ServletException.class)
                .hasMessage("the servlet failed");

        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch inside = new CountDownLatch(1);
        Thread next = request(failure, inside::countDown);
        next.start();

        assertThat(inside.await(PATIENCE_SECONDS, TimeUnit.SECONDS))
                .as("the next request is admitted")
                .isTrue();
        next.join(TimeUnit.SECONDS.toMillis(PATIENCE_SECONDS));
        assertThat(failure).hasValue(null);
    }

    @Test
    void workLeftForAfterTheCommitRunsOnceTheUnitOfWorkHasCommitted() throws Exception {
        ServletRequest request = request();

        filter.doFilter(request, response(), (req, res) -> {
            AfterCommit.run(req, () -> database.events.add("removed the chunks"));
            database.events.add("answered");
        });

        assertThat(database.events).containsExactly("answered", "committed", "removed the chunks");
    }

    @Test
    void workLeftForAfterTheCommitIsDroppedWhenTheRequestFails() {
        FilterChain failing = (req, res) -> {
            AfterCommit.run(req, () -> database.events.add("removed the chunks"));
            throw new ServletException("the servlet failed");
        };

        assertThatThrownBy(() -> filter.doFilter(request(), response(), failing))
                .isInstanceOf(ServletException.class);
        assertThat(database.events).isEmpty();
    }

    @Test
    void workLeftForAfterTheCommitIsDroppedWhenTheAnswerIsAnError() throws Exception {
        HttpServletResponse refused = answering(409, new StringWriter(), new ArrayList<>());

        filter.doFilter(request(), refused, (req, res) -> {
            AfterCommit.run(req, () -> database.events.add("removed the chunks"));
        });

        assertThat(database.events).isEmpty();
    }

    @Test
    void theAnswerLeavesOnlyOnceTheUnitOfWorkHasCommittedSaf4() throws Exception {
        StringWriter sent = new StringWriter();
        HttpServletResponse created = answering(201, sent, database.events);

        filter.doFilter(request(), created, (req, res) -> {
            // As HAPI answers: write the body, then flush and close the writer.
            PrintWriter writer = res.getWriter();
            writer.write("{\"resourceType\":\"Consent\"}");
            writer.flush();
            writer.close();
            res.flushBuffer();
        });

        assertThat(database.events).containsExactly("committed", "flushed", "sent");
        assertThat(sent).hasToString("{\"resourceType\":\"Consent\"}");
    }

    @Test
    void anErrorAnswerLeavesAfterTheRollback() throws Exception {
        List<String> events = new ArrayList<>();
        HttpServletResponse refused = answering(422, new StringWriter(), events);

        filter.doFilter(request(), refused, (req, res) -> {
            res.getWriter().close();
            events.add("servlet ended");
        });

        assertThat(events).containsExactly("servlet ended", "flushed", "sent");
        assertThat(database.events).as("nothing committed").isEmpty();
    }

    /**
     * A response with a status, whose writer writes into {@code sent} and whose flushes, closes and
     * {@code flushBuffer} are noted in {@code events}.
     */
    private static HttpServletResponse answering(int status, StringWriter sent, List<String> events) {
        PrintWriter writer = new PrintWriter(sent) {
            @Override
            public void flush() {
                events.add("flushed");
                super.flush();
            }

            @Override
            public void close() {
                events.add("closed");
                super.close();
            }
        };
        return (HttpServletResponse) Proxy.newProxyInstance(
                UnitOfWorkFilterTest.class.getClassLoader(),
                new Class<?>[] {HttpServletResponse.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getStatus" -> status;
                    case "isCommitted" -> events.contains("sent");
                    case "getBufferSize" -> 8192;
                    case "setBufferSize" -> null;
                    case "getWriter" -> writer;
                    case "flushBuffer" -> events.add("sent") ? null : null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void withoutAUnitOfWorkTheWorkRunsAtOnceAndAFailureIsNotThrown() {
        List<String> done = new ArrayList<>();

        AfterCommit.run(request(), () -> done.add("removed the chunks"));
        AfterCommit.run(request(), () -> {
            throw new IllegalStateException("the store is away");
        });

        assertThat(done).containsExactly("removed the chunks");
    }

    private Thread request(AtomicReference<Throwable> failure, Runnable servlet) {
        return request(filter, request(), failure, servlet);
    }

    private Thread request(
            UnitOfWorkFilter through, ServletRequest request, AtomicReference<Throwable> failure, Runnable servlet) {
        return new Thread(() -> {
            try {
                through.doFilter(request, response(), (req, res) -> servlet.run());
            } catch (Exception | AssertionError e) {
                failure.compareAndSet(null, e);
            }
        });
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(PATIENCE_SECONDS, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A request the filter passes on, with attributes and nothing else. */
    private static ServletRequest request() {
        Map<String, Object> attributes = new HashMap<>();
        return (ServletRequest) Proxy.newProxyInstance(
                UnitOfWorkFilterTest.class.getClassLoader(),
                new Class<?>[] {ServletRequest.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getAttribute" -> attributes.get((String) args[0]);
                    case "setAttribute" -> attributes.put((String) args[0], args[1]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static HttpServletRequest get(String pathInfo, Map<String, String> headers) {
        return http("GET", pathInfo, headers, Map.of(), -1);
    }

    /** An HTTP request to the FHIR servlet: its method, path within it, headers, query parameters and body length. */
    private static HttpServletRequest http(
            String method, String pathInfo, Map<String, String> headers, Map<String, String> parameters, long length) {
        Map<String, Object> attributes = new HashMap<>();
        return (HttpServletRequest) Proxy.newProxyInstance(
                UnitOfWorkFilterTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class},
                (proxy, m, args) -> switch (m.getName()) {
                    case "getAttribute" -> attributes.get((String) args[0]);
                    case "setAttribute" -> attributes.put((String) args[0], args[1]);
                    case "getMethod" -> method;
                    case "getPathInfo" -> pathInfo;
                    case "getHeader" -> headers.get((String) args[0]);
                    case "getParameter" -> parameters.get((String) args[0]);
                    case "getContentLengthLong" -> length;
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    private static ServletResponse response() {
        return nothing(ServletResponse.class);
    }

    /** A servlet object the filter only passes on. */
    private static <T> T nothing(Class<T> type) {
        return type.cast(Proxy.newProxyInstance(
                UnitOfWorkFilterTest.class.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
                    throw new UnsupportedOperationException(method.getName());
                }));
    }

    /** Runs the work at once and counts the units of work started. */
    private static final class CountingTransactions implements Transactions {
        final AtomicInteger unitsOfWork = new AtomicInteger();
        final List<String> events = Collections.synchronizedList(new ArrayList<>());

        @Override
        public <T> T inTransaction(Function<EntityManager, T> work) {
            return work.apply(null);
        }

        @Override
        public <T> T inCurrentTransaction(Function<EntityManager, T> work) {
            return work.apply(null);
        }

        @Override
        public <T> T inUnitOfWork(Supplier<T> call) {
            unitsOfWork.incrementAndGet();
            T result = call.get();
            events.add("committed");
            return result;
        }
    }
}
