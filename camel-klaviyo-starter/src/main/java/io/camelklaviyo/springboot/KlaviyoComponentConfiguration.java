package io.camelklaviyo.springboot;

import java.time.Duration;

import io.camelklaviyo.KlaviyoConfiguration;
import io.camelklaviyo.ResponseFormat;
import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;
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
 * Deliberately no {@code toString()}: the class holds the private API key.
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
}
