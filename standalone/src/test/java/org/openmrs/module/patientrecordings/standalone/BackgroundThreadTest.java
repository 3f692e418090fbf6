/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class BackgroundThreadTest {

    @Test
    void aTaskRunsAgainAndAgainOnOneNamedDaemonThread() throws InterruptedException {
        AtomicInteger runs = new AtomicInteger();
        AtomicReference<Thread> runner = new AtomicReference<>();
        CountDownLatch three = new CountDownLatch(3);
        try (BackgroundThread thread = new BackgroundThread("housekeeping", Duration.ofSeconds(5))) {
            thread.every(Duration.ofMillis(5), Duration.ZERO, () -> {
                runner.set(Thread.currentThread());
                runs.incrementAndGet();
                three.countDown();
            });
            assertThat(three.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(thread.isRunning()).isTrue();
        }
        assertThat(runner.get().getName()).isEqualTo("housekeeping");
        assertThat(runner.get().isDaemon()).isTrue();
        int atClose = runs.get();
        Thread.sleep(50);
        assertThat(runs.get()).isEqualTo(atClose);
    }

    @Test
    void closingWaitsForTheRunUnderWay() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean finished = new AtomicBoolean();
        BackgroundThread thread = new BackgroundThread("slow", Duration.ofSeconds(10));
        thread.every(Duration.ofHours(1), Duration.ZERO, () -> {
            started.countDown();
            try {
                Thread.sleep(200);
                finished.set(true);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        thread.close();
        assertThat(finished).isTrue();
        assertThat(thread.isRunning()).isFalse();
    }

    @Test
    void aRunLongerThanTheShutdownTimeoutIsInterrupted() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        BackgroundThread thread = new BackgroundThread("stuck", Duration.ofMillis(100));
        thread.every(Duration.ofHours(1), Duration.ZERO, () -> {
            started.countDown();
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
        });
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        thread.close();
        assertThat(interrupted.await(10, TimeUnit.SECONDS)).isTrue();
    }
}
