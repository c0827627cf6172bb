package io.camelklaviyo;

import org.apache.camel.RuntimeCamelException;
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

    @UriParam(label = "security", secret = true)
    private String apiKey;
    @UriParam(label = "security")
    private String publicKey;
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
               + ", publicKey=" + (publicKey == null ? "unset" : "******") + "]";
    }
}
