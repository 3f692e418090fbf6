/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openmrs.module.patientrecordings.persistence.ConnectionBudget;

/** The gate admits as many units of work at once as its budget says and queues the others. */
class UnitOfWorkGateTest {

    private static final long PATIENCE_SECONDS = 60;

    private final List<Visitor> visitors = new ArrayList<>();

    @AfterEach
    void letEveryoneGo() throws InterruptedException {
        for (Visitor visitor : visitors) {
            visitor.leave.countDown();
            visitor.thread.interrupt();
            visitor.thread.join(TimeUnit.SECONDS.toMillis(PATIENCE_SECONDS));
        }
    }

    @Test
    void admitsAsManyAsTheBudgetSaysAndTheNextWhenOneLeaves() throws Exception {
        UnitOfWorkGate gate = new UnitOfWorkGate(new ConnectionBudget(2, 1));
        Visitor first = enter(gate);
        Visitor second = enter(gate);
        first.awaitAdmitted();
        second.awaitAdmitted();

        Visitor third = enter(gate);
        third.awaitQueued();
        assertThat(third.admitted.getCount())
                .as("the third waits while two are inside")
                .isEqualTo(1);

        first.leave.countDown();
        third.awaitAdmitted();
        assertThat(gate.admitted()).isEqualTo(2);
    }

    @Test
    void aThreadAlreadyAdmittedIsAdmittedAgainWithoutTakingASecondPlace() throws Exception {
        UnitOfWorkGate gate = new UnitOfWorkGate(new ConnectionBudget(1, 0));
        AtomicBoolean nestedAdmitted = new AtomicBoolean();
        Visitor outer = enter(gate, () -> {
            try (UnitOfWorkGate.Admission nested = gate.admit()) {
                nestedAdmitted.set(true);
            } catch (InterruptedException e) {
                throw new IllegalStateException("a nested admission waited", e);
            }
        });
        outer.awaitAdmitted();
        assertThat(nestedAdmitted).isTrue();

        Visitor other = enter(gate);
        other.awaitQueued();
        assertThat(other.admitted.getCount())
                .as("the outer admission still holds the one place after the nested one closed")
                .isEqualTo(1);

        outer.leave.countDown();
        other.awaitAdmitted();
    }

    @Test
    void closingAnAdmissionTwiceGivesItsPlaceBackOnce() throws Exception {
        UnitOfWorkGate gate = new UnitOfWorkGate(new ConnectionBudget(1, 0));
        Visitor twice = enter(gate, () -> {}, true);
        twice.awaitAdmitted();
        twice.leave.countDown();
        twice.thread.join(TimeUnit.SECONDS.toMillis(PATIENCE_SECONDS));

        Visitor inside = enter(gate);
        inside.awaitAdmitted();
        Visitor waiting = enter(gate);
        waiting.awaitQueued();

        assertThat(waiting.admitted.getCount()).as("only one place exists").isEqualTo(1);
    }

    @Test
    void aThreadInterruptedWhileQueuedTakesNoPlace() throws Exception {
        UnitOfWorkGate gate = new UnitOfWorkGate(new ConnectionBudget(1, 0));
        Visitor inside = enter(gate);
        inside.awaitAdmitted();
        Visitor interrupted = enter(gate);
        interrupted.awaitQueued();

        interrupted.thread.interrupt();
        interrupted.thread.join(TimeUnit.SECONDS.toMillis(PATIENCE_SECONDS));
        inside.leave.countDown();
        Visitor next = enter(gate);

        next.awaitAdmitted();
        assertThat(interrupted.admitted.getCount()).isEqualTo(1);
        assertThat(interrupted.wasInterrupted).isTrue();
    }

    private Visitor enter(UnitOfWorkGate gate) {
        return enter(gate, () -> {});
    }

    private Visitor enter(UnitOfWorkGate gate, Runnable inside) {
        return enter(gate, inside, false);
    }

    /** A thread that waits at the gate, runs {@code inside} once admitted, and stays until told to leave. */
    private Visitor enter(UnitOfWorkGate gate, Runnable inside, boolean closeTwice) {
        Visitor visitor = new Visitor();
        visitor.thread = new Thread(() -> {
            try {
                UnitOfWorkGate.Admission admission = gate.admit();
                try (admission) {
                    inside.run();
                    visitor.admitted.countDown();
                    visitor.leave.await();
                }
                if (closeTwice) {
                    admission.close();
                }
            } catch (InterruptedException e) {
                visitor.wasInterrupted.set(true);
            }
        });
        visitor.thread.start();
        visitors.add(visitor);
        return visitor;
    }

    private static final class Visitor {
        final CountDownLatch admitted = new CountDownLatch(1);
        final CountDownLatch leave = new CountDownLatch(1);
        final AtomicBoolean wasInterrupted = new AtomicBoolean();
        Thread thread;

        void awaitAdmitted() throws InterruptedException {
            assertThat(admitted.await(PATIENCE_SECONDS, TimeUnit.SECONDS))
                    .as("admitted")
                    .isTrue();
        }

        /** Waits until the thread is parked at the gate (or, wrongly, admitted). */
        void awaitQueued() throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PATIENCE_SECONDS);
            while (thread.getState() != Thread.State.WAITING && admitted.getCount() == 1) {
                assertThat(System.nanoTime()).as("queued in time").isLessThan(deadline);
                Thread.sleep(5);
            }
        }
    }
}
