package io.camelklaviyo.auth;

import org.apache.camel.CamelException;

/**
 * Refreshing the OAuth access token failed: the token endpoint answered with an OAuth error (e.g. {@code invalid_grant}
 * when the refresh token was revoked or already replaced), with another error status, or not at all. The message
 * names the token URL, the status and the OAuth error code; it never holds a token or the client secret.
 */
public class KlaviyoTokenRefreshException extends CamelException {

    private static final long serialVersionUID = 1L;

    private final String tokenUrl;
    private final int statusCode;
    private final String oauthError;

    public KlaviyoTokenRefreshException(String message, String tokenUrl, int statusCode, String oauthError,
                                        Throwable cause) {
        super(message, cause);
        this.tokenUrl = tokenUrl;
        this.statusCode = statusCode;
        this.oauthError = oauthError;
    }

    /** The token endpoint that was called. */
    public String getTokenUrl() {
        return tokenUrl;
    }

    /** The HTTP status of the token endpoint's answer; 0 when there was no answer. */
    public int getStatusCode() {
        return statusCode;
    }

    /** The OAuth {@code error} code of the answer, e.g. {@code invalid_grant} or {@code invalid_client}; or null. */
    public String getOAuthError() {
        return oauthError;
    }
}
