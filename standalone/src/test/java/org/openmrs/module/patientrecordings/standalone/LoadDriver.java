/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The benches' load driver: runs one call over and over on a number of threads for a while, or a number of times on
 * one thread, and reports the rate, the median and 99th percentile latencies and the failed calls.
 */
final class LoadDriver {

    private LoadDriver() {}

    /** One call; {@code true} when it succeeded. Each thread gets its own from the factory. */
    @FunctionalInterface
    interface Call {
        boolean call() throws Exception;
    }

    /** Makes a thread's call (so that a thread may keep its own HTTP client). */
    @FunctionalInterface
    interface CallFactory {
        Call newCall() throws Exception;
    }

    /** The figures of one run. */
    record Load(double perSecond, double p50Millis, double p99Millis, long errors, int calls) {}

    /** {@code threads} threads calling for {@code seconds}, after a two-second warm-up that is not counted. */
    static Load concurrent(int threads, int seconds, CallFactory calls) throws Exception {
        run(threads, 2, calls);
        return run(threads, seconds, calls);
    }

    /** One thread calling {@code times} times after {@code warmUp} uncounted calls: latency without queueing. */
    static Load sequential(int warmUp, int times, Call call) throws Exception {
        for (int i = 0; i < warmUp; i++) {
            call.call();
        }
        List<Long> took = new ArrayList<>(times);
        long errors = 0;
        long began = System.nanoTime();
        for (int i = 0; i < times; i++) {
            long start = System.nanoTime();
            boolean ok = call.call();
            took.add(System.nanoTime() - start);
            if (!ok) {
                errors++;
            }
        }
        return figures(took, errors, System.nanoTime() - began);
    }

    private static Load run(int threads, int seconds, CallFactory calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            List<Future<long[]>> workers = new ArrayList<>();
            long began = System.nanoTime();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    Call call = calls.newCall();
                    List<Long> times = new ArrayList<>();
                    long errors = 0;
                    while (System.nanoTime() < end) {
                        long start = System.nanoTime();
                        boolean ok;
                        try {
                            ok = call.call();
                        } catch (Exception e) {
                            ok = false;
                        }
                        times.add(System.nanoTime() - start);
                        if (!ok) {
                            errors++;
                        }
                    }
                    long[] all = new long[times.size() + 1];
                    all[0] = errors;
                    for (int i = 0; i < times.size(); i++) {
                        all[i + 1] = times.get(i);
                    }
                    return all;
                }));
            }
            List<Long> times = new ArrayList<>();
            long errors = 0;
            for (Future<long[]> worker : workers) {
                long[] all = worker.get();
                errors += all[0];
                for (int i = 1; i < all.length; i++) {
                    times.add(all[i]);
                }
            }
            return figures(times, errors, System.nanoTime() - began);
        } finally {
            pool.shutdown();
        }
    }

    private static Load figures(List<Long> times, long errors, long elapsedNanos) {
        return new Load(
                times.size() / (elapsedNanos / 1e9),
                percentile(times, 50) / 1e6,
                percentile(times, 99) / 1e6,
                errors,
                times.size());
    }

    /** An HTTP/1.1 GET as a call: succeeds on 200. */
    static Call get(HttpClient http, URI target, String authorization) {
        return () -> {
            HttpRequest.Builder request = HttpRequest.newBuilder(target).header("Accept", "application/fhir+json");
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray())
                            .statusCode()
                    == 200;
        };
    }

    /** A factory of {@link #get} calls, each thread with its own client. */
    static CallFactory gets(URI target, String authorization) {
        return () -> get(newClient(), target, authorization);
    }

    static HttpClient newClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    static double percentile(List<Long> values, int percent) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Long> sorted = values.stream().sorted().toList();
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }
}
