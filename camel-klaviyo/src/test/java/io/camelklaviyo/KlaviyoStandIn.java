package io.camelklaviyo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the producer tests: a WireMock Klaviyo stand-in on a random loopback port, and a fresh Camel context per
 * test whose klaviyo component points at it.
 */
public abstract class KlaviyoStandIn {

    public static final String API_KEY = "pk_test_0123456789abcdef";
    public static final String PUBLIC_KEY = "AbC123";

    protected static WireMockServer klaviyo;

    protected CamelContext context;
    protected ProducerTemplate template;
    protected KlaviyoComponent component;

    @BeforeAll
    static void startStandIn() {
        klaviyo = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        klaviyo.start();
    }

    @AfterAll
    static void stopStandIn() {
        klaviyo.stop();
    }

    @BeforeEach
    void startCamel() throws Exception {
        klaviyo.resetAll();
        context = new DefaultCamelContext();
        component = new KlaviyoComponent();
        component.getConfiguration().setApiKey(API_KEY);
        component.getConfiguration().setPublicKey(PUBLIC_KEY);
        component.getConfiguration().setBaseUrl(klaviyo.baseUrl());
        context.addComponent("klaviyo", component);
        context.start();
        template = context.createProducerTemplate();
    }

    @AfterEach
    void stopCamel() {
        context.stop();
    }
}
