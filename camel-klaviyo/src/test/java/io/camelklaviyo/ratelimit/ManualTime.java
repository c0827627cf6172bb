package io.camelklaviyo.ratelimit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.github.bucket4j.TimeMeter;

/**
 * A wall clock that moves only when told, and a scheduler on it: {@link #advance} runs the tasks that fall due, in
 * time order, each with the clock set to its due time. Single-threaded, for tests of the limiter's arithmetic.
 */
final class ManualTime extends AbstractExecutorService implements ScheduledExecutorService, TimeMeter {

    private final PriorityQueue<Task> tasks = new PriorityQueue<>();
    private long now;
    private long sequence;

    ManualTime(Instant start) {
        this.now = start.getEpochSecond() * 1_000_000_000L + start.getNano();
    }

    @Override
    public synchronized long currentTimeNanos() {
        return now;
    }

    @Override
    public boolean isWallClockBased() {
        return true;
    }

    Instant instant() {
        return Instant.ofEpochSecond(0, currentTimeNanos());
    }

    /** Moves the clock forward, running every task that falls due on the way. */
    void advance(long amount, TimeUnit unit) {
        long until;
        synchronized (this) {
            until = now + unit.toNanos(amount);
        }
        while (true) {
            Task next;
            synchronized (this) {
                next = tasks.peek();
                if (next == null || next.due > until) {
                    now = until;
                    return;
                }
                tasks.poll();
                now = Math.max(now, next.due);
            }
            next.run();
        }
    }

    /** Runs the tasks due by the time the clock reaches {@code instant}. */
    void advanceTo(Instant instant) {
        long target = instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
        advance(target - currentTimeNanos(), TimeUnit.NANOSECONDS);
    }

    synchronized int pendingTasks() {
        return tasks.size();
    }

    @Override
    public synchronized ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        Task task = new Task(command, now + unit.toNanos(Math.max(0, delay)), sequence++);
        tasks.add(task);
        return task;
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void execute(Runnable command) {
        schedule(command, 0, TimeUnit.NANOSECONDS);
    }

    @Override
    public void shutdown() {
    }

    @Override
    public List<Runnable> shutdownNow() {
        return new ArrayList<>();
    }

    @Override
    public boolean isShutdown() {
        return false;
    }

    @Override
    public boolean isTerminated() {
        return false;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return true;
    }

    @Override
    public <T> List<java.util.concurrent.Future<T>> invokeAll(Collection<? extends Callable<T>> tasks) {
        throw new UnsupportedOperationException();
    }

    private static final class Task extends FutureTask<Void> implements ScheduledFuture<Void> {
        final long due;
        final long order;

        Task(Runnable command, long due, long order) {
            super(command, null);
            this.due = due;
            this.order = order;
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return 0;
        }

        @Override
        public int compareTo(Delayed other) {
            Task that = (Task) other;
            return due != that.due ? Long.compare(due, that.due) : Long.compare(order, that.order);
        }
    }
}
