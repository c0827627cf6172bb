package io.camelklaviyo.retry;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import dev.failsafe.spi.DefaultScheduledFuture;
import dev.failsafe.spi.Scheduler;

/**
 * Where Failsafe runs the attempts of one call. The first attempt runs at once on the calling thread, as a call without
 * retries would (Failsafe would otherwise hand every call to a scheduler thread first). A retry waits as a task of the
 * component's scheduler, which holds no thread while it waits, and then runs on the completion executor (the
 * component's workers), so that the scheduler's one thread only ever keeps time: it never sends a request or
 * continues an exchange.
 * <p>
 * One per call: it tells the first attempt from the retries.
 */
final class DueWork implements Scheduler {

    private final Supplier<ScheduledExecutorService> timers;
    private final Executor runner;
    private final AtomicBoolean first = new AtomicBoolean(true);

    DueWork(Supplier<ScheduledExecutorService> timers, Executor runner) {
        this.timers = timers;
        this.runner = runner;
    }

    @Override
    public ScheduledFuture<?> schedule(Callable<?> callable, long delay, TimeUnit unit) {
        if (first.getAndSet(false) && delay <= 0) {
            try {
                callable.call();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return new DefaultScheduledFuture<>();
        }
        ScheduledExecutorService timer = timers.get();
        if (timer == null) {
            throw new RejectedExecutionException("the klaviyo component is stopped");
        }
        Pending pending = new Pending(callable);
        pending.timer = timer.schedule(pending::due, delay, unit);
        return pending;
    }

    /** A retry waiting for its time; cancelling it (the call timed out or was cancelled) drops it. */
    private final class Pending extends DefaultScheduledFuture<Object> {

        private final Callable<?> work;
        private volatile ScheduledFuture<?> timer;
        private volatile boolean cancelled;
        private volatile boolean done;

        Pending(Callable<?> work) {
            this.work = work;
        }

        void due() {
            if (cancelled) {
                return;
            }
            try {
                runner.execute(this::run);
            } catch (RejectedExecutionException e) {
                // the workers stop: run it here, where it fails fast on the stopped component
                run();
            }
        }

        private void run() {
            if (cancelled) {
                return;
            }
            try {
                work.call();
            } catch (Exception e) {
                // Failsafe's retry task completes the call's future itself; nothing to add
            } finally {
                done = true;
            }
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            if (done || cancelled) {
                return false;
            }
            cancelled = true;
            ScheduledFuture<?> scheduled = timer;
            if (scheduled != null) {
                scheduled.cancel(false);
            }
            return true;
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public boolean isDone() {
            return done || cancelled;
        }

        @Override
        public long getDelay(TimeUnit unit) {
            ScheduledFuture<?> scheduled = timer;
            return scheduled == null ? 0 : scheduled.getDelay(unit);
        }
    }
}
