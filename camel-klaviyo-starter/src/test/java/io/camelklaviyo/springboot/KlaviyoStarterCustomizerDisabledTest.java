package io.camelklaviyo.springboot;

import io.camelklaviyo.KlaviyoComponent;
import io.camelklaviyo.KlaviyoConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same properties with the customizer switched off: the component keeps its own defaults. This is the control
 * that shows the options reach the component through this starter's customizer and nothing else.
 */
@CamelSpringBootTest
@SpringBootTest(classes = KlaviyoStarterCustomizerDisabledTest.TestApplication.class,
                properties = {
                        "camel.component.klaviyo.base-url=http://localhost:1",
                        "camel.component.klaviyo.customizer.enabled=false" })
@ActiveProfiles("klaviyo-starter-test")
@DirtiesContext
class KlaviyoStarterCustomizerDisabledTest {

    @Autowired
    private CamelContext camelContext;

    @Test
    void componentKeepsItsDefaultsWhenTheCustomizerIsDisabled() {
        KlaviyoComponent component = camelContext.getComponent("klaviyo", KlaviyoComponent.class);

        assertThat(component.getConfiguration().getBaseUrl()).isEqualTo(KlaviyoConfiguration.DEFAULT_BASE_URL);
        assertThat(component.getConfiguration().getRevision()).isEqualTo(KlaviyoConfiguration.DEFAULT_REVISION);
        assertThat(component.getConfiguration().getApiKey()).isNull();
        assertThat(component.getMaxConnections()).isEqualTo(50);
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class TestApplication {
    }
}
