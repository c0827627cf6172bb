package io.camelklaviyo.springboot;

import java.time.Duration;

import io.camelklaviyo.KlaviyoConfiguration;
import io.camelklaviyo.ResponseFormat;
import io.camelklaviyo.auth.KlaviyoTokenStore;
import io.camelklaviyo.ratelimit.KlaviyoRateLimiter;
import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Call any operation of the Klaviyo marketing API (profiles, lists, events, campaigns, flows, catalogs, ...).
 * <p>
 * One field per option of the klaviyo component (its {@code componentProperties} in {@code klaviyo.json}), with the
 * component's defaults. The field javadoc becomes the IDE help of {@code camel.component.klaviyo.*} through
 * {@code spring-boot-configuration-processor}.
 * <p>
 * Defaults are literals rather than the component's constants so that the configuration processor can put them
 * into the IDE metadata; {@code KlaviyoStarterMetadataTest} keeps them equal to the component's.
 * <p>
 * Deliberately no {@code toString()}: the class holds the private API key and the OAuth secrets.
 */
@ConfigurationProperties(prefix = "camel.component.klaviyo")
public class KlaviyoComponentConfiguration extends ComponentConfigurationPropertiesCommon {

    /**
     * The private API key (pk_...) sent as Authorization: Klaviyo-API-Key to every /api operation. Prefer setting
     * it on the component (or as a property placeholder) so it never appears in an endpoint URI.
     */
    private String apiKey;
    /**
     * The public API key (site ID, 6 characters) that the client-side /client operations send as company_id. They
     * never send the private key. It is public by design (every storefront embeds it), so it is not masked.
     */
    private String publicKey;
    /**
     * An OAuth access token, sent as Authorization: Bearer to every /api operation instead of a private key. With a
     * refresh-token it is only the first one (its expiry unknown, it is used until Klaviyo rejects it); without one it
     * is never renewed. Leave it out to obtain one with the refresh-token at the first call.
     */
    private String accessToken;
    /**
     * The OAuth refresh token of the app's installation in a Klaviyo account: with client-id and client-secret it
     * obtains access tokens, before the current one expires (see token-refresh-skew) and once after a 401. Klaviyo
     * replaces it on every refresh; the new one goes to the token-store, which a restart reads before this option.
     */
    private String refreshToken;
    /**
     * The OAuth app's client id, for refreshing tokens.
     */
    private String clientId;
    /**
     * The OAuth app's client secret, for refreshing tokens (sent with HTTP Basic to the token endpoint only).
     */
    private String clientSecret;
    /**
     * Klaviyo's OAuth token endpoint, where refresh tokens are exchanged; change it only for a test stand-in.
     * www.klaviyo.com is refused: Klaviyo blocks token requests sent through it.
     */
    private String oauthTokenUrl = "https://a.klaviyo.com/oauth/token";
    /**
     * How long before its expiry an OAuth access token is refreshed (the requests that need it wait for the refresh).
     * A bare number is milliseconds; 60s, 2m or PT1M work too.
     */
    private Duration tokenRefreshSkew = Duration.ofSeconds(60);
    /**
     * Where refreshed OAuth tokens are kept: Klaviyo replaces the refresh token on every refresh, so a store that
     * outlives the application (a file, a database) lets a restart continue with the latest one. The default keeps
     * them in memory only. The option is a io.camelklaviyo.auth.KlaviyoTokenStore type: refer to a bean with
     * #bean:name (or #name); a single KlaviyoTokenStore bean is used without it.
     */
    private KlaviyoTokenStore tokenStore;
    /**
     * The base URL of the Klaviyo API; change it for a proxy or a test stand-in.
     */
    private String baseUrl = "https://a.klaviyo.com";
    /**
     * The API revision sent in the revision header (format YYYY-MM-DD[.suffix]).
     */
    private String revision = "2026-07-15";
    /**
     * Options every endpoint starts from. The option is a io.camelklaviyo.KlaviyoConfiguration type: refer to a
     * bean with #bean:name (or #name). Options set here as well (api-key, base-url, ...) are applied on top of it.
     */
    private KlaviyoConfiguration configuration;
    /**
     * Whether the producer should be started lazy (on the first message). By starting lazy you can use this to allow
     * CamelContext and routes to startup in situations where a producer may otherwise fail during starting and cause
     * the route to fail being started. By deferring this startup to be lazy then the startup failure can be handled
     * during routing messages via Camel's routing error handlers. Beware that when the first message is processed
     * then creating and starting the producer may take a little time and prolong the total processing time of the
     * processing.
     */
    private Boolean lazyStartProducer = false;
    /**
     * Used for enabling or disabling all consumer based health checks from this component
     */
    private Boolean healthCheckConsumerEnabled = true;
    /**
     * Used for enabling or disabling all producer based health checks from this component. Notice: Camel has by
     * default disabled all producer based health-checks. You can turn on producer checks globally by setting
     * camel.health.producersEnabled=true.
     */
    private Boolean healthCheckProducerEnabled = true;
    /**
     * The Micrometer MeterRegistry to record the klaviyo.requests, klaviyo.retries and klaviyo.ratelimit.wait meters
     * in. When not set, the single MeterRegistry bean in the registry is used (or the composite one when there are
     * several, as in Spring Boot); without Micrometer on the classpath there are no meters. Refer to a bean with
     * #bean:name (or #name); a String here so that this starter loads no Micrometer class of its own.
     */
    private String meterRegistry;
    /**
     * Allows for bridging the consumer to the Camel routing Error Handler, which mean any exceptions (if possible)
     * occurred while the Camel consumer is trying to pickup incoming messages, or the likes, will now be processed as
     * a message and handled by the routing Error Handler. Important: This is only possible if the 3rd party component
     * allows Camel to be alerted if an exception was thrown. By default the consumer will use the
     * org.apache.camel.spi.ExceptionHandler to deal with exceptions, that will be logged at WARN or ERROR level and
     * ignored.
     */
    private Boolean bridgeErrorHandler = false;
    /**
     * What the message body holds after a call: the whole JSON:API document as a Map (DOCUMENT), only its data
     * (DATA), or the response text (RAW).
     */
    private ResponseFormat responseFormat = ResponseFormat.DOCUMENT;
    /**
     * A class to convert the response (the document, or its data with responseFormat=DATA) into with Jackson,
     * instead of a Map. Give the fully qualified class name.
     */
    private Class<?> responseType;
    /**
     * Whether autowiring is enabled. This is used for automatic autowiring options (the option must be marked as
     * autowired) by looking up in the registry to find if there is a single instance of matching type, which then
     * gets configured on the component. This can be used for automatic configuring JDBC data sources, JMS connection
     * factories, AWS Clients, etc.
     */
    private Boolean autowiredEnabled = true;
    /**
     * How long to wait for a TCP connection to Klaviyo. A bare number is milliseconds; 10s, 500ms or PT10S work too.
     */
    private Duration connectTimeout = Duration.ofSeconds(10);
    /**
     * The size of the connection pool to Klaviyo that all endpoints of this component share.
     */
    private Integer maxConnections = 50;
    /**
     * How long to wait for Klaviyo's response once the request is sent. A bare number is milliseconds; 60s, 2m or
     * PT1M work too.
     */
    private Duration responseTimeout = Duration.ofSeconds(60);
    /**
     * The threads on which exchanges continue once Klaviyo has answered (never the HTTP client's I/O threads); they
     * run the rest of the route, so size it for the routes' own work.
     */
    private Integer workerPoolSize = 20;
    /**
     * Whether to hold requests back on this side so that they stay within Klaviyo's rate limits: each operation's
     * burst (per second) and steady (per minute) windows, its daily cap, and the slower limits of its
     * additional-fields / include variants, counted per account and shared by all endpoints of this component. Every
     * HTTP attempt (pages, job polls, lookups and retries too) waits for its turn without holding a thread. Switch it
     * off only when something else keeps the traffic within the limits.
     */
    private Boolean rateLimiting = true;
    /**
     * A rate limiter to use instead of the built-in one (which keeps its counts in this JVM), for example an
     * io.camelklaviyo.ratelimit.Bucket4jRateLimiter built on a distributed Bucket4j ProxyManager (Redis, Hazelcast,
     * JDBC, ...) so that several nodes sharing one Klaviyo account share its budget. Its lifecycle is the
     * application's. Not used when rate-limiting is false. The option is a io.camelklaviyo.ratelimit.KlaviyoRateLimiter
     * type: refer to a bean with #bean:name (or #name); a single KlaviyoRateLimiter bean is used without it.
     */
    private KlaviyoRateLimiter rateLimiter;
    /**
     * The longest one call may take: all its attempts, the waits between them and the waits for a pooled connection.
     * When it runs out the exchange fails with a KlaviyoTimeoutException naming the operation, the elapsed time and
     * the attempts made; a retry that could only start after it is not made. 0 sets no overall limit. A bare number
     * is milliseconds; 2m, 120s or PT2M work too.
     */
    private Duration requestTimeout = Duration.ofSeconds(120);
    /**
     * How many times a failed call is attempted again (0 never retries). Retried: 429 (after Retry-After, for every
     * method), a failure to connect (the request never left, for every method), and the other retry statuses and
     * failures after the request may have been sent (reset, timeout) only for requests that are safe to send twice:
     * GET, DELETE and PATCH (except a profile PATCH that appends), never a POST.
     */
    private Integer maxRetries = 3;
    /**
     * The wait before the first retry when Klaviyo gives no Retry-After; each further retry waits retry-multiplier
     * times longer, spread by retry-jitter. A bare number is milliseconds; 500ms or PT0.5S work too.
     */
    private Duration retryInitialDelay = Duration.ofMillis(500);
    /**
     * The longest wait before a retry. A 429 whose Retry-After (or RateLimit-Reset) asks for longer, such as a spent
     * daily quota, is not retried: the call fails at once with it. A bare number is milliseconds; 60s works too.
     */
    private Duration retryMaxDelay = Duration.ofSeconds(60);
    /**
     * How much longer each retry waits than the one before (1 for a constant delay).
     */
    private Double retryMultiplier = 1.5;
    /**
     * The random spread of a retry's wait, a fraction of it either way (0.5: from half to one and a half times), so
     * that calls that failed together do not all come back at the same moment. 0 for exact delays.
     */
    private Double retryJitter = 0.5;
    /**
     * The HTTP statuses worth another attempt, separated by commas: 429 and 5xx only. The default is what Klaviyo's
     * official SDKs retry (throttling, and 503, 504 and Cloudflare's 524); 500 and 502 are left out as they are.
     */
    private String retryStatuses = "429,503,504,524";
    /**
     * An HTTP proxy to send every request to Klaviyo through (HTTPS is tunnelled with CONNECT); set proxy-port too.
     */
    private String proxyHost;
    /**
     * The port of the HTTP proxy (proxy-host).
     */
    private Integer proxyPort;
    /**
     * The user to authenticate to the HTTP proxy as (Basic or Digest), when it asks for credentials.
     */
    private String proxyUsername;
    /**
     * The password of proxy-username; it goes to the proxy only.
     */
    private String proxyPassword;
    /**
     * TLS settings for the connections to Klaviyo (trust store, key store, protocols, cipher suites) as Camel
     * SSLContextParameters, e.g. to trust a TLS-inspecting corporate proxy. Host names are still verified. The option
     * is a org.apache.camel.support.jsse.SSLContextParameters type: refer to a bean with #bean:name (or #name).
     */
    private SSLContextParameters sslContextParameters;
    /**
     * Use the CamelContext's global SSLContextParameters (camel.ssl.*) when ssl-context-parameters is not set.
     */
    private Boolean useGlobalSslContextParameters = false;

    public String getApiKey() {
        return apiKey;
    }

    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    public String getPublicKey() {
        return publicKey;
    }

    public void setPublicKey(String publicKey) {
        this.publicKey = publicKey;
    }

    public String getAccessToken() {
        return accessToken;
    }

    public void setAccessToken(String accessToken) {
        this.accessToken = accessToken;
    }

    public String getRefreshToken() {
        return refreshToken;
    }

    public void setRefreshToken(String refreshToken) {
        this.refreshToken = refreshToken;
    }

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public String getClientSecret() {
        return clientSecret;
    }

    public void setClientSecret(String clientSecret) {
        this.clientSecret = clientSecret;
    }

    public String getOauthTokenUrl() {
        return oauthTokenUrl;
    }

    public void setOauthTokenUrl(String oauthTokenUrl) {
        this.oauthTokenUrl = oauthTokenUrl;
    }

    public Duration getTokenRefreshSkew() {
        return tokenRefreshSkew;
    }

    public void setTokenRefreshSkew(Duration tokenRefreshSkew) {
        this.tokenRefreshSkew = tokenRefreshSkew;
    }

    public KlaviyoTokenStore getTokenStore() {
        return tokenStore;
    }

    public void setTokenStore(KlaviyoTokenStore tokenStore) {
        this.tokenStore = tokenStore;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String getRevision() {
        return revision;
    }

    public void setRevision(String revision) {
        this.revision = revision;
    }

    public KlaviyoConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(KlaviyoConfiguration configuration) {
        this.configuration = configuration;
    }

    public Boolean getBridgeErrorHandler() {
        return bridgeErrorHandler;
    }

    public void setBridgeErrorHandler(Boolean bridgeErrorHandler) {
        this.bridgeErrorHandler = bridgeErrorHandler;
    }

    public Boolean getHealthCheckConsumerEnabled() {
        return healthCheckConsumerEnabled;
    }

    public void setHealthCheckConsumerEnabled(Boolean healthCheckConsumerEnabled) {
        this.healthCheckConsumerEnabled = healthCheckConsumerEnabled;
    }

    public Boolean getHealthCheckProducerEnabled() {
        return healthCheckProducerEnabled;
    }

    public void setHealthCheckProducerEnabled(Boolean healthCheckProducerEnabled) {
        this.healthCheckProducerEnabled = healthCheckProducerEnabled;
    }

    public String getMeterRegistry() {
        return meterRegistry;
    }

    public void setMeterRegistry(String meterRegistry) {
        this.meterRegistry = meterRegistry;
    }

    public Boolean getLazyStartProducer() {
        return lazyStartProducer;
    }

    public void setLazyStartProducer(Boolean lazyStartProducer) {
        this.lazyStartProducer = lazyStartProducer;
    }

    public ResponseFormat getResponseFormat() {
        return responseFormat;
    }

    public void setResponseFormat(ResponseFormat responseFormat) {
        this.responseFormat = responseFormat;
    }

    public Class<?> getResponseType() {
        return responseType;
    }

    public void setResponseType(Class<?> responseType) {
        this.responseType = responseType;
    }

    public Boolean getAutowiredEnabled() {
        return autowiredEnabled;
    }

    public void setAutowiredEnabled(Boolean autowiredEnabled) {
        this.autowiredEnabled = autowiredEnabled;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public Integer getMaxConnections() {
        return maxConnections;
    }

    public void setMaxConnections(Integer maxConnections) {
        this.maxConnections = maxConnections;
    }

    public Duration getResponseTimeout() {
        return responseTimeout;
    }

    public void setResponseTimeout(Duration responseTimeout) {
        this.responseTimeout = responseTimeout;
    }

    public Integer getWorkerPoolSize() {
        return workerPoolSize;
    }

    public void setWorkerPoolSize(Integer workerPoolSize) {
        this.workerPoolSize = workerPoolSize;
    }

    public Boolean getRateLimiting() {
        return rateLimiting;
    }

    public void setRateLimiting(Boolean rateLimiting) {
        this.rateLimiting = rateLimiting;
    }

    public KlaviyoRateLimiter getRateLimiter() {
        return rateLimiter;
    }

    public void setRateLimiter(KlaviyoRateLimiter rateLimiter) {
        this.rateLimiter = rateLimiter;
    }

    public Duration getRequestTimeout() {
        return requestTimeout;
    }

    public void setRequestTimeout(Duration requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    public Integer getMaxRetries() {
        return maxRetries;
    }

    public void setMaxRetries(Integer maxRetries) {
        this.maxRetries = maxRetries;
    }

    public Duration getRetryInitialDelay() {
        return retryInitialDelay;
    }

    public void setRetryInitialDelay(Duration retryInitialDelay) {
        this.retryInitialDelay = retryInitialDelay;
    }

    public Duration getRetryMaxDelay() {
        return retryMaxDelay;
    }

    public void setRetryMaxDelay(Duration retryMaxDelay) {
        this.retryMaxDelay = retryMaxDelay;
    }

    public Double getRetryMultiplier() {
        return retryMultiplier;
    }

    public void setRetryMultiplier(Double retryMultiplier) {
        this.retryMultiplier = retryMultiplier;
    }

    public Double getRetryJitter() {
        return retryJitter;
    }

    public void setRetryJitter(Double retryJitter) {
        this.retryJitter = retryJitter;
    }

    public String getRetryStatuses() {
        return retryStatuses;
    }

    public void setRetryStatuses(String retryStatuses) {
        this.retryStatuses = retryStatuses;
    }

    public String getProxyHost() {
        return proxyHost;
    }

    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
    }

    public Integer getProxyPort() {
        return proxyPort;
    }

    public void setProxyPort(Integer proxyPort) {
        this.proxyPort = proxyPort;
    }

    public String getProxyUsername() {
        return proxyUsername;
    }

    public void setProxyUsername(String proxyUsername) {
        this.proxyUsername = proxyUsername;
    }

    public String getProxyPassword() {
        return proxyPassword;
    }

    public void setProxyPassword(String proxyPassword) {
        this.proxyPassword = proxyPassword;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public Boolean getUseGlobalSslContextParameters() {
        return useGlobalSslContextParameters;
    }

    public void setUseGlobalSslContextParameters(Boolean useGlobalSslContextParameters) {
        this.useGlobalSslContextParameters = useGlobalSslContextParameters;
    }
}
