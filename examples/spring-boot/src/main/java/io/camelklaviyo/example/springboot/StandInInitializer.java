package io.camelklaviyo.example.springboot;

import java.util.Map;

import io.camelklaviyo.example.springboot.standin.KlaviyoStandIn;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Before the Spring context starts: when {@code KLAVIYO_API_KEY} is not set ({@code example.stand-in=auto}, the
 * default), or always with {@code example.stand-in=true} (never with {@code false}), starts the embedded Klaviyo
 * stand-in and points {@code camel.component.klaviyo.base-url} and {@code api-key} at it, ahead of
 * application.properties ({@code example.stand-in.accepted-key} makes it accept
 * another key only, so that it rejects the component's with 401). Stops it when the context closes. Registered in
 * META-INF/spring.factories, so it applies however the application is started.
 */
public class StandInInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final String PROPERTY_SOURCE = "klaviyoStandIn";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment environment = context.getEnvironment();
        String apiKey = environment.getProperty("KLAVIYO_API_KEY", "");
        String mode = environment.getProperty("example.stand-in", "auto");
        if ("false".equals(mode) || ("auto".equals(mode) && !apiKey.isBlank())) {
            System.out.println("Mode: Klaviyo. Calling " + environment.getProperty("camel.component.klaviyo.base-url")
                               + ".");
            return;
        }
        String accepted = environment.getProperty("example.stand-in.accepted-key", "");
        KlaviyoStandIn standIn = KlaviyoStandIn.start(accepted.isBlank() ? KlaviyoStandIn.DUMMY_API_KEY : accepted);
        environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, Map.of(
                "camel.component.klaviyo.base-url", standIn.baseUrl(),
                "camel.component.klaviyo.api-key", KlaviyoStandIn.DUMMY_API_KEY)));
        context.getBeanFactory().registerSingleton("klaviyoStandIn", standIn);
        context.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent closed && closed.getApplicationContext() == context) {
                standIn.close();
            }
        });
        System.out.println("Mode: stand-in. KLAVIYO_API_KEY is not set, so an embedded Klaviyo stand-in (WireMock)"
                           + " answers at " + standIn.baseUrl() + " with a dummy key"
                           + (standIn.apiKey().equals(KlaviyoStandIn.DUMMY_API_KEY) ? "." : ", which it rejects."));
    }
}
