package io.camelklaviyo.springboot;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.camelklaviyo.KlaviyoComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.ComponentConfigurationProperties;
import org.apache.camel.spring.boot.util.CamelPropertiesHelper;
import org.apache.camel.spring.boot.util.ConditionalOnCamelContextAndAutoConfigurationBeans;
import org.apache.camel.spring.boot.util.ConditionalOnHierarchicalProperties;
import org.apache.camel.spring.boot.util.HierarchicalPropertiesEvaluator;
import org.apache.camel.util.StringHelper;
import org.springframework.boot.autoconfigure.AutoConfigureAfter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * Configures the klaviyo component from {@code camel.component.klaviyo.*}, in the shape of Apache Camel's own
 * starters (whose generator only handles the {@code org.apache.camel} groupId, so this one is written by hand).
 * <p>
 * {@code camel.component.klaviyo.enabled=false} switches the auto-configuration off;
 * {@code camel.component.klaviyo.customizer.enabled=false} (or {@code camel.component.customizer.enabled=false})
 * keeps it but leaves the component as Camel creates it.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
@EnableConfigurationProperties({ ComponentConfigurationProperties.class, KlaviyoComponentConfiguration.class })
@ConditionalOnHierarchicalProperties({ "camel.component", "camel.component.klaviyo" })
@AutoConfigureAfter({ CamelAutoConfiguration.class, KlaviyoComponentConverter.class })
public class KlaviyoComponentAutoConfiguration {

    static final String PREFIX = "camel.component.klaviyo";

    /** Properties of the auto-configuration itself, not options of the component. */
    private static final Set<String> AUTO_CONFIGURATION_OPTIONS = Set.of("enabled", "customizer");

    private final ApplicationContext applicationContext;
    private final CamelContext camelContext;
    private final KlaviyoComponentConfiguration configuration;

    public KlaviyoComponentAutoConfiguration(ApplicationContext applicationContext, CamelContext camelContext,
                                             KlaviyoComponentConfiguration configuration) {
        this.applicationContext = applicationContext;
        this.camelContext = camelContext;
        this.configuration = configuration;
    }

    @Lazy
    @Bean
    public ComponentCustomizer configureKlaviyoComponent() {
        return new ComponentCustomizer() {
            @Override
            public void configure(String name, Component target) {
                CamelPropertiesHelper.copyProperties(camelContext, componentOptions(), target);
            }

            @Override
            public boolean isEnabled(String name, Component target) {
                return HierarchicalPropertiesEvaluator.evaluate(applicationContext, "camel.component.customizer",
                        PREFIX + ".customizer")
                       && target instanceof KlaviyoComponent;
            }
        };
    }

    /**
     * The options to copy, in an order that does not depend on hashing: a {@code configuration} bean first, so that
     * the single options (api-key, base-url, ...) land on it rather than on the object it replaces. With such a bean,
     * only the options the application set itself are copied, so that the defaults of this class do not overwrite the
     * bean's own values.
     */
    Map<String, Object> componentOptions() {
        Map<String, Object> all = CamelPropertiesHelper.getNonNullProperties(camelContext, configuration);
        all.keySet().removeIf(key -> AUTO_CONFIGURATION_OPTIONS.contains(key.toLowerCase(Locale.ROOT)));

        Map<String, Object> options = new LinkedHashMap<>();
        Object bean = all.remove("configuration");
        if (bean != null) {
            options.put("configuration", bean);
            all.keySet().removeIf(key -> !isSetByApplication(key));
        }
        options.putAll(all);
        return options;
    }

    private boolean isSetByApplication(String option) {
        ConfigurationPropertyName key
                = ConfigurationPropertyName.of(PREFIX + "." + StringHelper.camelCaseToDash(option).toLowerCase(Locale.ROOT));
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(applicationContext.getEnvironment())) {
            if (source.getConfigurationProperty(key) != null) {
                return true;
            }
        }
        return false;
    }
}
