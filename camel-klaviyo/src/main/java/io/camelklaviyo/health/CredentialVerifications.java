package io.camelklaviyo.health;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

import io.camelklaviyo.KlaviyoApiException;
import io.camelklaviyo.KlaviyoConnectionException;
import io.camelklaviyo.KlaviyoTimeoutException;
import io.camelklaviyo.response.KlaviyoResponse;

/**
 * A component's verified credentials: each set (base URL, revision and the account the credentials count against) is
 * verified with {@code accounts/list} (GET /api/accounts) at most once per period, however many producers and health
 * probes ask. {@code get_accounts} is in Klaviyo's XS tier (1/s burst, 15/min steady): an UP answer is kept for
 * {@link #UP_FOR} and a DOWN one for {@link #DOWN_FOR}, so that health checks take at most 4 of the 15 requests a minute
 * even while Klaviyo is down, and the calls go through the component's rate limiter like any other.
 */
public final class CredentialVerifications {

    /** How long a successful verification is kept. */
    public static final Duration UP_FOR = Duration.ofSeconds(60);
    /** How long a failed verification is kept. */
    public static final Duration DOWN_FOR = Duration.ofSeconds(15);

    private final ConcurrentMap<String, Entry> entries = new ConcurrentHashMap<>();

    private record Entry(CompletableFuture<Verification> verification, long startedNanos) {

        boolean fresh(long now) {
            if (!verification.isDone()) {
                return true;
            }
            Verification done = verification.getNow(null);
            Duration keep = done != null && done.up() ? UP_FOR : DOWN_FOR;
            return now - startedNanos < keep.toNanos();
        }
    }

    /**
     * The verification of a set of credentials: the cached one while it is fresh (or still running), else a new one.
     *
     * @param key     names the credentials without containing them: base URL, revision, account key
     * @param baseUrl where Klaviyo is, for the messages
     * @param call    sends accounts/list through the endpoint's call chain
     */
    public CompletableFuture<Verification> verify(String key, String baseUrl,
                                                  Supplier<CompletableFuture<KlaviyoResponse>> call) {
        long now = System.nanoTime();
        Entry entry = entries.compute(key, (k, current) -> current != null && current.fresh(now)
                ? current
                : new Entry(start(baseUrl, call), now));
        return entry.verification();
    }

    /** Forgets every verification (the component stops). */
    public void clear() {
        entries.clear();
    }

    private static CompletableFuture<Verification> start(String baseUrl,
                                                         Supplier<CompletableFuture<KlaviyoResponse>> call) {
        CompletableFuture<KlaviyoResponse> sent;
        try {
            sent = call.get();
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(failed(baseUrl, e));
        }
        return sent.handle((response, failure) -> failure == null ? verified(response) : failed(baseUrl, failure));
    }

    private static Verification verified(KlaviyoResponse response) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("http.status", response.status());
        Object data = response.data();
        Object account = data instanceof List<?> list && !list.isEmpty() ? list.get(0) : data;
        if (account instanceof Map<?, ?> resource) {
            putIfPresent(details, "account.id", resource.get("id"));
            if (resource.get("attributes") instanceof Map<?, ?> attributes
                    && attributes.get("contact_information") instanceof Map<?, ?> contact) {
                putIfPresent(details, "organization.name", contact.get("organization_name"));
            }
        }
        String message = "Klaviyo accepted the credentials"
                         + (details.containsKey("account.id") ? " (account " + details.get("account.id") + ")" : "");
        return new Verification(true, message, details, null, Instant.now());
    }

    private static Verification failed(String baseUrl, Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        Map<String, Object> details = new LinkedHashMap<>();
        String message;
        if (cause instanceof KlaviyoApiException api) {
            int status = api.getStatusCode();
            details.put("http.status", status);
            KlaviyoApiException.KlaviyoError first = api.getErrors().isEmpty() ? null : api.getErrors().get(0);
            String code = first == null ? null : first.code();
            putIfPresent(details, "error.code", code);
            String what = first == null ? null : first.detail() != null ? first.detail() : first.title();
            if (status == 401 || status == 403) {
                message = "Klaviyo rejected the credentials: " + (what == null ? "not authorized" : what) + " (HTTP "
                          + status + (code == null ? "" : ", code " + code) + ")";
            } else {
                message = "Klaviyo answered accounts/list with HTTP " + status + ": "
                          + (what == null ? api.getMessage() : what) + (code == null ? "" : " (code " + code + ")");
            }
        } else if (cause instanceof KlaviyoConnectionException) {
            Throwable root = cause.getCause() != null ? cause.getCause() : cause;
            message = "Klaviyo is not reachable at " + baseUrl + ": " + root;
        } else if (cause instanceof KlaviyoTimeoutException) {
            message = "Klaviyo did not answer accounts/list in time: " + cause.getMessage();
        } else {
            message = "Could not verify the Klaviyo credentials: " + cause;
        }
        return new Verification(false, message, details, cause, Instant.now());
    }

    private static void putIfPresent(Map<String, Object> details, String key, Object value) {
        if (value != null) {
            details.put(key, value);
        }
    }
}
