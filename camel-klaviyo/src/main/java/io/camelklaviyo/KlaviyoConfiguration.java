package io.camelklaviyo;

import io.camelklaviyo.auth.CredentialSessions;
import io.camelklaviyo.auth.KlaviyoTokenStore;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * Options shared by the component and its endpoints: where Klaviyo is, how to authenticate, which API revision to
 * speak and how to shape responses. Set them once on the component; an endpoint may override any of them.
 */
@UriParams
public class KlaviyoConfiguration implements Cloneable {

    /** Klaviyo's API host. */
    public static final String DEFAULT_BASE_URL = "https://a.klaviyo.com";
    /** The API revision the bundled operation catalogue describes. */
    public static final String DEFAULT_REVISION = "2026-07-15";
    /** Klaviyo's OAuth token endpoint (never through www.klaviyo.com, which Klaviyo blocks for token requests). */
    public static final String DEFAULT_OAUTH_TOKEN_URL = "https://a.klaviyo.com/oauth/token";

    @UriParam(label = "security", secret = true)
    private String apiKey;
    @UriParam(label = "security")
    private String publicKey;
    @UriParam(label = "security", secret = true)
    private String accessToken;
    @UriParam(label = "security", secret = true)
    private String refreshToken;
    @UriParam(label = "security")
    private String clientId;
    @UriParam(label = "security", secret = true)
    private String clientSecret;
    @UriParam(label = "security", defaultValue = DEFAULT_OAUTH_TOKEN_URL)
    private String oauthTokenUrl = DEFAULT_OAUTH_TOKEN_URL;
    @UriParam(label = "security,advanced", defaultValue = "60000", javaType = "java.time.Duration")
    private long tokenRefreshSkew = 60_000;
    @UriParam(label = "security,advanced")
    @Metadata(autowired = true)
    private KlaviyoTokenStore tokenStore;
    @UriParam(label = "common", defaultValue = DEFAULT_BASE_URL)
    private String baseUrl = DEFAULT_BASE_URL;
    @UriParam(label = "common", defaultValue = DEFAULT_REVISION)
    private String revision = DEFAULT_REVISION;
    @UriParam(label = "producer", defaultValue = "DOCUMENT")
    private ResponseFormat responseFormat = ResponseFormat.DOCUMENT;
    @UriParam(label = "producer")
    private Class<?> responseType;
    @UriParam(label = "advanced", defaultValue = "60000", javaType = "java.time.Duration")
    private long responseTimeout = 60_000;
    @UriParam(label = "producer", defaultValue = "120000", javaType = "java.time.Duration")
    private long requestTimeout = 120_000;
    @UriParam(label = "producer", defaultValue = "3")
    private int maxRetries = 3;
    @UriParam(label = "producer,advanced", defaultValue = "500", javaType = "java.time.Duration")
    private long retryInitialDelay = 500;
    @UriParam(label = "producer,advanced", defaultValue = "60000", javaType = "java.time.Duration")
    private long retryMaxDelay = 60_000;
    @UriParam(label = "producer,advanced", defaultValue = "1.5")
    private double retryMultiplier = 1.5;
    @UriParam(label = "producer,advanced", defaultValue = "0.5")
    private double retryJitter = 0.5;
    @UriParam(label = "producer,advanced", defaultValue = "429,503,504,524")
    private String retryStatuses = "429,503,504,524";

    // not an option: shared with every copy, so that all endpoints of a component share one OAuth session (its
    // tokens, and its one refresh at a time) per installation
    private CredentialSessions credentialSessions = new CredentialSessions();

    public String getApiKey() {
        return apiKey;
    }

    /**
     * The private API key (pk_...) sent as Authorization: Klaviyo-API-Key to every /api
     * operation. Prefer setting it on the component (or as a property placeholder) so it never appears in an
     * endpoint URI.
     */
    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    public String getPublicKey() {
        return publicKey;
    }

    /**
     * The public API key (site ID, 6 characters) that the client-side /client operations send as company_id. They
     * never send the private key. It is public by design (every storefront embeds it), so it is not masked.
     */
    public void setPublicKey(String publicKey) {
        this.publicKey = publicKey;
    }

    public String getAccessToken() {
        return accessToken;
    }

    /**
     * An OAuth access token, sent as Authorization: Bearer to every /api operation instead of a private key. With a
     * refreshToken it is only the first one (its expiry unknown, it is used until Klaviyo rejects it); without one it
     * is never renewed. Leave it out to obtain one with the refreshToken at the first call.
     */
    public void setAccessToken(String accessToken) {
        this.accessToken = accessToken;
    }

    public String getRefreshToken() {
        return refreshToken;
    }

    /**
     * The OAuth refresh token of the app's installation in a Klaviyo account: with clientId and clientSecret it
     * obtains access tokens, before the current one expires (see tokenRefreshSkew) and once after a 401. Klaviyo
     * replaces it on every refresh; the new one goes to the tokenStore, which a restart reads before this option.
     */
    public void setRefreshToken(String refreshToken) {
        this.refreshToken = refreshToken;
    }

    public String getClientId() {
        return clientId;
    }

    /** The OAuth app's client id, for refreshing tokens. */
    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public String getClientSecret() {
        return clientSecret;
    }

    /** The OAuth app's client secret, for refreshing tokens (sent with HTTP Basic to the token endpoint only). */
    public void setClientSecret(String clientSecret) {
        this.clientSecret = clientSecret;
    }

    public String getOauthTokenUrl() {
        return oauthTokenUrl;
    }

    /**
     * Klaviyo's OAuth token endpoint, where refresh tokens are exchanged; change it only for a test stand-in.
     * www.klaviyo.com is refused: Klaviyo blocks token requests sent through it.
     */
    public void setOauthTokenUrl(String oauthTokenUrl) {
        this.oauthTokenUrl = oauthTokenUrl;
    }

    public long getTokenRefreshSkew() {
        return tokenRefreshSkew;
    }

    /**
     * How long before its expiry an OAuth access token is refreshed (the requests that need it wait for the refresh),
     * in milliseconds.
     */
    public void setTokenRefreshSkew(long tokenRefreshSkew) {
        this.tokenRefreshSkew = tokenRefreshSkew;
    }

    public KlaviyoTokenStore getTokenStore() {
        return tokenStore;
    }

    /**
     * Where refreshed OAuth tokens are kept (an io.camelklaviyo.auth.KlaviyoTokenStore bean): Klaviyo replaces the
     * refresh token on every refresh, so a store that outlives the application (a file, a database) lets a restart
     * continue with the latest one. The default keeps them in memory only. A single KlaviyoTokenStore bean in the
     * registry is used automatically.
     */
    public void setTokenStore(KlaviyoTokenStore tokenStore) {
        this.tokenStore = tokenStore;
    }

    /**
     * The OAuth sessions of the endpoints configured from this configuration and its copies: one per installation,
     * shared by them all.
     */
    public CredentialSessions credentialSessions() {
        return credentialSessions;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    /** The base URL of the Klaviyo API; change it for a proxy or a test stand-in. */
    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String getRevision() {
        return revision;
    }

    /** The API revision sent in the revision header (format YYYY-MM-DD[.suffix]). */
    public void setRevision(String revision) {
        this.revision = revision;
    }

    public ResponseFormat getResponseFormat() {
        return responseFormat;
    }

    /**
     * What the message body holds after a call: the whole JSON:API document as a Map (DOCUMENT), only its
     * data (DATA), or the response text (RAW).
     */
    public void setResponseFormat(ResponseFormat responseFormat) {
        this.responseFormat = responseFormat;
    }

    public Class<?> getResponseType() {
        return responseType;
    }

    /**
     * A class to convert the response (the document, or its data with responseFormat=DATA) into
     * with Jackson, instead of a Map.
     */
    public void setResponseType(Class<?> responseType) {
        this.responseType = responseType;
    }

    public long getResponseTimeout() {
        return responseTimeout;
    }

    /** How long to wait for Klaviyo's response once the request is sent, in milliseconds. */
    public void setResponseTimeout(long responseTimeout) {
        this.responseTimeout = responseTimeout;
    }

    public long getRequestTimeout() {
        return requestTimeout;
    }

    /**
     * The longest one call may take, in milliseconds: all its attempts, the waits between them and the waits for a
     * pooled connection. When it runs out the exchange fails with a KlaviyoTimeoutException naming the operation,
     * the elapsed time and the attempts made; a retry that could only start after it is not made. 0 sets no overall
     * limit (each attempt is still bounded by responseTimeout). Each page, job poll and chunk is a call of its own.
     */
    public void setRequestTimeout(long requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    public int getMaxRetries() {
        return maxRetries;
    }

    /**
     * How many times a failed call is attempted again (0 never retries). Retried: 429 (after Retry-After, for every
     * method), a failure to connect (the request never left, for every method), and the other retryStatuses and
     * failures after the request may have been sent (reset, timeout) only for requests that are safe to send twice:
     * GET, DELETE and PATCH (except a profile PATCH that appends), never a POST.
     */
    public void setMaxRetries(int maxRetries) {
        this.maxRetries = maxRetries;
    }

    public long getRetryInitialDelay() {
        return retryInitialDelay;
    }

    /**
     * The wait before the first retry when Klaviyo gives no Retry-After, in milliseconds; each further retry waits
     * retryMultiplier times longer, spread by retryJitter.
     */
    public void setRetryInitialDelay(long retryInitialDelay) {
        this.retryInitialDelay = retryInitialDelay;
    }

    public long getRetryMaxDelay() {
        return retryMaxDelay;
    }

    /**
     * The longest wait before a retry, in milliseconds. A 429 whose Retry-After (or RateLimit-Reset) asks for longer,
     * such as a spent daily quota, is not retried: the call fails at once with it.
     */
    public void setRetryMaxDelay(long retryMaxDelay) {
        this.retryMaxDelay = retryMaxDelay;
    }

    public double getRetryMultiplier() {
        return retryMultiplier;
    }

    /** How much longer each retry waits than the one before (1 for a constant delay). */
    public void setRetryMultiplier(double retryMultiplier) {
        this.retryMultiplier = retryMultiplier;
    }

    public double getRetryJitter() {
        return retryJitter;
    }

    /**
     * The random spread of a retry's wait, a fraction of it either way (0.5: from half to one and a half times), so
     * that calls that failed together do not all come back at the same moment. 0 for exact delays.
     */
    public void setRetryJitter(double retryJitter) {
        this.retryJitter = retryJitter;
    }

    public String getRetryStatuses() {
        return retryStatuses;
    }

    /**
     * The HTTP statuses worth another attempt, separated by commas: 429 and 5xx only. The default is what Klaviyo's
     * official SDKs retry (throttling, and 503, 504 and Cloudflare's 524); 500 and 502 are left out as they are.
     */
    public void setRetryStatuses(String retryStatuses) {
        this.retryStatuses = retryStatuses;
    }

    /** A copy for one endpoint, so that its overrides do not leak into the component's settings. */
    public KlaviyoConfiguration copy() {
        try {
            return (KlaviyoConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    @Override
    public String toString() {
        // never the keys themselves
        return "KlaviyoConfiguration[baseUrl=" + baseUrl + ", revision=" + revision
               + ", apiKey=" + (apiKey == null ? "unset" : "******")
               + ", publicKey=" + (publicKey == null ? "unset" : "******")
               + ", accessToken=" + (accessToken == null ? "unset" : "******")
               + ", refreshToken=" + (refreshToken == null ? "unset" : "******")
               + ", clientId=" + (clientId == null ? "unset" : clientId)
               + ", clientSecret=" + (clientSecret == null ? "unset" : "******") + "]";
    }
}
