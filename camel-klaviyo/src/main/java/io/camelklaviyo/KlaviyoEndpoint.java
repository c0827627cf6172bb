package io.camelklaviyo;

import java.util.LinkedHashMap;
import java.util.Map;

import io.camelklaviyo.consumer.ConsumptionPlan;
import io.camelklaviyo.consumer.KlaviyoConsumer;
import io.camelklaviyo.operation.Operation;
import io.camelklaviyo.operation.OperationCatalog;
import io.camelklaviyo.request.QueryOptions;
import io.camelklaviyo.response.ResponseMapper;
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
import org.apache.camel.support.ScheduledPollEndpoint;

/**
 * Call any operation of the Klaviyo marketing API (profiles, lists, events, campaigns, flows, catalogs, ...).
 */
@UriEndpoint(firstVersion = "4.18.0", scheme = "klaviyo", title = "Klaviyo", syntax = "klaviyo:operation",
             category = { Category.SAAS, Category.API },
             headersClass = KlaviyoConstants.class)
public class KlaviyoEndpoint extends ScheduledPollEndpoint implements AsyncEndpoint, EndpointServiceLocation {

    @UriPath(description = "The operation: its canonical name (e.g. profiles/create, lists/add-profiles), its Klaviyo"
                           + " operationId (create_profile), an old operationId, or an action-list name"
                           + " (Add Profile to List). See docs/operations.md for all of them.")
    @Metadata(required = true)
    private String operationName;
    @UriParam
    private KlaviyoConfiguration configuration;
    @UriParam(label = "producer")
    private String relationship;
    @UriParam(label = "common")
    private String id;
    @UriParam(label = "common")
    private String filter;
    @UriParam(label = "common")
    private String sort;
    @UriParam(label = "common")
    private String include;
    @UriParam(label = "common", prefix = "fields.", multiValue = true)
    private Map<String, Object> fields;
    @UriParam(label = "common", prefix = "additionalFields.", multiValue = true)
    private Map<String, Object> additionalFields;
    @UriParam(label = "common")
    private Integer pageSize;
    @UriParam(label = "producer")
    private String pageCursor;
    @UriParam(label = "common,advanced", prefix = "query.", multiValue = true)
    private Map<String, Object> queryParameters;
    @UriParam
    private KlaviyoWorkflowOptions workflow = new KlaviyoWorkflowOptions();
    @UriParam
    private KlaviyoConsumerOptions consumerOptions = new KlaviyoConsumerOptions();

    private Operation operation;

    public KlaviyoEndpoint(String uri, KlaviyoComponent component, KlaviyoConfiguration configuration) {
        super(uri, component);
        this.configuration = configuration;
    }

    @Override
    public KlaviyoComponent getComponent() {
        return (KlaviyoComponent) super.getComponent();
    }

    /**
     * Looks the operation up in the catalogue and checks the endpoint's options against it, so that a bad endpoint
     * fails when the route starts, never at message time.
     */
    void resolveOperation(OperationCatalog catalog) {
        operation = OperationSelection.select(catalog, operationName, relationship);
        queryOptions().validate(operation);
        new OptionChecks(operation, configuration, workflow, id, catalog).check();
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
        return new ProducerAssembly(this).producer();
    }

    /**
     * A polling consumer that reads the operation's collection incrementally (see KlaviyoConsumerOptions); its
     * options are checked against the operation here, so that a consumer Klaviyo cannot serve fails the route at
     * start-up.
     */
    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        ConsumptionPlan plan = ConsumptionPlan.of(operation, consumerOptions, queryOptions(), id);
        ResponseMapper responses = new ResponseMapper(operation.name(), configuration.getResponseFormat(),
                configuration.getResponseType(), getComponent().getObjectMapper());
        KlaviyoConsumer consumer = new KlaviyoConsumer(this, processor, consumerOptions, plan,
                new ProducerAssembly(this).call(), workflow.isJoinIncluded(),
                getComponent().getCatalog().byName("metrics/list"), responses, getComponent().getStateFiles());
        configureConsumer(consumer);
        return consumer;
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

    public KlaviyoConsumerOptions getConsumerOptions() {
        return consumerOptions;
    }

    /** The consumer's options: cursor, start position, overlap, state and idempotent repositories. */
    public void setConsumerOptions(KlaviyoConsumerOptions consumerOptions) {
        this.consumerOptions = consumerOptions;
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
