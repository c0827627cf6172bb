package io.camelklaviyo;

import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelklaviyo.client.KlaviyoHttpClient;
import io.camelklaviyo.operation.OperationCatalog;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.spi.ExecutorServiceManager;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.support.DefaultComponent;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.util.PropertiesHelper;
import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;

/**
 * The klaviyo: component: one connection pool and one set of credentials shared by all its endpoints.
 */
@Component("klaviyo")
public class KlaviyoComponent extends DefaultComponent {

    @Metadata
    private KlaviyoConfiguration configuration = new KlaviyoConfiguration();
    @Metadata(label = "advanced", defaultValue = "50")
    private int maxConnections = 50;
    @Metadata(label = "advanced", defaultValue = "10000", javaType = "java.time.Duration")
    private long connectTimeout = 10_000;
    @Metadata(label = "advanced", defaultValue = "20")
    private int workerPoolSize = 20;

    private final OperationCatalog catalog = OperationCatalog.bundled();
    // modules on the classpath (java.time, ...) so that users' POJOs serialise as they expect
    private final ObjectMapper objectMapper = new ObjectMapper().findAndRegisterModules();
    private volatile KlaviyoHttpClient httpClient;
    private ExecutorService responseExecutor;
    private ScheduledExecutorService scheduler;

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        KlaviyoEndpoint endpoint = new KlaviyoEndpoint(uri, this, configuration.copy());
        endpoint.setOperationName(remaining);
        // prefixed multi-value options, the way camel-http reads its httpClient.* options
        endpoint.setFields(PropertiesHelper.extractProperties(parameters, "fields."));
        endpoint.setAdditionalFields(PropertiesHelper.extractProperties(parameters, "additionalFields."));
        endpoint.setQueryParameters(PropertiesHelper.extractProperties(parameters, "query."));
        setProperties(endpoint, parameters);
        endpoint.resolveOperation(catalog);
        return endpoint;
    }

    public KlaviyoConfiguration getConfiguration() {
        return configuration;
    }

    /** Options every endpoint starts from. */
    public void setConfiguration(KlaviyoConfiguration configuration) {
        this.configuration = configuration;
    }

    public int getMaxConnections() {
        return maxConnections;
    }

    /** The size of the connection pool to Klaviyo that all endpoints of this component share. */
    public void setMaxConnections(int maxConnections) {
        this.maxConnections = maxConnections;
    }

    public long getConnectTimeout() {
        return connectTimeout;
    }

    /** How long to wait for a TCP connection to Klaviyo, in milliseconds. */
    public void setConnectTimeout(long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public int getWorkerPoolSize() {
        return workerPoolSize;
    }

    /**
     * The threads on which exchanges continue once Klaviyo has answered (never the HTTP client's I/O threads); they
     * run the rest of the route, so size it for the routes' own work.
     */
    public void setWorkerPoolSize(int workerPoolSize) {
        this.workerPoolSize = workerPoolSize;
    }

    /** The JSON mapper of request and response bodies; thread-safe and shared by all endpoints. */
    ObjectMapper getObjectMapper() {
        return objectMapper;
    }

    /** The connection pool of this component; it lives from the component's start to its stop. */
    KlaviyoHttpClient getHttpClient() {
        return httpClient;
    }

    /** Schedules delayed work (the next poll of an awaited job) without holding a thread while it waits. */
    ScheduledExecutorService getScheduler() {
        return scheduler;
    }

    /** The operation catalogue endpoints resolve their names against. */
    OperationCatalog getCatalog() {
        return catalog;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        ExecutorServiceManager executors = getCamelContext().getExecutorServiceManager();
        scheduler = executors.newSingleThreadScheduledExecutor(this, "KlaviyoScheduler");
        // an unbounded queue: a full pool must never push work back onto the HTTP client's I/O threads
        ThreadPoolProfile workers = new ThreadPoolProfile("KlaviyoWorker");
        workers.setPoolSize(workerPoolSize);
        workers.setMaxPoolSize(workerPoolSize);
        workers.setMaxQueueSize(Integer.MAX_VALUE);
        workers.setRejectedPolicy(ThreadPoolRejectedPolicy.Abort);
        responseExecutor = executors.newThreadPool(this, "KlaviyoWorker", workers);
        KlaviyoHttpClient client = new KlaviyoHttpClient(maxConnections, connectTimeout, responseExecutor);
        ServiceHelper.startService(client);
        httpClient = client;
    }

    @Override
    protected void doStop() throws Exception {
        ServiceHelper.stopService(httpClient);
        httpClient = null;
        getCamelContext().getExecutorServiceManager().shutdown(responseExecutor);
        responseExecutor = null;
        getCamelContext().getExecutorServiceManager().shutdown(scheduler);
        scheduler = null;
        super.doStop();
    }
}
