package io.camelklaviyo.auth;

import io.camelklaviyo.KlaviyoConfiguration;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Credential options that cannot work fail when the route starts, naming the options; and the account key that rate
 * limiting counts by holds no secret.
 */
class OAuthConfigurationTest extends OAuthStandIn {

    @Test
    void aPrivateKeyAndOAuthTogetherFailAtStartUp() {
        component.getConfiguration().setApiKey(API_KEY);

        assertThatThrownBy(() -> route("klaviyo:profiles/list")).rootCause()
                .hasMessageContaining("apiKey").hasMessageContaining("refreshToken").hasMessageContaining("not both")
                .hasMessageNotContaining(API_KEY).hasMessageNotContaining(REFRESH_TOKEN);
        assertThat(klaviyo.getAllServeEvents()).isEmpty();
    }

    @Test
    void aPrivateKeyInTheUriAndOAuthOnTheComponentFailToo() {
        assertThatThrownBy(() -> route("klaviyo:profiles/list?apiKey=pk_uri_0123")).rootCause()
                .hasMessageContaining("not both").hasMessageNotContaining("pk_uri_0123");
    }

    @Test
    void aRefreshTokenWithoutTheClientSecretFailsNamingIt() {
        component.getConfiguration().setClientSecret(null);

        assertThatThrownBy(() -> route("klaviyo:profiles/list")).rootCause().hasMessageContaining("clientSecret")
                .hasMessageNotContaining(REFRESH_TOKEN);
    }

    @Test
    void clientCredentialsWithoutAnyTokenFail() {
        component.getConfiguration().setRefreshToken(null);

        assertThatThrownBy(() -> route("klaviyo:profiles/list")).rootCause().hasMessageContaining("refreshToken");
    }

    @Test
    void theTokenEndpointMustNotGoThroughWwwKlaviyoCom() {
        component.getConfiguration().setOauthTokenUrl("https://www.klaviyo.com/oauth/token");

        assertThatThrownBy(() -> route("klaviyo:profiles/list")).rootCause().hasMessageContaining("www.klaviyo.com")
                .hasMessageContaining(KlaviyoConfiguration.DEFAULT_OAUTH_TOKEN_URL);
    }

    @Test
    void noCredentialsAtAllNameBothWays() {
        component.getConfiguration().setRefreshToken(null);
        component.getConfiguration().setClientId(null);
        component.getConfiguration().setClientSecret(null);

        assertThatThrownBy(() -> route("klaviyo:profiles/list")).rootCause().hasMessageContaining("profiles/list")
                .hasMessageContaining("apiKey").hasMessageContaining("refreshToken");
    }

    @Test
    void theDefaultTokenUrlIsKlaviyosAndNotWww() {
        assertThat(new KlaviyoConfiguration().getOauthTokenUrl()).isEqualTo("https://a.klaviyo.com/oauth/token");
        assertThat(new KlaviyoConfiguration().getTokenRefreshSkew()).isEqualTo(60_000);
    }

    @Test
    void theAccountKeyNamesTheAppAndInstallationNeverATokenOrSecret() {
        KlaviyoConfiguration configuration = component.getConfiguration();
        configuration.setAccessToken("at_configured_0");
        Credentials oauth = configuration.credentialSessions().resolve(configuration, () -> null);
        KlaviyoConfiguration other = configuration.copy();
        other.setRefreshToken("rt_other_installation");

        assertThat(oauth.accountKey()).startsWith("oauth:" + CLIENT_ID + "/")
                .doesNotContain(REFRESH_TOKEN).doesNotContain("at_configured_0").doesNotContain(CLIENT_SECRET);
        // the same installation through another endpoint's copy: the same session, so the same key
        assertThat(configuration.copy().credentialSessions().resolve(configuration.copy(), () -> null))
                .isSameAs(oauth);
        assertThat(other.credentialSessions().resolve(other, () -> null).accountKey()).isNotEqualTo(oauth.accountKey());

        Credentials apiKey = new ApiKeyCredentials(API_KEY);
        assertThat(apiKey.accountKey()).startsWith("private-key:").doesNotContain(API_KEY);
        assertThat(apiKey.toString()).doesNotContain(API_KEY);
        assertThat(oauth.toString()).doesNotContain(REFRESH_TOKEN).doesNotContain("at_configured_0");
    }

    private void route(String uri) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:start").to(uri);
            }
        });
    }
}
