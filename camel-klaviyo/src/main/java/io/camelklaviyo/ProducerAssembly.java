package io.camelklaviyo;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelklaviyo.action.ProfileListMembership;
import io.camelklaviyo.action.UpsertingCall;
import io.camelklaviyo.auth.Credentials;
import io.camelklaviyo.bulk.ChunkLimits;
import io.camelklaviyo.client.KlaviyoClient;
import io.camelklaviyo.client.KlaviyoHttpClient;
import io.camelklaviyo.health.KlaviyoProducerHealthCheck;
import io.camelklaviyo.invoke.AllPages;
import io.camelklaviyo.invoke.BodyPreparation;
import io.camelklaviyo.invoke.Call;
import io.camelklaviyo.invoke.ChunkedCall;
import io.camelklaviyo.invoke.OperationInvoker;
import io.camelklaviyo.invoke.PageStream;
import io.camelklaviyo.invoke.SingleCall;
import io.camelklaviyo.job.JobAwaiting;
import io.camelklaviyo.metrics.MeasuredAttempt;
import io.camelklaviyo.metrics.RequestMetrics;
import io.camelklaviyo.operation.Operation;
import io.camelklaviyo.ratelimit.RateLimitAccount;
import io.camelklaviyo.ratelimit.RateLimitedCall;
import io.camelklaviyo.request.KlaviyoRequest;
import io.camelklaviyo.request.RequestFactory;
import io.camelklaviyo.response.IncludedJoiner;
import io.camelklaviyo.response.ResponseMapper;
import io.camelklaviyo.response.ResponseReader;
import io.camelklaviyo.retry.Retries;
import io.camelklaviyo.retry.RetrySettings;

/**
 * Builds an endpoint's producer: the client, the chain of steps around each HTTP attempt, and the workflow that runs
 * the operation, as the endpoint's options ask.
 */
final class ProducerAssembly {

    /** Operations whose action-list form also takes e-mail addresses, resolved to profile ids. */
    private static final Set<String> LIST_MEMBERSHIP = Set.of("add_profiles_to_list", "remove_profiles_from_list");
    private static final String UPDATE_PROFILE = "profiles/update";
    private static final String GET_PROFILES = "profiles/list";
    /** The health check's call: get_accounts, the cheapest call every private key and OAuth scope set can make. */
    private static final String GET_ACCOUNTS = "accounts/list";

    private final KlaviyoEndpoint endpoint;
    private final KlaviyoComponent component;
    private final KlaviyoConfiguration configuration;
    private final KlaviyoWorkflowOptions workflow;
    private final Operation operation;
    private final ObjectMapper mapper;
    private final RequestMetrics metrics;

    ProducerAssembly(KlaviyoEndpoint endpoint) {
        this.endpoint = endpoint;
        this.component = endpoint.getComponent();
        this.configuration = endpoint.getConfiguration();
        this.workflow = endpoint.getWorkflow();
        this.operation = endpoint.getOperation();
        this.mapper = component.getObjectMapper();
        this.metrics = component.getMetrics().forEndpoint(endpoint.getEndpointBaseUri());
    }

    KlaviyoProducer producer() {
        KlaviyoClient client = client();
        ResponseMapper responses = new ResponseMapper(operation.name(), configuration.getResponseFormat(),
                configuration.getResponseType(), mapper);
        RetrySettings retrySettings = RetrySettings.of(configuration);
        Call call = call(client, retrySettings);
        // its retries and timeout wake the waiting caller directly: it may hold the last free worker
        Call callForWaitingCaller = attempts(client::callForWaitingCaller,
                new Retries(retrySettings, mapper, component::getScheduler, Runnable::run, metrics));
        BodyPreparation preparation = LIST_MEMBERSHIP.contains(operation.operationId())
                ? new ProfileListMembership(operation.name(), call, component.getCatalog().byName(GET_PROFILES))
                : null;
        if (workflow.isUpsert()) {
            call = new UpsertingCall(call, component.getCatalog().byName(UPDATE_PROFILE), mapper);
        }
        return new KlaviyoProducer(endpoint, new RequestFactory(operation, endpoint.queryOptions(), endpoint.getId(),
                mapper), client, preparation, invoker(call, callForWaitingCaller, responses),
                healthCheck(client, call(client, retrySettings)));
    }

    /**
     * The producer's health check: verifies the endpoint's credentials with accounts/list through the same chain as
     * its calls (so the rate limiter counts it), cached per credentials by the component. A /client operation's
     * producer has no credentials Klaviyo verifies cheaply: its check reports UP without a call.
     */
    private KlaviyoProducerHealthCheck healthCheck(KlaviyoClient client, Call call) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("operation", operation.name());
        details.put("baseUrl", configuration.getBaseUrl());
        details.put("revision", configuration.getRevision());
        if (operation.client() || client.credentials() == null) {
            return new KlaviyoProducerHealthCheck(operation.name(), details, null);
        }
        KlaviyoRequest accounts = KlaviyoRequest.of(component.getCatalog().byName(GET_ACCOUNTS), null, Map.of(), null,
                null);
        // names the credentials without containing them
        String key = configuration.getBaseUrl() + " " + configuration.getRevision() + " "
                     + client.credentials().accountKey();
        return new KlaviyoProducerHealthCheck(operation.name(), details, () -> component.getCredentialVerifications()
                .verify(key, configuration.getBaseUrl(), () -> call.call(accounts)));
    }

    /**
     * The endpoint's call chain for its consumer: the same steps around each HTTP attempt as the producer's (rate
     * limiter, retries, timeout), built the same way; the consumer's poll thread waits on it. The credentials the
     * operation needs are checked first, as the producer checks them when it starts.
     */
    Call call() {
        KlaviyoClient client = client();
        client.checkCredentials(operation.name(), operation.client());
        return call(client, RetrySettings.of(configuration));
    }

    private KlaviyoClient client() {
        return new KlaviyoClient(component::getHttpClient, configuration, new ResponseReader(mapper));
    }

    private Call call(KlaviyoClient client, RetrySettings retrySettings) {
        return attempts(client::call,
                new Retries(retrySettings, mapper, component::getScheduler, this::onWorker, metrics));
    }

    /**
     * The steps around each HTTP attempt, every call of the endpoint (its pages, job polls and lookups too) goes
     * through: timeout(retry(rateLimit(attempt))). The overall requestTimeout bounds all attempts and the waits between
     * them; each attempt, a retry too, passes through the rate limiter. The endpoint's metrics observe each attempt
     * (timed inside the rate limiter), each wait for the limiter and each retry.
     */
    private Call attempts(Call attempt, Retries retries) {
        // innermost: each attempt (a retry too) waits for its own token of the account's and operation's windows
        Call rateLimited = new RateLimitedCall(MeasuredAttempt.of(attempt, metrics), component::rateLimiterInUse,
                rateLimitAccount(), metrics);
        return retries.timeout(retries.retry(rateLimited));
    }

    /** The rate-limit account the endpoint's own operation draws from (a fingerprint, never a credential). */
    String rateLimitAccountKey() {
        return rateLimitAccount().accountKey(operation);
    }

    /**
     * The quota each call draws from: the public key's for /client operations; for /api ones the account of the
     * credentials the client sends: a private key's, or an OAuth installation's (Klaviyo gives each installation of an
     * app a quota of its own).
     */
    private RateLimitAccount rateLimitAccount() {
        RateLimitAccount keys = RateLimitAccount.of(configuration);
        // the session the client uses: resolving again returns the same one
        Credentials credentials = configuration.credentialSessions().resolve(configuration, component::getHttpClient);
        if (credentials == null) {
            return keys;
        }
        String apiAccount = credentials.accountKey();
        return operation -> operation.client() ? keys.accountKey(operation) : apiAccount;
    }

    /** Runs a task on the component's workers, where exchanges continue (in place before the component starts). */
    private void onWorker(Runnable task) {
        KlaviyoHttpClient pool = component.getHttpClient();
        if (pool == null) {
            task.run();
        } else {
            pool.completions().execute(task);
        }
    }

    /** The call, decorated with the steps the workflow options ask for, inside the workflow that runs it. */
    private OperationInvoker invoker(Call call, Call callForWaitingCaller, ResponseMapper responses) {
        Call joined = joinIncluded(call);
        // a bulk input above the operation's limits is split into chunks (each chunk's job awaited with awaitJob)
        ChunkLimits.Limit limit = workflow.isChunking() ? ChunkLimits.of(operation.operationId()) : null;
        Function<Call, OperationInvoker> oneOperation = steps -> limit == null
                ? new SingleCall(steps, responses)
                : new ChunkedCall(steps, responses, limit, mapper, workflow.isFailFast());
        return switch (workflow.getPagination()) {
            case ALL -> new AllPages(joined, responses, workflow.getMaxPages(), workflow.getMaxResults());
            // the consuming thread waits for a further page as long as its call may take, retries included
            case STREAM -> new PageStream(joined, joinIncluded(callForWaitingCaller), responses,
                    RetrySettings.of(configuration).pageWaitMillis());
            case SINGLE -> workflow.isAwaitJob()
                    ? new JobAwaiting(operation, component.getCatalog(), call, workflow.getJobPollInterval(),
                            workflow.getJobTimeout(), component::getScheduler).invoker(joined, oneOperation)
                    : oneOperation.apply(joined);
        };
    }

    private Call joinIncluded(Call call) {
        return workflow.isJoinIncluded() ? request -> call.call(request).thenApply(IncludedJoiner::join) : call;
    }
}
