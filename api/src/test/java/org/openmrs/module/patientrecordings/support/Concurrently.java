/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.openmrs.module.patientrecordings.domain.ErrorCode;
import org.openmrs.module.patientrecordings.domain.Reason;
import org.openmrs.module.patientrecordings.domain.RuleViolationException;

/** Races for the repository contracts: the same work on several threads released at once. */
public final class Concurrently {

    private Concurrently() {}

    /** Runs the work on {@code threads} threads released together; returns each result or exception, in order. */
    public static List<Object> concurrently(int threads, IndexedWork work) throws Exception {
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Object>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int index = i;
                Callable<Object> task = () -> {
                    start.await(30, TimeUnit.SECONDS);
                    return work.run(index);
                };
                futures.add(pool.submit(task));
            }
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> future : futures) {
                try {
                    outcomes.add(future.get(120, TimeUnit.SECONDS));
                } catch (ExecutionException e) {
                    outcomes.add(e.getCause());
                }
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Asserts that {@code save} is refused with VER-1 and nothing else. */
    public static void assertVer1(ThrowingCallable save) {
        assertThatThrownBy(save)
                .isInstanceOfSatisfying(
                        RuleViolationException.class,
                        e -> assertThat(e.reasons().stream().map(Reason::code).toList())
                                .containsExactly(ErrorCode.VER_1));
    }

    /** One thread's work; {@code index} tells the threads apart. */
    @FunctionalInterface
    public interface IndexedWork {
        Object run(int index) throws Exception;
    }
}
