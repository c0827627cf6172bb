package io.camelklaviyo;

import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

import javax.net.ssl.SSLContext;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelklaviyo.client.HttpProxy;
import io.camelklaviyo.client.KlaviyoHttpClient;
import io.camelklaviyo.consumer.StateFiles;
import io.camelklaviyo.health.CredentialVerifications;
import io.camelklaviyo.metrics.KlaviyoMetrics;
import io.camelklaviyo.operation.OperationCatalog;
import io.camelklaviyo.ratelimit.Bucket4jRateLimiter;
import io.camelklaviyo.ratelimit.KlaviyoRateLimiter;
import org.apache.camel.Endpoint;
import org.apache.camel.SSLContextParametersAware;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.spi.ExecutorServiceManager;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.util.PropertiesHelper;
import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;

/**
 * The klaviyo: component: one connection pool and one set of credentials shared by all its endpoints.
 */
@Component("klaviyo")
public class KlaviyoComponent extends HealthCheckComponent implements SSLContextParametersAware {

    @Metadata
    private KlaviyoConfiguration configuration = new KlaviyoConfiguration();
    @Metadata(label = "advanced", defaultValue = "50")
    private int maxConnections = 50;
    @Metadata(label = "advanced", defaultValue = "10000", javaType = "java.time.Duration")
    private long connectTimeout = 10_000;
    @Metadata(label = "advanced", defaultValue = "20")
    private int workerPoolSize = 20;
    @Metadata(label = "proxy")
    private String proxyHost;
    @Metadata(label = "proxy")
    private Integer proxyPort;
    @Metadata(label = "proxy", secret = true)
    private String proxyUsername;
    @Metadata(label = "proxy", secret = true)
    private String proxyPassword;
    @Metadata(label = "security")
    private SSLContextParameters sslContextParameters;
    @Metadata(label = "security", defaultValue = "false")
    private boolean useGlobalSslContextParameters;
    @Metadata(label = "common", defaultValue = "true")
    private boolean rateLimiting = true;
    @Metadata(label = "advanced", autowired = true)
    private KlaviyoRateLimiter rateLimiter;
    // typed Object: a MeterRegistry-typed option would make the generated configurer load Micrometer classes
    @Metadata(label = "advanced", javaType = "io.micrometer.core.instrument.MeterRegistry")
    private Object meterRegistry;

    private final OperationCatalog catalog = OperationCatalog.bundled();
    // modules on the classpath (java.time, ...) so that users' POJOs serialise as they expect
    private final StateFiles stateFiles = new StateFiles();
    private final ObjectMapper objectMapper = new ObjectMapper().findAndRegisterModules();
    private volatile KlaviyoHttpClient httpClient;
    private ExecutorService responseExecutor;
    private ScheduledExecutorService scheduler;
    // the limiter all endpoints share from start to stop: rateLimiter, or the built-in one (closed at stop); null off
    private volatile KlaviyoRateLimiter activeRateLimiter;
    private Bucket4jRateLimiter builtInRateLimiter;
    private final KlaviyoMetrics metrics = new KlaviyoMetrics();
    private final CredentialVerifications credentialVerifications = new CredentialVerifications();

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

    public boolean isRateLimiting() {
        return rateLimiting;
    }

    /**
     * Whether to hold requests back on this side so that they stay within Klaviyo's rate limits: each operation's
     * burst (per second) and steady (per minute) windows, its daily cap, and the slower limits of its
     * additional-fields / include variants, counted per account and shared by all endpoints of this component. Every
     * HTTP attempt (pages, job polls, lookups and retries too) waits for its turn without holding a thread. Switch it
     * off only when something else keeps the traffic within the limits.
     */
    public void setRateLimiting(boolean rateLimiting) {
        this.rateLimiting = rateLimiting;
    }

    public KlaviyoRateLimiter getRateLimiter() {
        return rateLimiter;
    }

    /**
     * A rate limiter to use instead of the built-in one (which keeps its counts in this JVM), for example an
     * io.camelklaviyo.ratelimit.Bucket4jRateLimiter built on a distributed Bucket4j ProxyManager (Redis, Hazelcast,
     * JDBC, ...) so that several nodes sharing one Klaviyo account share its budget. Its lifecycle is the
     * application's. Not used when rateLimiting is false.
     */
    public void setRateLimiter(KlaviyoRateLimiter rateLimiter) {
        this.rateLimiter = rateLimiter;
    }

    public Object getMeterRegistry() {
        return meterRegistry;
    }

    /**
     * The Micrometer MeterRegistry to record the klaviyo.requests, klaviyo.retries and klaviyo.ratelimit.wait meters
     * in. When not set, the single MeterRegistry bean in the registry is used (or the composite one when there are
     * several, as in Spring Boot); without Micrometer on the classpath there are no meters.
     */
    public void setMeterRegistry(Object meterRegistry) {
        this.meterRegistry = meterRegistry;
    }

    /** What the endpoints' calls did: in-memory statistics, and Micrometer meters when bound. */
    public KlaviyoMetrics getMetrics() {
        return metrics;
    }

    /** The cached verifications of the credentials that the producers' health checks share. */
    public CredentialVerifications getCredentialVerifications() {
        return credentialVerifications;
    }

    /** The rate-limit account an endpoint's operation draws from: a fingerprint or the public key, never a secret. */
    public String rateLimitAccountOf(KlaviyoEndpoint endpoint) {
        return new ProducerAssembly(endpoint).rateLimitAccountKey();
    }

    /** The rate limiter in use (for the dev console), or null when rate limiting is off or the component stopped. */
    public KlaviyoRateLimiter getRateLimiterInUse() {
        return activeRateLimiter;
    }

    /** The rate limiter in use from the component's start to its stop, or null when rate limiting is off. */
    KlaviyoRateLimiter rateLimiterInUse() {
        return activeRateLimiter;
    }

    public String getProxyHost() {
        return proxyHost;
    }

    /**
     * An HTTP proxy to send every request to Klaviyo through (HTTPS is tunnelled with CONNECT); set proxyPort too.
     */
    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
    }

    public Integer getProxyPort() {
        return proxyPort;
    }

    /** The port of the HTTP proxy (proxyHost). */
    public void setProxyPort(Integer proxyPort) {
        this.proxyPort = proxyPort;
    }

    public String getProxyUsername() {
        return proxyUsername;
    }

    /** The user to authenticate to the HTTP proxy as (Basic or Digest), when it asks for credentials. */
    public void setProxyUsername(String proxyUsername) {
        this.proxyUsername = proxyUsername;
    }

    public String getProxyPassword() {
        return proxyPassword;
    }

    /** The password of proxyUsername; it goes to the proxy only. */
    public void setProxyPassword(String proxyPassword) {
        this.proxyPassword = proxyPassword;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    /**
     * TLS settings for the connections to Klaviyo (trust store, key store, protocols, cipher suites) as Camel
     * SSLContextParameters, e.g. to trust a TLS-inspecting corporate proxy. Host names are still verified. One set per
     * component: all endpoints share its connection pool.
     */
    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    @Override
    public boolean isUseGlobalSslContextParameters() {
        return useGlobalSslContextParameters;
    }

    /** Use the CamelContext's global SSLContextParameters when sslContextParameters is not set. */
    @Override
    public void setUseGlobalSslContextParameters(boolean useGlobalSslContextParameters) {
        this.useGlobalSslContextParameters = useGlobalSslContextParameters;
    }

    /** The TLS context of the connection pool: sslContextParameters, else the global ones if asked for, else null. */
    private SSLContext sslContext() throws Exception {
        SSLContextParameters parameters = sslContextParameters != null
                ? sslContextParameters
                : retrieveGlobalSslContextParameters();
        return parameters == null ? null : parameters.createSSLContext(getCamelContext());
    }

    /** The HTTP proxy of the connection pool, or null. */
    private HttpProxy proxy() {
        if (proxyHost == null || proxyHost.isBlank()) {
            return null;
        }
        if (proxyPort == null) {
            throw new IllegalArgumentException("proxyHost is set (" + proxyHost + ") but proxyPort is not");
        }
        return new HttpProxy(proxyHost, proxyPort, proxyUsername, proxyPassword);
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

    /** The state files of this component's consumers: one repository per file, shared by its consumers. */
    StateFiles getStateFiles() {
        return stateFiles;
    }

    /** The operation catalogue endpoints resolve their names against. */
    OperationCatalog getCatalog() {
        return catalog;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        // TLS and proxy settings first: a bad one fails the start before any thread exists
        SSLContext sslContext = sslContext();
        HttpProxy proxy = proxy();
        ExecutorServiceManager executors = getCamelContext().getExecutorServiceManager();
        // one thread and an unbounded queue: every pending timeout, retry and rate-limit drain is a task here, and the
        // default profile's 1,000-task limit would reject them under load
        ThreadPoolProfile timers = new ThreadPoolProfile("KlaviyoScheduler");
        timers.setPoolSize(1);
        timers.setMaxQueueSize(0);
        scheduler = executors.newScheduledThreadPool(this, "KlaviyoScheduler", timers);
        // an unbounded queue: a full pool must never push work back onto the HTTP client's I/O threads
        ThreadPoolProfile workers = new ThreadPoolProfile("KlaviyoWorker");
        workers.setPoolSize(workerPoolSize);
        workers.setMaxPoolSize(workerPoolSize);
        workers.setMaxQueueSize(Integer.MAX_VALUE);
        workers.setRejectedPolicy(ThreadPoolRejectedPolicy.Abort);
        responseExecutor = executors.newThreadPool(this, "KlaviyoWorker", workers);
        if (rateLimiting && rateLimiter == null) {
            builtInRateLimiter = Bucket4jRateLimiter.builder().scheduler(scheduler).build();
        }
        activeRateLimiter = rateLimiting ? (rateLimiter != null ? rateLimiter : builtInRateLimiter) : null;
        KlaviyoHttpClient client = new KlaviyoHttpClient(maxConnections, connectTimeout, responseExecutor,
                sslContext, proxy);
        ServiceHelper.startService(client);
        httpClient = client;
        metrics.start(getCamelContext(), meterRegistry);
    }

    @Override
    protected void doStop() throws Exception {
        // requests still waiting for their turn fail rather than wait for a scheduler that is going away
        activeRateLimiter = null;
        metrics.stop();
        credentialVerifications.clear();
        if (builtInRateLimiter != null) {
            builtInRateLimiter.close();
            builtInRateLimiter = null;
        }
        ServiceHelper.stopService(httpClient);
        httpClient = null;
        getCamelContext().getExecutorServiceManager().shutdown(responseExecutor);
        responseExecutor = null;
        getCamelContext().getExecutorServiceManager().shutdown(scheduler);
        scheduler = null;
        super.doStop();
    }
}
