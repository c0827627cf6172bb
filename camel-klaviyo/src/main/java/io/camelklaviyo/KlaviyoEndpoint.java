package io.camelklaviyo;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelklaviyo.action.ProfileListMembership;
import io.camelklaviyo.action.UpsertingCall;
import io.camelklaviyo.bulk.ChunkLimits;
import io.camelklaviyo.client.KlaviyoClient;
import io.camelklaviyo.invoke.BodyPreparation;
import io.camelklaviyo.invoke.AllPages;
import io.camelklaviyo.invoke.Call;
import io.camelklaviyo.invoke.ChunkedCall;
import io.camelklaviyo.invoke.OperationInvoker;
import io.camelklaviyo.invoke.PageStream;
import io.camelklaviyo.invoke.SingleCall;
import io.camelklaviyo.job.JobAwaiting;
import io.camelklaviyo.operation.Operation;
import io.camelklaviyo.operation.OperationCatalog;
import io.camelklaviyo.operation.OperationNames;
import io.camelklaviyo.request.QueryOptions;
import io.camelklaviyo.request.RequestFactory;
import io.camelklaviyo.response.IncludedJoiner;
import io.camelklaviyo.response.ResponseMapper;
import io.camelklaviyo.response.ResponseReader;
import org.apache.camel.AsyncEndpoint;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

/**
 * Call any operation of the Klaviyo marketing API (profiles, lists, events, campaigns, flows, catalogs, ...).
 */
@UriEndpoint(firstVersion = "4.18.0", scheme = "klaviyo", title = "Klaviyo", syntax = "klaviyo:operation",
             producerOnly = true, category = { Category.SAAS, Category.API },
             headersClass = KlaviyoConstants.class)
public class KlaviyoEndpoint extends DefaultEndpoint implements AsyncEndpoint, EndpointServiceLocation {

    @UriPath(description = "The operation: its canonical name (e.g. profiles/create, lists/add-profiles), its Klaviyo"
                           + " operationId (create_profile), an old operationId, or an action-list name"
                           + " (Add Profile to List). See docs/operations.md for all of them.")
    @Metadata(required = true)
    private String operationName;
    @UriParam
    private KlaviyoConfiguration configuration;
    @UriParam(label = "producer")
    private String relationship;
    @UriParam(label = "producer")
    private String id;
    @UriParam(label = "producer")
    private String filter;
    @UriParam(label = "producer")
    private String sort;
    @UriParam(label = "producer")
    private String include;
    @UriParam(label = "producer", prefix = "fields.", multiValue = true)
    private Map<String, Object> fields;
    @UriParam(label = "producer", prefix = "additionalFields.", multiValue = true)
    private Map<String, Object> additionalFields;
    @UriParam(label = "producer")
    private Integer pageSize;
    @UriParam(label = "producer")
    private String pageCursor;
    @UriParam(label = "producer,advanced", prefix = "query.", multiValue = true)
    private Map<String, Object> queryParameters;
    @UriParam
    private KlaviyoWorkflowOptions workflow = new KlaviyoWorkflowOptions();

    private Operation operation;

    /** Operations whose action-list form also takes e-mail addresses, resolved to profile ids. */
    private static final Set<String> LIST_MEMBERSHIP = Set.of("add_profiles_to_list", "remove_profiles_from_list");
    private static final String CREATE_PROFILE = "create_profile";
    private static final Pattern REVISION = Pattern.compile("\\d{4}-\\d{2}-\\d{2}(\\.[A-Za-z0-9]+)?");
    private static final String UPDATE_PROFILE = "profiles/update";
    private static final String GET_PROFILES = "profiles/list";

    public KlaviyoEndpoint(String uri, KlaviyoComponent component, KlaviyoConfiguration configuration) {
        super(uri, component);
        this.configuration = configuration;
    }

    @Override
    public KlaviyoComponent getComponent() {
        return (KlaviyoComponent) super.getComponent();
    }

    /**
     * Looks the operation up in the catalogue and checks the endpoint's query options against it, so that a bad
     * endpoint fails when the route starts, never at message time.
     */
    void resolveOperation(OperationCatalog catalog) {
        if (configuration.getRevision() == null || !REVISION.matcher(configuration.getRevision()).matches()) {
            throw new IllegalArgumentException("The revision must look like YYYY-MM-DD or YYYY-MM-DD.suffix (e.g."
                                               + " 2026-07-15 or 2026-07-15.pre), got '" + configuration.getRevision()
                                               + "'");
        }
        Collection<Operation> found = catalog.resolve(operationName);
        if (found.isEmpty()) {
            throw new IllegalArgumentException(
                    "Unknown Klaviyo operation '" + operationName + "'. Closest matches: "
                                               + String.join(", ", OperationNames.closest(operationName,
                                                       catalog.allNames(), 5))
                                               + ". Every name is listed in docs/operations.md.");
        }
        operation = found.size() == 1 ? onlyOperation(found) : selectByRelationship(found);
        queryOptions().validate(operation);
        checkPagination();
        checkJobOptions(catalog);
        if (id != null && operation.pathParams().isEmpty()
                && (operation.body() == null || !operation.body().idRequired())) {
            throw new IllegalArgumentException("The option id has no use for " + operation.name()
                                               + ": it takes no id in its path or document");
        }
        if (workflow.isUpsert() && !CREATE_PROFILE.equals(operation.operationId())) {
            throw new IllegalArgumentException("upsert applies only to profiles/create (create_profile), not to "
                                               + operation.name());
        }
    }

    /**
     * Checks the job options against the operation: awaiting a job needs an operation that spawns one Klaviyo lets
     * us read back, a positive poll interval and timeout.
     */
    private void checkJobOptions(OperationCatalog catalog) {
        if (!workflow.isAwaitJob()) {
            return;
        }
        JobAwaiting.checkAwaitable(operation, catalog);
        if (workflow.getJobPollInterval() <= 0 || workflow.getJobTimeout() <= 0) {
            throw new IllegalArgumentException(
                    "The options jobPollInterval and jobTimeout take a positive duration; got jobPollInterval="
                                               + workflow.getJobPollInterval() + " ms, jobTimeout="
                                               + workflow.getJobTimeout() + " ms");
        }
    }

    /**
     * Checks the pagination options against the operation: following pages needs an operation that returns pages,
     * and joining included resources one that accepts include.
     */
    private void checkPagination() {
        PageMode mode = workflow.getPagination();
        if (mode != PageMode.SINGLE && operation.pagination() == Operation.Pagination.NONE) {
            throw new IllegalArgumentException(
                    "The option pagination=" + mode + " needs an operation that returns pages of records; "
                                               + operation.name() + " returns no pages (use pagination=SINGLE)");
        }
        if (workflow.getMaxPages() < 0 || workflow.getMaxResults() < 0) {
            throw new IllegalArgumentException(
                    "The options maxPages and maxResults take 0 (no limit) or more; got maxPages="
                                               + workflow.getMaxPages() + ", maxResults=" + workflow.getMaxResults());
        }
        if (workflow.isJoinIncluded() && !operation.acceptsQuery("include")) {
            throw new IllegalArgumentException(
                    "The option joinIncluded=true needs an operation that accepts include; " + operation.name()
                                               + " does not");
        }
        if (workflow.isJoinIncluded() && mode == PageMode.SINGLE
                && configuration.getResponseFormat() == ResponseFormat.RAW) {
            throw new IllegalArgumentException(
                    "The option joinIncluded=true joins parsed records; responseFormat=RAW gives the response text"
                                               + " as it came (use DOCUMENT or DATA)");
        }
    }

    private Operation onlyOperation(Collection<Operation> found) {
        if (relationship != null) {
            throw new IllegalArgumentException(
                    "The option relationship applies only to actions that cover several operations; '"
                                               + operationName + "' is exactly " + found.iterator().next().name());
        }
        return found.iterator().next();
    }

    private Operation selectByRelationship(Collection<Operation> found) {
        Map<String, Operation> byRelationship = new LinkedHashMap<>();
        for (Operation candidate : found) {
            byRelationship.put(candidate.path().substring(candidate.path().lastIndexOf('/') + 1), candidate);
        }
        Operation selected = relationship == null ? null : byRelationship.get(relationship);
        if (selected == null) {
            throw new IllegalArgumentException(
                    "'" + operationName + "' covers " + found.size() + " operations; choose one with relationship="
                                               + String.join("|", byRelationship.keySet())
                                               + (relationship == null ? "" : " (got '" + relationship + "')")
                                               + ": " + found.stream().map(Operation::name)
                                                       .collect(Collectors.joining(", ")));
        }
        return selected;
    }

    QueryOptions queryOptions() {
        return new QueryOptions(filter, sort, include, pageSize, pageCursor, stringValues(fields),
                stringValues(additionalFields), stringValues(queryParameters));
    }

    private static Map<String, String> stringValues(Map<String, Object> options) {
        Map<String, String> values = new LinkedHashMap<>();
        if (options != null) {
            options.forEach((key, value) -> values.put(key, value == null ? null : value.toString()));
        }
        return values;
    }

    @Override
    public Producer createProducer() {
        ObjectMapper mapper = getComponent().getObjectMapper();
        KlaviyoClient client = new KlaviyoClient(getComponent()::getHttpClient, configuration,
                new ResponseReader(mapper));
        ResponseMapper responses = new ResponseMapper(operation.name(), configuration.getResponseFormat(),
                configuration.getResponseType(), mapper);
        Call call = client::call;
        if (workflow.isUpsert()) {
            call = new UpsertingCall(call, getComponent().getCatalog().byName(UPDATE_PROFILE), mapper);
        }
        BodyPreparation preparation = LIST_MEMBERSHIP.contains(operation.operationId())
                ? new ProfileListMembership(operation.name(), client::call,
                        getComponent().getCatalog().byName(GET_PROFILES))
                : null;
        return new KlaviyoProducer(this, new RequestFactory(operation, queryOptions(), id, mapper), client,
                preparation, invoker(call, client::callForWaitingCaller, responses));
    }

    private Call joinIncluded(Call call) {
        return workflow.isJoinIncluded() ? request -> call.call(request).thenApply(IncludedJoiner::join) : call;
    }

    /** The call, decorated with the steps the workflow options ask for, inside the workflow that runs it. */
    private OperationInvoker invoker(Call call, Call callForWaitingCaller, ResponseMapper responses) {
        Call joined = joinIncluded(call);
        // a bulk input above the operation's limits is split into chunks (each chunk's job awaited with awaitJob)
        ChunkLimits.Limit limit = workflow.isChunking() ? ChunkLimits.of(operation.operationId()) : null;
        Function<Call, OperationInvoker> oneOperation = steps -> limit == null
                ? new SingleCall(steps, responses)
                : new ChunkedCall(steps, responses, limit, getComponent().getObjectMapper(), workflow.isFailFast());
        return switch (workflow.getPagination()) {
            case ALL -> new AllPages(joined, responses, workflow.getMaxPages(), workflow.getMaxResults());
            case STREAM -> new PageStream(joined, joinIncluded(callForWaitingCaller), responses,
                    configuration.getResponseTimeout());
            case SINGLE -> workflow.isAwaitJob()
                    ? new JobAwaiting(operation, getComponent().getCatalog(), call, workflow.getJobPollInterval(),
                            workflow.getJobTimeout(), getComponent()::getScheduler).invoker(joined, oneOperation)
                    : oneOperation.apply(joined);
        };
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("The klaviyo component has no consumer yet: " + getEndpointUri());
    }

    @Override
    public String getServiceUrl() {
        return configuration.getBaseUrl();
    }

    @Override
    public String getServiceProtocol() {
        return "https";
    }

    /** The operation this endpoint calls. */
    public Operation getOperation() {
        return operation;
    }

    public String getOperationName() {
        return operationName;
    }

    public void setOperationName(String operationName) {
        this.operationName = operationName;
    }

    public KlaviyoConfiguration getConfiguration() {
        return configuration;
    }

    /** The shared options (credentials, base URL, revision, response shape) of this endpoint. */
    public void setConfiguration(KlaviyoConfiguration configuration) {
        this.configuration = configuration;
    }

    public String getRelationship() {
        return relationship;
    }

    /**
     * For an action that covers several operations (such as "Get Tag Relationships"), the related resource that
     * selects one of them: the last segment of its path, e.g. flows, lists, segments, campaigns.
     */
    public void setRelationship(String relationship) {
        this.relationship = relationship;
    }

    public String getId() {
        return id;
    }

    /** The id in the operation's path ({id} or {job_id}); the CamelKlaviyoId header overrides it. */
    public void setId(String id) {
        this.id = id;
    }

    public String getFilter() {
        return filter;
    }

    /**
     * A filter expression such as equals(first_name,"Jane") or
     * greater-than(updated,2024-01-01T00:00:00Z); checked against the operation's filterable fields.
     */
    public void setFilter(String filter) {
        this.filter = filter;
    }

    public String getSort() {
        return sort;
    }

    /** The sort field; prefix it with - for descending order. */
    public void setSort(String sort) {
        this.sort = sort;
    }

    public String getInclude() {
        return include;
    }

    /** Related resources to include in the response (comma separated), e.g. lists,segments. */
    public void setInclude(String include) {
        this.include = include;
    }

    public Map<String, Object> getFields() {
        return fields;
    }

    /**
     * Sparse fieldsets per resource type: fields.profile=email,first_name asks for only those two fields of each
     * profile in the response.
     */
    public void setFields(Map<String, Object> fields) {
        this.fields = fields;
    }

    public Map<String, Object> getAdditionalFields() {
        return additionalFields;
    }

    /**
     * Additional fields per resource type, e.g. additionalFields.profile=subscriptions. Some of them move the call
     * to a slower rate-limit tier.
     */
    public void setAdditionalFields(Map<String, Object> additionalFields) {
        this.additionalFields = additionalFields;
    }

    public Integer getPageSize() {
        return pageSize;
    }

    /** The page size (page[size]) of a paginated operation. */
    public void setPageSize(Integer pageSize) {
        this.pageSize = pageSize;
    }

    public String getPageCursor() {
        return pageCursor;
    }

    /** The page cursor, or the full links.next URL of a previous page. */
    public void setPageCursor(String pageCursor) {
        this.pageCursor = pageCursor;
    }

    public KlaviyoWorkflowOptions getWorkflow() {
        return workflow;
    }

    /** Pagination, chunking, job and upsert options. */
    public void setWorkflow(KlaviyoWorkflowOptions workflow) {
        this.workflow = workflow;
    }

    public Map<String, Object> getQueryParameters() {
        return queryParameters;
    }

    /**
     * Any other query parameter by its wire name, e.g. query.timeframe=...; names the operation does not accept are
     * rejected.
     */
    public void setQueryParameters(Map<String, Object> queryParameters) {
        this.queryParameters = queryParameters;
    }
}
