package io.camelklaviyo.invoke;

import java.util.concurrent.CompletableFuture;

import io.camelklaviyo.request.KlaviyoRequest;
import io.camelklaviyo.response.KlaviyoResponse;

/**
 * One call to Klaviyo, or a call decorated with a step around it (awaiting its job, upserting on a conflict).
 * Completes on a worker thread, or fails with a KlaviyoApiException or KlaviyoConnectionException.
 */
@FunctionalInterface
public interface Call {

    CompletableFuture<KlaviyoResponse> call(KlaviyoRequest request);
}
