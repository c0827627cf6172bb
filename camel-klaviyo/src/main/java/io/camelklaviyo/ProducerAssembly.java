package io.camelklaviyo;

import java.util.Set;
import java.util.function.Function;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelklaviyo.action.ProfileListMembership;
import io.camelklaviyo.action.UpsertingCall;
import io.camelklaviyo.bulk.ChunkLimits;
import io.camelklaviyo.client.KlaviyoClient;
import io.camelklaviyo.invoke.AllPages;
import io.camelklaviyo.invoke.BodyPreparation;
import io.camelklaviyo.invoke.Call;
import io.camelklaviyo.invoke.ChunkedCall;
import io.camelklaviyo.invoke.OperationInvoker;
import io.camelklaviyo.invoke.PageStream;
import io.camelklaviyo.invoke.SingleCall;
import io.camelklaviyo.job.JobAwaiting;
import io.camelklaviyo.operation.Operation;
import io.camelklaviyo.request.RequestFactory;
import io.camelklaviyo.response.IncludedJoiner;
import io.camelklaviyo.response.ResponseMapper;
import io.camelklaviyo.response.ResponseReader;

/**
 * Builds an endpoint's producer: the client, the chain of steps around each HTTP attempt, and the workflow that runs
 * the operation, as the endpoint's options ask.
 */
final class ProducerAssembly {

    /** Operations whose action-list form also takes e-mail addresses, resolved to profile ids. */
    private static final Set<String> LIST_MEMBERSHIP = Set.of("add_profiles_to_list", "remove_profiles_from_list");
    private static final String UPDATE_PROFILE = "profiles/update";
    private static final String GET_PROFILES = "profiles/list";

    private final KlaviyoEndpoint endpoint;
    private final KlaviyoComponent component;
    private final KlaviyoConfiguration configuration;
    private final KlaviyoWorkflowOptions workflow;
    private final Operation operation;
    private final ObjectMapper mapper;

    ProducerAssembly(KlaviyoEndpoint endpoint) {
        this.endpoint = endpoint;
        this.component = endpoint.getComponent();
        this.configuration = endpoint.getConfiguration();
        this.workflow = endpoint.getWorkflow();
        this.operation = endpoint.getOperation();
        this.mapper = component.getObjectMapper();
    }

    KlaviyoProducer producer() {
        KlaviyoClient client = new KlaviyoClient(component::getHttpClient, configuration, new ResponseReader(mapper));
        ResponseMapper responses = new ResponseMapper(operation.name(), configuration.getResponseFormat(),
                configuration.getResponseType(), mapper);
        Call call = attempts(client::call);
        Call callForWaitingCaller = attempts(client::callForWaitingCaller);
        BodyPreparation preparation = LIST_MEMBERSHIP.contains(operation.operationId())
                ? new ProfileListMembership(operation.name(), call, component.getCatalog().byName(GET_PROFILES))
                : null;
        if (workflow.isUpsert()) {
            call = new UpsertingCall(call, component.getCatalog().byName(UPDATE_PROFILE), mapper);
        }
        return new KlaviyoProducer(endpoint, new RequestFactory(operation, endpoint.queryOptions(), endpoint.getId(),
                mapper), client, preparation, invoker(call, callForWaitingCaller, responses));
    }

    /**
     * The steps around each HTTP attempt, every call of the endpoint (its pages, job polls and lookups too) goes
     * through.
     */
    private Call attempts(Call attempt) {
        return attempt;
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
            case STREAM -> new PageStream(joined, joinIncluded(callForWaitingCaller), responses,
                    configuration.getResponseTimeout());
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
