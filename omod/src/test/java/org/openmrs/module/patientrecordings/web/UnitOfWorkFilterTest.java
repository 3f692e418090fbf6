/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.EntityManager;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
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
        HttpServletResponse refused = (HttpServletResponse) Proxy.newProxyInstance(
                UnitOfWorkFilterTest.class.getClassLoader(),
                new Class<?>[] {HttpServletResponse.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getStatus")) {
                        return 409;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });

        filter.doFilter(request(), refused, (req, res) -> {
            AfterCommit.run(req, () -> database.events.add("removed the chunks"));
        });

        assertThat(database.events).isEmpty();
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
        return new Thread(() -> {
            try {
                filter.doFilter(request(), response(), (request, response) -> servlet.run());
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
