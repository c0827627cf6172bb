package io.camelklaviyo.springboot;

import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * camel.component.klaviyo.enabled=false switches the whole auto-configuration off, as in Camel's own starters.
 */
@CamelSpringBootTest
@SpringBootTest(classes = KlaviyoStarterDisabledTest.TestApplication.class,
                properties = "camel.component.klaviyo.enabled=false")
@DirtiesContext
class KlaviyoStarterDisabledTest {

    @Autowired
    private ApplicationContext applicationContext;

    @Test
    void noAutoConfigurationWhenDisabled() {
        assertThat(applicationContext.getBeanNamesForType(KlaviyoComponentAutoConfiguration.class)).isEmpty();
        assertThat(applicationContext.containsBean("configureKlaviyoComponent")).isFalse();
        // the converter is registered in its own right, like Camel's starters do
        assertThat(applicationContext.getBeanNamesForType(KlaviyoComponentConverter.class)).hasSize(1);
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class TestApplication {
    }
}
