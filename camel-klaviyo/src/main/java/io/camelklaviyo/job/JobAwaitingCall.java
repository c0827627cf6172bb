package io.camelklaviyo.job;

import java.util.concurrent.CompletableFuture;

import io.camelklaviyo.invoke.Call;
import io.camelklaviyo.request.KlaviyoRequest;
import io.camelklaviyo.response.KlaviyoResponse;

/**
 * A call that spawns an asynchronous job, decorated to return only once the job has finished: the spawning call's
 * response names the job ({@code data.id}), which is then polled without blocking until it is complete. Completes
 * with the final job response, or fails with a KlaviyoJobException (cancelled, timed out, unreadable).
 * <p>
 * One instance serves one exchange: it reports each job it awaited to that exchange's job headers.
 */
public final class JobAwaitingCall implements Call {

    private final Call spawn;
    private final JobAwaiting settings;
    private final JobProgress progress;

    JobAwaitingCall(Call spawn, JobAwaiting settings, JobProgress progress) {
        this.spawn = spawn;
        this.settings = settings;
        this.progress = progress;
    }

    @Override
    public CompletableFuture<KlaviyoResponse> call(KlaviyoRequest request) {
        return spawn.call(request)
                .thenCompose(spawned -> new JobWatch(settings, settings.pollCall(), progress).await(spawned));
    }
}
