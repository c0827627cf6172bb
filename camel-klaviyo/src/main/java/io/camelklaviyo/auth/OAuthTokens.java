package io.camelklaviyo.auth;

import java.time.Duration;
import java.time.Instant;

/**
 * The OAuth tokens of one installation, as a token store keeps them. {@code toString()} never prints a token.
 *
 * @param accessToken  the bearer token for API calls; null when only a refresh token is known
 * @param refreshToken the token that obtains the next access token; Klaviyo replaces it on every refresh
 * @param expiresAt    when the access token expires; null when unknown (then it is used until Klaviyo answers 401)
 */
public record OAuthTokens(String accessToken, String refreshToken, Instant expiresAt) {

    /** Whether the access token is missing, or expires within {@code margin} of {@code now}. */
    public boolean needsRefresh(Instant now, Duration margin) {
        return accessToken == null || expiresAt != null && !now.plus(margin).isBefore(expiresAt);
    }

    @Override
    public String toString() {
        return "OAuthTokens[accessToken=" + (accessToken == null ? "unset" : "******")
               + ", refreshToken=" + (refreshToken == null ? "unset" : "******")
               + ", expiresAt=" + (expiresAt == null ? "unknown" : expiresAt) + "]";
    }
}
