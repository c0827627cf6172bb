package io.camelklaviyo.ratelimit;

import java.util.function.Supplier;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.proxy.ProxyManager;

/**
 * Where {@link Bucket4jRateLimiter} keeps its buckets: in this JVM, or in a store that several nodes share.
 * <p>
 * Keys look like {@code klaviyo-rate-limit:private-key:1a2b3c4d5e6f7a8b:profiles/get} (plus
 * {@code :include=list} for a slow path); they hold no secret.
 */
@FunctionalInterface
public interface BucketSource {

    /**
     * The bucket of a key; called once per key and limiter.
     *
     * @param configuration the windows of the bucket, for a store that does not have it yet
     */
    Bucket bucket(String key, Supplier<BucketConfiguration> configuration);

    /** Buckets in this JVM, on the given wall clock. */
    static BucketSource local(TimeMeter clock) {
        return (key, configuration) -> {
            var builder = Bucket.builder().withCustomTimePrecision(clock);
            for (var bandwidth : configuration.get().getBandwidths()) {
                builder.addLimit(bandwidth);
            }
            return builder.build();
        };
    }

    /**
     * Buckets in a distributed store through any of Bucket4j's back-ends ({@code bucket4j_jdk17-redis} with Lettuce,
     * Jedis or Redisson, {@code -hazelcast}, {@code -infinispan}, {@code -ignite}, {@code -coherence}, the JDBC ones
     * such as {@code bucket4j_jdk17-postgresql}, ...): every node that builds its limiter on the same store and keys
     * shares one budget per Klaviyo account. The back-end's clock must be a wall clock (the default client-side
     * clock is).
     */
    static BucketSource distributed(ProxyManager<String> proxyManager) {
        return (key, configuration) -> proxyManager.builder().build(key, configuration);
    }
}
