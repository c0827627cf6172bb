package io.camelklaviyo.job;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.camelklaviyo.KlaviyoJobException;
import io.camelklaviyo.KlaviyoJobException.Reason;
import io.camelklaviyo.invoke.Call;
import io.camelklaviyo.request.KlaviyoRequest;
import io.camelklaviyo.response.KlaviyoResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Awaits one job: polls it on the scheduler every interval until it is complete (then, for a profile import, reads
 * its errors), cancelled, or the timeout elapsed. Steps run one after the other (each poll is scheduled only once
 * the previous one has been handled), never two at once, and no thread waits between them.
 */
final class JobWatch {

    private static final Logger LOG = LoggerFactory.getLogger(JobWatch.class);

    private final JobAwaiting settings;
    private final Call call;
    private final JobProgress progress;
    private final PollTimer timer;
    private final CompletableFuture<KlaviyoResponse> done = new CompletableFuture<>();
    private KlaviyoRequest poll;
    private Job job;
    private Throwable lastPollFailure;

    JobWatch(JobAwaiting settings, Call call, JobProgress progress) {
        this.settings = settings;
        this.call = call;
        this.progress = progress;
        this.timer = settings.timer();
    }

    /** Completes with the final job response, or fails with a KlaviyoJobException. */
    CompletableFuture<KlaviyoResponse> await(KlaviyoResponse spawned) {
        job = Job.of(spawned, null);
        if (job.id() == null) {
            done.completeExceptionally(job.failure(Reason.NO_JOB, "Klaviyo " + settings.operationName()
                                                                  + " returned no job to await (no data.id in its"
                                                                  + " HTTP " + spawned.status() + " response)",
                    null));
            return done;
        }
        poll = KlaviyoRequest.of(settings.jobOperation(), job.id(), Map.of(), null, null);
        LOG.debug("Awaiting Klaviyo {}: {}", job.describe(), job.progress());
        step(() -> handle(spawned));
        return done;
    }

    /** Runs a step; whatever it throws fails the job's future rather than getting lost on a pool thread. */
    private void step(Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            done.completeExceptionally(e);
        }
    }

    private void handle(KlaviyoResponse response) {
        job = Job.of(response, job);
        if (job.isComplete()) {
            finish(response);
        } else if (job.isCancelled()) {
            fail(Reason.CANCELLED, "Klaviyo " + job.describe() + " was cancelled: " + job.progress(), null);
        } else if (timer.expired()) {
            timedOut();
        } else {
            timer.schedule(this::poll, null);
        }
    }

    private void poll() {
        CompletableFuture<KlaviyoResponse> sent;
        try {
            sent = call.call(poll);
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        sent.whenComplete((response, failure) -> step(() -> {
            if (failure == null) {
                handle(response);
            } else {
                pollFailed(PollTimer.unwrap(failure));
            }
        }));
    }

    private void pollFailed(Throwable cause) {
        if (!PollTimer.isTransient(cause)) {
            fail(Reason.UNREADABLE, "Klaviyo " + job.describe() + " could not be read: " + cause.getMessage()
                                    + "; last seen " + job.progress(), cause);
            return;
        }
        LOG.debug("Polling Klaviyo {} failed, trying again on the next tick: {}", job.describe(), cause.getMessage());
        lastPollFailure = cause;
        if (timer.expired()) {
            timedOut();
        } else {
            timer.schedule(this::poll, cause);
        }
    }

    private void finish(KlaviyoResponse response) {
        if (settings.errorsOperation() == null || Integer.valueOf(0).equals(job.failedCount())) {
            progress.record(job, settings.errorsOperation() == null ? null : List.of());
            done.complete(response);
            return;
        }
        new ImportErrors(call, settings.errorsOperation(), timer).fetch(job.id()).whenComplete(
                (errors, failure) -> step(() -> {
                    if (failure != null) {
                        Throwable cause = PollTimer.unwrap(failure);
                        fail(Reason.UNREADABLE, "Klaviyo " + job.describe() + " is complete but its import errors"
                                                + " could not be read: " + cause.getMessage(), cause);
                    } else {
                        progress.record(job, errors);
                        done.complete(response);
                    }
                }));
    }

    private void timedOut() {
        fail(Reason.TIMED_OUT, "Klaviyo " + job.describe() + " did not finish within " + timer.timeoutMillis()
                               + " ms (jobTimeout); last seen " + job.progress()
                               + (lastPollFailure == null ? "" : "; last poll failed: " + lastPollFailure.getMessage())
                               + ". The job may still complete: read it with " + settings.jobOperation().name(),
                lastPollFailure);
    }

    private void fail(Reason reason, String message, Throwable cause) {
        progress.record(job, null);
        KlaviyoJobException failure = job.failure(reason, message, cause);
        done.completeExceptionally(failure);
    }
}
