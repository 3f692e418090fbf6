/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.hosting;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the module started on its host, and if not, why. The host (OpenMRS) must keep running whatever fails in
 * the module: a key file, the content store, a clashing library. So every step of the module's start runs through
 * {@link #start}, which keeps the first failure instead of letting it reach the host, reports it once (an ERROR with
 * its cause), and from then on the module is unavailable: later steps do not run, and its endpoints answer 503 naming
 * the cause ({@link UnavailableAnswer}) until the module is started again.
 *
 * <p>Thread-safe. {@link VirtualMachineError}s (out of memory) are not the module's to keep: they propagate.
 */
public final class ModuleAvailability {

    private static final Logger LOG = LoggerFactory.getLogger(ModuleAvailability.class);

    private final AtomicReference<Failure> failure = new AtomicReference<>();
    private final Consumer<Failure> report;

    /** Reports a failure as one ERROR in the log, with the whole cause. */
    public ModuleAvailability() {
        this(f -> LOG.error(
                "Patient Recordings is unavailable, the rest of the server runs on: {}", f.message(), f.cause()));
    }

    /** @param report told of the first failure, once */
    public ModuleAvailability(Consumer<Failure> report) {
        this.report = Objects.requireNonNull(report, "report");
    }

    /**
     * Runs one step of the module's start, unless an earlier step failed.
     *
     * @param step what the step does, as in "could not {@code step}", e.g. {@code "start the FHIR endpoint"}
     * @return what the step made; empty when it failed (now or before), in which case the module is unavailable
     */
    public <T> Optional<T> start(String step, Callable<T> work) {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(work, "work");
        if (failure.get() != null) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(work.call());
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            fail(step, e);
            return Optional.empty();
        }
    }

    /**
     * As {@link #start(String, Callable)}, for a step that makes nothing.
     *
     * @return whether it ran and worked
     */
    public boolean run(String step, Step work) {
        Objects.requireNonNull(work, "work");
        return start(step, () -> {
                    work.run();
                    return Boolean.TRUE;
                })
                .isPresent();
    }

    /**
     * Makes the module unavailable because of {@code cause}, unless it is already; reported once.
     *
     * @param step what could not be done
     */
    public void fail(String step, Throwable cause) {
        Failure first = new Failure(step, cause);
        if (failure.compareAndSet(null, first)) {
            report.accept(first);
        }
    }

    /** The failure that made the module unavailable; empty while it is available. */
    public Optional<Failure> failure() {
        return Optional.ofNullable(failure.get());
    }

    public boolean available() {
        return failure.get() == null;
    }

    /** Forgets a failure: the module is being started again. */
    public void reset() {
        failure.set(null);
    }

    /** A step of the start, which may throw anything. */
    @FunctionalInterface
    public interface Step {
        void run() throws Exception;
    }

    /**
     * Why the module is unavailable.
     *
     * @param step what could not be done
     * @param cause what was thrown
     */
    public record Failure(String step, Throwable cause) {

        public Failure {
            Objects.requireNonNull(step, "step");
            Objects.requireNonNull(cause, "cause");
        }

        /**
         * One line naming the step and the cause, down to the root cause: what the endpoints answer and the log says,
         * e.g. "could not start the FHIR endpoint: ExceptionInInitializerError; caused by
         * ProtobufRuntimeVersionException: Detected incompatible Protobuf Gencode/Runtime versions ...".
         */
        public String message() {
            Throwable root = cause;
            for (int depth = 0; root.getCause() != null && root.getCause() != root && depth < 20; depth++) {
                root = root.getCause();
            }
            String text = describe(cause);
            return "could not " + step + ": " + text + (root == cause ? "" : "; caused by " + describe(root));
        }

        private static String describe(Throwable t) {
            String message = t.getMessage() == null
                    ? ""
                    : t.getMessage().replaceAll("\\s+", " ").trim();
            return t.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
        }
    }
}
