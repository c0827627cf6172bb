package io.camelklaviyo.springboot;

import java.util.LinkedHashMap;

import io.camelklaviyo.KlaviyoComponent;
import io.camelklaviyo.KlaviyoConfiguration;
import io.camelklaviyo.ResponseFormat;
import org.apache.camel.CamelContext;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The options that do not map one-to-one onto a Spring type: a configuration bean by reference, an enum in relaxed
 * form and a Class by name (in camelCase, as some applications write it). The single options are applied on top of
 * the referenced bean, and only those the application set: the defaults of the properties class must not overwrite
 * the bean's own values.
 */
@CamelSpringBootTest
@SpringBootTest(classes = KlaviyoStarterBindingTest.TestApplication.class,
                properties = {
                        "camel.component.klaviyo.configuration=#bean:sharedKlaviyoConfiguration",
                        "camel.component.klaviyo.api-key=pk_test_binding",
                        "camel.component.klaviyo.response-format=data",
                        "camel.component.klaviyo.responseType=java.util.LinkedHashMap",
                        "camel.component.klaviyo.lazy-start-producer=true" })
@DirtiesContext
class KlaviyoStarterBindingTest {

    @Autowired
    private CamelContext camelContext;
    @Autowired
    private KlaviyoConfiguration sharedKlaviyoConfiguration;

    @Test
    void explicitOptionsAreAppliedOnTopOfTheReferencedConfigurationBean() {
        KlaviyoComponent component = camelContext.getComponent("klaviyo", KlaviyoComponent.class);
        KlaviyoConfiguration configuration = component.getConfiguration();

        assertThat(configuration).isSameAs(sharedKlaviyoConfiguration);
        // set in the properties
        assertThat(configuration.getApiKey()).isEqualTo("pk_test_binding");
        assertThat(configuration.getResponseFormat()).isEqualTo(ResponseFormat.DATA);
        assertThat(configuration.getResponseType()).isEqualTo(LinkedHashMap.class);
        assertThat(component.isLazyStartProducer()).isTrue();
        // the bean's own values, not the starter's defaults
        assertThat(configuration.getBaseUrl()).isEqualTo("http://localhost:9/shared");
        assertThat(configuration.getRevision()).isEqualTo("2025-10-15");
        assertThat(configuration.getResponseTimeout()).isEqualTo(12_345L);
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class TestApplication {

        @Bean
        KlaviyoConfiguration sharedKlaviyoConfiguration() {
            KlaviyoConfiguration configuration = new KlaviyoConfiguration();
            configuration.setBaseUrl("http://localhost:9/shared");
            configuration.setRevision("2025-10-15");
            configuration.setResponseTimeout(12_345L);
            return configuration;
        }
    }
}
