package io.camelklaviyo.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLException;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.camelklaviyo.KlaviyoApiException;
import io.camelklaviyo.KlaviyoComponent;
import io.camelklaviyo.KlaviyoConnectionException;
import io.camelklaviyo.KlaviyoConstants;
import io.camelklaviyo.KlaviyoStandIn;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The component's transport options: TLS through Camel SSLContextParameters (a stand-in on WireMock's HTTPS port with
 * a certificate of its own, for localhost only), and an HTTP proxy with Basic authentication (a second WireMock that
 * answers 407 without credentials and forwards with them).
 */
class TlsAndProxyTest {

    private static final String PASSWORD = "changeit";

    @TempDir
    static Path keys;
    private static Path keystore;
    private static WireMockServer klaviyo;
    private static WireMockServer proxy;

    private CamelContext context;

    @BeforeAll
    static void start() throws Exception {
        keystore = keys.resolve("localhost.p12");
        generateCertificate(keystore);
        klaviyo = new WireMockServer(WireMockConfiguration.options().dynamicPort().dynamicHttpsPort()
                .bindAddress("127.0.0.1").keystorePath(keystore.toString()).keystoreType("PKCS12")
                .keystorePassword(PASSWORD).keyManagerPassword(PASSWORD));
        klaviyo.start();
        klaviyo.stubFor(get(urlPathEqualTo("/api/profiles")).willReturn(okJson("{\"data\":[]}")));
        proxy = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        proxy.start();
    }

    @AfterAll
    static void stop() {
        klaviyo.stop();
        proxy.stop();
    }

    @AfterEach
    void stopCamel() {
        if (context != null) {
            context.stop();
        }
        klaviyo.resetRequests();
        proxy.resetAll();
    }

    @Test
    void httpsIsTrustedThroughSslContextParameters() {
        KlaviyoComponent component = component("https://localhost:" + klaviyo.httpsPort());
        component.setSslContextParameters(trusting());

        Exchange result = send(component);

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getHeader(KlaviyoConstants.HTTP_STATUS)).isEqualTo(200);
        klaviyo.verify(1, getRequestedFor(urlPathEqualTo("/api/profiles")));
    }

    @Test
    void theGlobalSslContextParametersServeWhenAskedFor() {
        KlaviyoComponent component = component("https://localhost:" + klaviyo.httpsPort());
        component.setUseGlobalSslContextParameters(true);
        context = new DefaultCamelContext();
        context.setSSLContextParameters(trusting());

        Exchange result = send(component);

        assertThat(result.getException()).isNull();
    }

    @Test
    void anUntrustedCertificateFailsAtOnceWithoutRetries() {
        Exchange result = send(component("https://localhost:" + klaviyo.httpsPort()));

        assertThat(result.getException()).isInstanceOf(KlaviyoConnectionException.class)
                .hasMessageStartingWith("Klaviyo profiles/list failed without a response: ")
                .hasCauseInstanceOf(SSLException.class);
        assertThat(((KlaviyoConnectionException) result.getException()).getAttempts()).isEqualTo(1);
        assertThat(klaviyo.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void hostNamesAreStillVerified() {
        // trusted, but issued for localhost only
        KlaviyoComponent component = component("https://127.0.0.1:" + klaviyo.httpsPort());
        component.setSslContextParameters(trusting());

        Exchange result = send(component);

        assertThat(result.getException()).isInstanceOf(KlaviyoConnectionException.class)
                .hasCauseInstanceOf(SSLException.class);
        assertThat(result.getException().getCause().getMessage()).contains("127.0.0.1");
    }

    @Test
    void requestsGoThroughTheProxyAnsweringItsChallenge() {
        String credentials = Base64.getEncoder().encodeToString("proxy-user:proxy-secret"
                .getBytes(StandardCharsets.UTF_8));
        proxy.stubFor(any(anyUrl()).withHeader("Proxy-Authorization", absent())
                .willReturn(aResponse().withStatus(407).withHeader("Proxy-Authenticate", "Basic realm=\"proxy\"")));
        proxy.stubFor(any(anyUrl()).withHeader("Proxy-Authorization", equalTo("Basic " + credentials))
                .willReturn(aResponse().proxiedFrom(klaviyo.baseUrl())));
        // a host no resolver knows: only the proxy can reach it
        KlaviyoComponent component = component("http://klaviyo.invalid");
        component.setProxyHost("127.0.0.1");
        component.setProxyPort(proxy.port());
        component.setProxyUsername("proxy-user");
        component.setProxyPassword("proxy-secret");

        Exchange result = send(component);

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getHeader(KlaviyoConstants.HTTP_STATUS)).isEqualTo(200);
        List<com.github.tomakehurst.wiremock.verification.LoggedRequest> atProxy = proxy.findAll(anyRequestedFor(
                anyUrl()));
        assertThat(atProxy).hasSize(2);
        assertThat(atProxy.get(0).getAbsoluteUrl()).isEqualTo("http://klaviyo.invalid/api/profiles");
        assertThat(atProxy.get(0).getHeader("Host")).isEqualTo("klaviyo.invalid");
        assertThat(atProxy.get(1).getHeader("Proxy-Authorization")).isEqualTo("Basic " + credentials);
        assertThat(atProxy.get(1).getHeader("Authorization")).isEqualTo("Klaviyo-API-Key " + KlaviyoStandIn.API_KEY);
        klaviyo.verify(1, getRequestedFor(urlPathEqualTo("/api/profiles")));
    }

    @Test
    void aProxyThatRefusesTheCredentialsFailsWith407() {
        proxy.stubFor(any(anyUrl())
                .willReturn(aResponse().withStatus(407).withHeader("Proxy-Authenticate", "Basic realm=\"proxy\"")));
        KlaviyoComponent component = component("http://klaviyo.invalid");
        component.setProxyHost("127.0.0.1");
        component.setProxyPort(proxy.port());

        Exchange result = send(component);

        assertThat(result.getException()).isInstanceOf(KlaviyoApiException.class);
        assertThat(((KlaviyoApiException) result.getException()).getStatusCode()).isEqualTo(407);
        assertThat(proxy.findAll(anyRequestedFor(anyUrl()))).hasSize(1);
    }

    @Test
    void aProxyHostWithoutPortFailsTheStart() {
        KlaviyoComponent component = component("http://klaviyo.invalid");
        component.setProxyHost("proxy.example.com");
        context = new DefaultCamelContext();
        context.addComponent("klaviyo", component);

        assertThatThrownBy(context::start).hasStackTraceContaining("proxyHost is set (proxy.example.com) but"
                                                                   + " proxyPort is not");
    }

    @Test
    void theProxyPasswordIsNeverPrinted() {
        HttpProxy settings = new HttpProxy("proxy.example.com", 3128, "proxy-user", "proxy-secret");

        assertThat(settings.toString()).isEqualTo("HttpProxy[proxy.example.com:3128, user proxy-user]");
    }

    private Exchange send(KlaviyoComponent component) {
        if (context == null) {
            context = new DefaultCamelContext();
        }
        context.addComponent("klaviyo", component);
        context.start();
        return context.createProducerTemplate().request("klaviyo:profiles/list", exchange -> {
        });
    }

    private static KlaviyoComponent component(String baseUrl) {
        KlaviyoComponent component = new KlaviyoComponent();
        component.setConnectTimeout(2_000);
        component.getConfiguration().setApiKey(KlaviyoStandIn.API_KEY);
        component.getConfiguration().setBaseUrl(baseUrl);
        component.getConfiguration().setRetryInitialDelay(10);
        component.getConfiguration().setRetryJitter(0);
        return component;
    }

    /** Trusts the stand-in's certificate (and nothing else). */
    private static SSLContextParameters trusting() {
        KeyStoreParameters store = new KeyStoreParameters();
        store.setResource("file:" + keystore);
        store.setPassword(PASSWORD);
        store.setType("PKCS12");
        TrustManagersParameters trust = new TrustManagersParameters();
        trust.setKeyStore(store);
        SSLContextParameters parameters = new SSLContextParameters();
        parameters.setTrustManagers(trust);
        return parameters;
    }

    /** A self-signed certificate for localhost, made with the JDK's keytool. */
    private static void generateCertificate(Path target) throws IOException, InterruptedException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "klaviyo", "-keyalg", "RSA",
                "-keysize", "2048", "-validity", "2", "-dname", "CN=localhost", "-ext", "SAN=dns:localhost",
                "-storetype", "PKCS12", "-keystore", target.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD)
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("keytool: %s", output).isZero();
        assertThat(Files.exists(target)).isTrue();
    }
}
