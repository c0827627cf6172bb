package io.camelklaviyo.springboot;

import java.util.Set;

import io.camelklaviyo.KlaviyoConfiguration;
import io.camelklaviyo.auth.KlaviyoTokenStore;
import io.camelklaviyo.ratelimit.KlaviyoRateLimiter;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.GenericConverter;
import org.springframework.stereotype.Component;

/**
 * Binds {@code camel.component.klaviyo.configuration=#bean:name} (or {@code #name}) to the
 * {@link KlaviyoConfiguration} bean of that name, and {@code camel.component.klaviyo.token-store=#bean:name} to the
 * {@link KlaviyoTokenStore} bean (and {@code ssl-context-parameters} to an {@link SSLContextParameters} bean,
 * {@code rate-limiter} to a {@link KlaviyoRateLimiter} bean), the way
 * Camel's own starters bind bean references.
 * <p>
 * The other options need no converter: Spring binds {@code Duration} ({@code 10s}, {@code 10000}), enums and
 * {@code Class} (a fully qualified class name) by itself.
 */
@Configuration(proxyBeanMethods = false)
@ConfigurationPropertiesBinding
@Component
public class KlaviyoComponentConverter implements GenericConverter {

    private final ApplicationContext applicationContext;

    public KlaviyoComponentConverter(ApplicationContext applicationContext) {
        this.applicationContext = applicationContext;
    }

    @Override
    public Set<ConvertiblePair> getConvertibleTypes() {
        return Set.of(new ConvertiblePair(String.class, KlaviyoConfiguration.class),
                new ConvertiblePair(String.class, KlaviyoTokenStore.class),
                new ConvertiblePair(String.class, SSLContextParameters.class),
                new ConvertiblePair(String.class, KlaviyoRateLimiter.class));
    }

    @Override
    public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
        if (source == null) {
            return null;
        }
        String ref = source.toString().trim();
        if (!ref.startsWith("#")) {
            throw new IllegalArgumentException("camel.component.klaviyo options of type "
                                               + targetType.getType().getName()
                                               + " must refer to a bean as #bean:name or #name, was: " + ref);
        }
        ref = ref.startsWith("#bean:") ? ref.substring("#bean:".length()) : ref.substring(1);
        return applicationContext.getBean(ref, targetType.getType());
    }
}
