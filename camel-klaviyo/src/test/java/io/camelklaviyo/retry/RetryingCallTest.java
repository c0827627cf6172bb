package io.camelklaviyo.retry;

import java.net.SocketException;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelklaviyo.KlaviyoApiException;
import io.camelklaviyo.KlaviyoConfiguration;
import io.camelklaviyo.KlaviyoConnectionException;
import io.camelklaviyo.KlaviyoTimeoutException;
import io.camelklaviyo.invoke.Call;
import io.camelklaviyo.operation.OperationCatalog;
import io.camelklaviyo.request.KlaviyoRequest;
import io.camelklaviyo.response.KlaviyoResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/**
 * The retry and timeout steps around a scripted call, without HTTP: on which threads attempts run, what the final
 * failure says, and that giving up (a timeout, a cancellation) stops the attempts.
 */
class RetryingCallTest {

    private static final KlaviyoRequest GET = KlaviyoRequest.of(OperationCatalog.bundled().byName("profiles/list"),
            null, Map.of(), null, null);
    private static final KlaviyoResponse OK = new KlaviyoResponse(200, null, null, null, new byte[0], null);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            runnable -> new Thread(runnable, "test-timer"));
    private final ExecutorService workers = Executors.newFixedThreadPool(2, runnable -> new Thread(runnable,
            "test-worker"));

    @AfterEach
    void stop() {
        timer.shutdownNow();
        workers.shutdownNow();
    }

    @Test
    void theFirstAttemptRunsOnTheCallingThreadAndRetriesOnTheWorkersNeverOnTheTimer() throws Exception {
        Script script = new Script(unavailable(), unavailable(), CompletableFuture.completedFuture(OK));

        KlaviyoResponse response = retries(options -> options.setRetryInitialDelay(5)).retry(script)
                .call(GET).get(5, TimeUnit.SECONDS);

        assertThat(response).isSameAs(OK);
        assertThat(script.threads).containsExactly(Thread.currentThread().getName(), "test-worker", "test-worker");
    }

    @Test
    void theFinalFailureSaysHowManyAttemptsWereMade() {
        Script script = new Script(unavailable(), unavailable(), unavailable(), unavailable(), unavailable());

        Throwable failure = failure(retries(options -> options.setRetryInitialDelay(1)).retry(script).call(GET));

        assertThat(failure).isInstanceOf(KlaviyoApiException.class)
                .hasMessage("Klaviyo profiles/list failed with HTTP 503: unavailable (after 4 attempts)");
        assertThat(((KlaviyoApiException) failure).getAttempts()).isEqualTo(4);
        assertThat(((KlaviyoApiException) failure).getStatusCode()).isEqualTo(503);
        assertThat(script.calls).hasValue(4);
    }

    @Test
    void aFailureThatIsNotRetriedKeepsItsMessage() {
        KlaviyoApiException conflict = new KlaviyoApiException("profiles/list", 409, List.of(), null, "conflict");
        Script script = new Script(CompletableFuture.failedFuture(conflict));

        Throwable failure = failure(retries(options -> {
        }).retry(script).call(GET));

        assertThat(failure).isSameAs(conflict);
        assertThat(conflict.getAttempts()).isEqualTo(1);
    }

    @Test
    void aConnectionFailureCarriesItsCauseAndAttempts() {
        Script script = new Script(reset(), reset(), CompletableFuture.failedFuture(
                new IllegalStateException("The klaviyo component is not started")));

        Throwable failure = failure(retries(options -> options.setRetryInitialDelay(1)).retry(script).call(GET));

        // the last failure is the outcome: here one that is not retried, after two resets
        assertThat(failure).isInstanceOf(IllegalStateException.class);
        assertThat(script.calls).hasValue(3);

        Script resets = new Script(reset(), reset());
        Throwable twice = failure(retries(options -> {
            options.setRetryInitialDelay(1);
            options.setMaxRetries(1);
        }).retry(resets).call(GET));
        assertThat(twice).isInstanceOf(KlaviyoConnectionException.class)
                .hasMessage("Klaviyo profiles/list failed without a response: Connection reset (after 2 attempts)")
                .hasCauseInstanceOf(SocketException.class);
        assertThat(((KlaviyoConnectionException) twice).getAttempts()).isEqualTo(2);
    }

    @Test
    void cancellingTheCallDropsThePendingRetry() throws Exception {
        Script script = new Script(unavailable(), CompletableFuture.completedFuture(OK));

        CompletableFuture<KlaviyoResponse> call = retries(options -> options.setRetryInitialDelay(300)).retry(script)
                .call(GET);
        await().atMost(2, TimeUnit.SECONDS).until(() -> script.calls.get() == 1);
        call.cancel(true);
        Thread.sleep(500);

        assertThat(script.calls).as("attempts after the cancellation").hasValue(1);
    }

    @Test
    void theOverallTimeoutFailsOnAWorkerNamingOperationTimeAndAttemptsAndStopsTheAttempts() throws Exception {
        CompletableFuture<KlaviyoResponse> hanging = new CompletableFuture<>();
        Script script = new Script(unavailable(), hanging);
        Retries retries = retries(options -> {
            options.setRetryInitialDelay(20);
            options.setRequestTimeout(200);
        });
        CompletableFuture<String> completedOn = new CompletableFuture<>();

        CompletableFuture<KlaviyoResponse> call = retries.timeout(retries.retry(script)).call(GET);
        call.whenComplete((response, failure) -> completedOn.complete(Thread.currentThread().getName()));
        // waits on its own future: a thread waiting in call.get() may run call's dependents itself
        assertThat(completedOn.get(5, TimeUnit.SECONDS)).isEqualTo("test-worker");
        Throwable failure = failure(call);

        assertThat(failure).isInstanceOf(KlaviyoTimeoutException.class)
                .hasMessageStartingWith("Klaviyo profiles/list did not complete within the requestTimeout of 200 ms:"
                                        + " gave up after ")
                .hasMessageEndingWith(" ms and 2 attempts; last failure: Klaviyo profiles/list failed with HTTP 503:"
                                      + " unavailable")
                .hasCauseInstanceOf(KlaviyoApiException.class);
        KlaviyoTimeoutException timeout = (KlaviyoTimeoutException) failure;
        assertThat(timeout.getElapsedMillis()).isBetween(200L, 1000L);
        assertThat(timeout.getAttempts()).isEqualTo(2);
        assertThat(timeout.getOperation()).isEqualTo("profiles/list");
        assertThat(hanging).as("the attempt in flight").isCancelled();
    }

    private Retries retries(java.util.function.Consumer<KlaviyoConfiguration> options) {
        KlaviyoConfiguration configuration = new KlaviyoConfiguration();
        configuration.setRetryJitter(0);
        options.accept(configuration);
        return new Retries(RetrySettings.of(configuration), new ObjectMapper(), () -> timer, workers);
    }

    private static Throwable failure(CompletableFuture<KlaviyoResponse> call) {
        Throwable thrown = catchThrowable(() -> call.get(5, TimeUnit.SECONDS));
        assertThat(thrown).isInstanceOf(ExecutionException.class);
        return thrown.getCause();
    }

    private static CompletableFuture<KlaviyoResponse> unavailable() {
        return CompletableFuture.failedFuture(
                new KlaviyoApiException("profiles/list", 503, List.of(), null, "unavailable"));
    }

    private static CompletableFuture<KlaviyoResponse> reset() {
        return CompletableFuture.failedFuture(
                new KlaviyoConnectionException("profiles/list", new SocketException("Connection reset")));
    }

    /** Answers each attempt with the next scripted outcome, noting the thread it was called on. */
    private static final class Script implements Call {

        final AtomicInteger calls = new AtomicInteger();
        final Queue<String> threads = new ConcurrentLinkedQueue<>();
        private final List<CompletableFuture<KlaviyoResponse>> outcomes;

        @SafeVarargs
        Script(CompletableFuture<KlaviyoResponse>... outcomes) {
            this.outcomes = List.of(outcomes);
        }

        @Override
        public CompletableFuture<KlaviyoResponse> call(KlaviyoRequest request) {
            threads.add(Thread.currentThread().getName());
            int index = calls.getAndIncrement();
            return outcomes.get(Math.min(index, outcomes.size() - 1));
        }
    }
}
