package io.camelklaviyo.retry;

import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.net.ssl.SSLHandshakeException;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelklaviyo.KlaviyoApiException;
import io.camelklaviyo.KlaviyoConfiguration;
import io.camelklaviyo.KlaviyoConnectionException;
import io.camelklaviyo.operation.OperationCatalog;
import io.camelklaviyo.request.KlaviyoRequest;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.MalformedChunkCodingException;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.ParseException;
import org.apache.hc.core5.http.RequestNotExecutedException;
import org.apache.hc.core5.util.Deadline;
import org.apache.hc.core5.util.DeadlineTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The retry decisions on their own: which failure is retried for which method, how long the wait is, and why a
 * retry is declined.
 */
class RetryRulesTest {

    private static final OperationCatalog CATALOG = OperationCatalog.bundled();
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final long NO_DEADLINE = Long.MAX_VALUE;

    private static final KlaviyoRequest GET = KlaviyoRequest.of(CATALOG.byName("profiles/list"), null, Map.of(), null,
            null);
    private static final KlaviyoRequest POST = KlaviyoRequest.of(CATALOG.byName("profiles/create"), null, Map.of(),
            bytes("{\"data\":{\"type\":\"profile\",\"attributes\":{\"email\":\"a@b.c\"}}}"), "application/vnd.api+json");
    private static final KlaviyoRequest PATCH = KlaviyoRequest.of(CATALOG.byName("profiles/update"), "01H", Map.of(),
            bytes("{\"data\":{\"type\":\"profile\",\"id\":\"01H\",\"attributes\":{\"first_name\":\"Jane\"}}}"),
            "application/vnd.api+json");
    private static final KlaviyoRequest APPENDING_PATCH = KlaviyoRequest.of(CATALOG.byName("profiles/update"), "01H",
            Map.of(), bytes("{\"data\":{\"type\":\"profile\",\"id\":\"01H\",\"attributes\":{},"
                            + "\"meta\":{\"patch_properties\":{\"append\":{\"skus\":\"92538\"}}}}}"),
            "application/vnd.api+json");
    private static final KlaviyoRequest UNSETTING_PATCH = KlaviyoRequest.of(CATALOG.byName("profiles/update"), "01H",
            Map.of(), bytes("{\"data\":{\"type\":\"profile\",\"id\":\"01H\",\"attributes\":{},"
                            + "\"meta\":{\"patch_properties\":{\"unset\":\"skus\",\"append\":null}}}}"),
            "application/vnd.api+json");
    private static final KlaviyoRequest DELETE = KlaviyoRequest.of(CATALOG.byName("lists/delete"), "L1", Map.of(),
            null, null);

    private final RetryRules rules = new RetryRules(settings(), MAPPER, () -> 0.5);

    @Test
    void aThrottledRequestOfAnyMethodWaitsRetryAfter() {
        for (KlaviyoRequest request : List.of(GET, POST, PATCH, APPENDING_PATCH, DELETE)) {
            Verdict verdict = rules.judge(request, status(429, 2L, null), 1, NO_DEADLINE);
            assertThat(verdict.retry()).as(request.toString()).isTrue();
            assertThat(verdict.waitMillis()).isEqualTo(2000);
        }
    }

    @Test
    void withoutRetryAfterAThrottledRequestWaitsRateLimitResetAndElseTheBackoff() {
        assertThat(rules.judge(GET, status(429, null, 3L), 1, NO_DEADLINE).waitMillis()).isEqualTo(3000);
        assertThat(rules.judge(GET, status(429, 1L, 3L), 1, NO_DEADLINE).waitMillis()).isEqualTo(1000);
        assertThat(rules.judge(GET, status(429, null, null), 1, NO_DEADLINE).waitMillis()).isEqualTo(500);
    }

    @Test
    void aRetryAfterLongerThanTheMaxDelayIsNotWaitedFor() {
        Verdict verdict = rules.judge(GET, status(429, 3600L, null), 1, NO_DEADLINE);

        assertThat(verdict.retry()).isFalse();
        assertThat(verdict.reason()).isEqualTo("Klaviyo asked to wait 3600 s, longer than retryMaxDelay (60000 ms)");
    }

    @Test
    void gatewayStatusesAreRetriedOnlyForRequestsSafeToSendTwice() {
        for (int status : new int[] { 503, 504, 524 }) {
            assertThat(rules.judge(GET, status(status, null, null), 1, NO_DEADLINE).retry()).isTrue();
            assertThat(rules.judge(PATCH, status(status, null, null), 1, NO_DEADLINE).retry()).isTrue();
            assertThat(rules.judge(DELETE, status(status, null, null), 1, NO_DEADLINE).retry()).isTrue();
            assertThat(rules.judge(UNSETTING_PATCH, status(status, null, null), 1, NO_DEADLINE).retry()).isTrue();

            Verdict post = rules.judge(POST, status(status, null, null), 1, NO_DEADLINE);
            assertThat(post.retry()).isFalse();
            assertThat(post.reason()).isEqualTo("a POST is not sent again once it may have reached Klaviyo");
            Verdict appending = rules.judge(APPENDING_PATCH, status(status, null, null), 1, NO_DEADLINE);
            assertThat(appending.retry()).isFalse();
            assertThat(appending.reason())
                    .isEqualTo("a PATCH that appends is not sent again once it may have reached Klaviyo");
        }
    }

    @ParameterizedTest
    @ValueSource(ints = { 400, 401, 403, 404, 405, 409, 415, 422, 500, 502, 525 })
    void otherStatusesAreNeverRetried(int status) {
        Verdict verdict = rules.judge(GET, status(status, 1L, null), 1, NO_DEADLINE);

        assertThat(verdict.retry()).isFalse();
        assertThat(verdict.reason()).isNull();
    }

    @Test
    void aFailureToConnectIsRetriedForEveryMethod() {
        List<Throwable> notSent = List.of(new ConnectException("Connection refused"),
                new HttpHostConnectException("Connect to http://127.0.0.1:1 failed: Connection refused"),
                new ConnectTimeoutException("Connect to http://10.0.0.1 failed: 10000 MILLISECONDS"),
                new UnknownHostException("a.klaviyo.com"),
                DeadlineTimeoutException.from(Deadline.calculate(org.apache.hc.core5.util.TimeValue.ofSeconds(-1))),
                new RequestNotExecutedException("closed before the request was written"));
        for (Throwable cause : notSent) {
            for (KlaviyoRequest request : List.of(GET, POST, APPENDING_PATCH)) {
                assertThat(rules.judge(request, connection(cause), 1, NO_DEADLINE).retry())
                        .as(request + " after " + cause).isTrue();
            }
        }
    }

    @Test
    void aFailureAfterTheRequestMayHaveBeenSentIsRetriedOnlyWhenItIsSafe() {
        List<Throwable> lost = List.of(new SocketException("Connection reset"),
                new SocketTimeoutException("60,000 MILLISECONDS"),
                new ConnectionClosedException("Connection closed by peer"),
                new NoHttpResponseException("127.0.0.1:8080 failed to respond"),
                new MalformedChunkCodingException("Bad chunk header"),
                new ConnectionClosedException("Premature end of Content-Length delimited message body"));
        for (Throwable cause : lost) {
            assertThat(rules.judge(GET, connection(cause), 1, NO_DEADLINE).retry()).as(cause.toString()).isTrue();
            assertThat(rules.judge(DELETE, connection(cause), 1, NO_DEADLINE).retry()).isTrue();
            assertThat(rules.judge(PATCH, connection(cause), 1, NO_DEADLINE).retry()).isTrue();
            assertThat(rules.judge(POST, connection(cause), 1, NO_DEADLINE).retry()).isFalse();
            assertThat(rules.judge(APPENDING_PATCH, connection(cause), 1, NO_DEADLINE).retry()).isFalse();
        }
    }

    @Test
    void tlsFailuresAndAnswersThatAreNotHttpAreNotRetried() {
        for (Throwable cause : List.of(new SSLHandshakeException("PKIX path building failed"),
                new ParseException("Invalid protocol version"), new IllegalStateException("stopped"))) {
            Verdict verdict = rules.judge(GET, connection(cause), 1, NO_DEADLINE);
            assertThat(verdict.retry()).as(cause.toString()).isFalse();
            assertThat(verdict.reason()).isNull();
        }
        assertThat(rules.judge(GET, new IllegalStateException("The klaviyo component is not started"), 1,
                NO_DEADLINE).retry()).isFalse();
    }

    @Test
    void theRetriesStopAfterMaxRetries() {
        assertThat(rules.judge(GET, status(503, null, null), 3, NO_DEADLINE).retry()).isTrue();
        Verdict fourth = rules.judge(GET, status(503, null, null), 4, NO_DEADLINE);
        assertThat(fourth.retry()).isFalse();
        assertThat(fourth.reason()).isNull();

        RetryRules never = new RetryRules(settings(c -> c.setMaxRetries(0)), MAPPER, () -> 0.5);
        assertThat(never.judge(GET, status(503, null, null), 1, NO_DEADLINE).reason()).isEqualTo("maxRetries=0");
    }

    @Test
    void noRetryStartsAfterTheRequestTimeout() {
        Verdict verdict = rules.judge(GET, status(429, 2L, null), 1, 1500);

        assertThat(verdict.retry()).isFalse();
        assertThat(verdict.reason()).isEqualTo("the next attempt, in 2000 ms, would start after the requestTimeout"
                                               + " (1500 ms left)");
        assertThat(rules.judge(GET, status(429, 2L, null), 1, 2000).retry()).isTrue();
    }

    @Test
    void retryStatusesDecideWhatIsRetried() {
        RetryRules only503 = new RetryRules(settings(c -> c.setRetryStatuses("503")), MAPPER, () -> 0.5);

        assertThat(only503.judge(GET, status(503, null, null), 1, NO_DEADLINE).retry()).isTrue();
        assertThat(only503.judge(GET, status(429, 1L, null), 1, NO_DEADLINE).retry()).isFalse();
        assertThat(only503.judge(GET, status(504, null, null), 1, NO_DEADLINE).retry()).isFalse();
    }

    @Test
    void theBackoffIsTheSdksByDefault() {
        Backoff backoff = new Backoff(settings());

        // 0.5 s × 1.5^n, ±50 %
        assertThat(backoff.delayMillis(1, 0.5)).isEqualTo(500);
        assertThat(backoff.delayMillis(2, 0.5)).isEqualTo(750);
        assertThat(backoff.delayMillis(3, 0.5)).isEqualTo(1125);
        assertThat(backoff.delayMillis(1, 0.0)).isEqualTo(250);
        assertThat(backoff.delayMillis(1, 0.999999)).isEqualTo(750);
        // capped at retryMaxDelay, jitter included
        assertThat(backoff.delayMillis(30, 0.5)).isEqualTo(60_000);
        assertThat(backoff.delayMillis(30, 0.999999)).isEqualTo(60_000);
        assertThat(backoff.delayMillis(30, 0.0)).isEqualTo(30_000);
    }

    @Test
    void optionsOutOfRangeAreRejectedNamingTheOption() {
        assertThatThrownBy(() -> settings(c -> c.setRetryStatuses("429,409")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("retryStatuses")
                .hasMessageContaining("409");
        assertThatThrownBy(() -> settings(c -> c.setRetryStatuses("503;504")))
                .hasMessageContaining("retryStatuses takes HTTP statuses separated by commas");
        assertThatThrownBy(() -> settings(c -> c.setMaxRetries(-1))).hasMessageContaining("maxRetries");
        assertThatThrownBy(() -> settings(c -> c.setRetryJitter(1.0))).hasMessageContaining("retryJitter");
        assertThatThrownBy(() -> settings(c -> c.setRetryMultiplier(0.5))).hasMessageContaining("retryMultiplier");
        assertThatThrownBy(() -> settings(c -> c.setRetryMaxDelay(100))).hasMessageContaining("retryMaxDelay");
        assertThatThrownBy(() -> settings(c -> c.setRequestTimeout(-1))).hasMessageContaining("requestTimeout");
        assertThat(settings(c -> c.setRetryStatuses(" ")).statuses()).isEmpty();
        assertThat(settings().statuses()).containsExactly(429, 503, 504, 524);
        assertThat(settings(c -> c.setRetryStatuses(" 503 , 429 ,")).statuses()).isEqualTo(Set.of(503, 429));
    }

    private static RetrySettings settings() {
        return settings(c -> {
        });
    }

    private static RetrySettings settings(java.util.function.Consumer<KlaviyoConfiguration> options) {
        KlaviyoConfiguration configuration = new KlaviyoConfiguration();
        options.accept(configuration);
        return RetrySettings.of(configuration);
    }

    private static KlaviyoApiException status(int status, Long retryAfter, Long reset) {
        return new KlaviyoApiException("profiles/list", status, List.of(), retryAfter, reset, "stub");
    }

    private static KlaviyoConnectionException connection(Throwable cause) {
        return new KlaviyoConnectionException("profiles/list", cause);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
