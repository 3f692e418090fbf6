/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    @Test
    void withEveryTransferPlaceTakenARequestThatIsNotATransferIsAdmittedAtOnce() throws Exception {
        UnitOfWorkGate gate = new UnitOfWorkGate(new ConnectionBudget(4, 1));
        assertThat(gate.reserved()).as("a quarter of four").isEqualTo(1);
        List<Visitor> transfers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            transfers.add(transfer(gate));
            transfers.get(i).awaitAdmitted();
        }

        Visitor fourthTransfer = transfer(gate);
        fourthTransfer.awaitQueued();
        Visitor read = enter(gate);
        read.awaitAdmitted();
        assertThat(fourthTransfer.admitted.getCount())
                .as("the fourth transfer waits, though a place was free when it came")
                .isEqualTo(1);

        transfers.get(0).leave.countDown();
        fourthTransfer.awaitAdmitted();
        assertThat(fourthTransfer.wasInterrupted).isFalse();
    }

    @Test
    void transfersBeyondTheirShareAreAdmittedInTheOrderTheyCame() throws Exception {
        UnitOfWorkGate gate = new UnitOfWorkGate(new ConnectionBudget(3, 0), 2);
        Visitor first = transfer(gate);
        first.awaitAdmitted();
        Visitor second = transfer(gate);
        second.awaitQueued();
        Visitor third = transfer(gate);
        third.awaitQueued();

        first.leave.countDown();
        second.awaitAdmitted();
        assertThat(third.admitted.getCount())
                .as("the third waits for the second")
                .isEqualTo(1);
        second.leave.countDown();
        third.awaitAdmitted();
    }

    @Test
    void aTransferThatEndsGivesBothItsPlacesBackOnceThoughClosedTwice() throws Exception {
        UnitOfWorkGate gate = new UnitOfWorkGate(new ConnectionBudget(3, 0), 2);
        Visitor twice = enter(gate, () -> {}, true, true);
        twice.awaitAdmitted();
        twice.leave.countDown();
        twice.thread.join(TimeUnit.SECONDS.toMillis(PATIENCE_SECONDS));

        Visitor next = transfer(gate);
        next.awaitAdmitted();
        Visitor beyondTheShare = transfer(gate);
        beyondTheShare.awaitQueued();
        Visitor read = enter(gate);
        read.awaitAdmitted();
        Visitor otherRead = enter(gate);
        otherRead.awaitAdmitted();

        assertThat(beyondTheShare.admitted.getCount())
                .as("one transfer place exists, however often it was given back")
                .isEqualTo(1);
    }

    @Test
    void aTransferInterruptedWhileWaitingForAPlaceGivesItsTransferPlaceBack() throws Exception {
        UnitOfWorkGate gate = new UnitOfWorkGate(new ConnectionBudget(2, 0), 1);
        Visitor read = enter(gate);
        read.awaitAdmitted();
        Visitor otherRead = enter(gate);
        otherRead.awaitAdmitted();
        Visitor interrupted = transfer(gate);
        interrupted.awaitQueued();

        interrupted.thread.interrupt();
        interrupted.thread.join(TimeUnit.SECONDS.toMillis(PATIENCE_SECONDS));
        read.leave.countDown();
        Visitor next = transfer(gate);

        next.awaitAdmitted();
        assertThat(interrupted.wasInterrupted).isTrue();
        assertThat(interrupted.admitted.getCount()).isEqualTo(1);
    }

    @Test
    void aTransferInterruptedWhileWaitingForATransferPlaceTakesNothing() throws Exception {
        UnitOfWorkGate gate = new UnitOfWorkGate(new ConnectionBudget(2, 0), 1);
        Visitor inside = transfer(gate);
        inside.awaitAdmitted();
        Visitor interrupted = transfer(gate);
        interrupted.awaitQueued();

        interrupted.thread.interrupt();
        interrupted.thread.join(TimeUnit.SECONDS.toMillis(PATIENCE_SECONDS));
        inside.leave.countDown();
        Visitor next = transfer(gate);
        next.awaitAdmitted();
        Visitor read = enter(gate);

        read.awaitAdmitted();
        assertThat(interrupted.wasInterrupted).isTrue();
        assertThat(interrupted.admitted.getCount()).isEqualTo(1);
    }

    @Test
    void aQuarterIsReservedByDefaultAndATransferCanAlwaysRun() {
        assertThat(UnitOfWorkGate.reservedByDefault(1)).isZero();
        assertThat(UnitOfWorkGate.reservedByDefault(2)).isEqualTo(1);
        assertThat(UnitOfWorkGate.reservedByDefault(4)).isEqualTo(1);
        assertThat(UnitOfWorkGate.reservedByDefault(5)).isEqualTo(2);
        assertThat(UnitOfWorkGate.reservedByDefault(10)).isEqualTo(3);
        assertThat(new UnitOfWorkGate(new ConnectionBudget(1, 0)).reserved()).isZero();

        assertThatThrownBy(() -> new UnitOfWorkGate(new ConnectionBudget(4, 0), 4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0 to 3 of 4, not 4");
        assertThatThrownBy(() -> new UnitOfWorkGate(new ConnectionBudget(4, 0), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private Visitor enter(UnitOfWorkGate gate) {
        return enter(gate, () -> {});
    }

    private Visitor transfer(UnitOfWorkGate gate) {
        return enter(gate, () -> {}, false, true);
    }

    private Visitor enter(UnitOfWorkGate gate, Runnable inside) {
        return enter(gate, inside, false);
    }

    private Visitor enter(UnitOfWorkGate gate, Runnable inside, boolean closeTwice) {
        return enter(gate, inside, closeTwice, false);
    }

    /**
     * A thread that waits at the gate (as a transfer or not), runs {@code inside} once admitted, and stays until
     * told to leave.
     */
    private Visitor enter(UnitOfWorkGate gate, Runnable inside, boolean closeTwice, boolean transfer) {
        Visitor visitor = new Visitor();
        visitor.thread = new Thread(() -> {
            try {
                UnitOfWorkGate.Admission admission = gate.admit(transfer);
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
