package io.camelklaviyo.ratelimit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import io.camelklaviyo.operation.Operation;
import io.camelklaviyo.operation.Operation.RateLimit;
import io.camelklaviyo.operation.Operation.SlowPath;
import io.camelklaviyo.request.KlaviyoRequest;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.proxy.ProxyManager;

/**
 * The built-in {@link KlaviyoRateLimiter}: Bucket4j buckets, one per account and operation and one per account and
 * slow-path variant, each with the operation's windows from the catalogue (see {@link Windows} for why they are
 * fixed windows aligned to the wall clock, and how much a new bucket starts with).
 * <p>
 * <b>Slow paths.</b> A request that asks for a slow variant ({@code additional-fields[profile]=predictive_analytics},
 * {@code include=lists}, ...; see {@link SlowPaths}) takes a token from the variant's bucket <i>and</i> from the
 * operation's. Klaviyo documents the slower limit as the limit of requests of that operation that use the parameter:
 * they remain requests of the operation, so they count in its windows too. Counting them in both is the reading that
 * never sends more than Klaviyo allows, whichever way Klaviyo counts; it costs at most the variant's own share of the
 * operation's windows.
 * <p>
 * <b>Waiting.</b> A request that does not fit waits in its lane's queue, in arrival order, holding no thread: a task on
 * the scheduler lets waiting requests go when the next window opens and completes their futures. A request that
 * could only go after {@code maxWait} (default 10 minutes; in practice: the daily cap is spent) fails at once with a
 * {@link RateLimitExceededException} instead of waiting for hours.
 * <p>
 * <b>Boundary guard.</b> Nothing leaves in the last {@code boundaryGuard} (default 100 ms) of a second: a request
 * sent then could reach Klaviyo after the boundary and count in the next window, which the client also fills. The
 * guard should exceed the time from the limiter to Klaviyo's counter (one-way network latency, a wait for a pooled
 * connection) plus the clocks' difference (NTP keeps that to milliseconds). It costs a request that arrives in those
 * last moments at most that long a wait, and no throughput: tokens are counted per window, not per time.
 * <p>
 * <b>Several nodes, one account.</b> Build the limiter on a distributed store and give the same instance to the
 * component's {@code rateLimiter} option on every node:
 *
 * <pre>
 * // com.bucket4j:bucket4j_jdk17-lettuce; a StatefulRedisConnection&lt;String, byte[]&gt; (String keys, byte[] values)
 * ProxyManager&lt;String&gt; proxies = LettuceBasedProxyManager.builderFor(redisConnection).build();
 * KlaviyoRateLimiter shared = Bucket4jRateLimiter.builder().proxyManager(proxies).build();
 * </pre>
 *
 * Any other Bucket4j back-end works the same way (Redisson, Jedis, Hazelcast, Infinispan, JDBC, ...): see
 * {@link BucketSource#distributed(ProxyManager)}.
 */
public final class Bucket4jRateLimiter implements KlaviyoRateLimiter, AutoCloseable {

    /** Default of {@link Builder#boundaryGuard(Duration)}. */
    public static final Duration DEFAULT_BOUNDARY_GUARD = Duration.ofMillis(100);
    /** Default of {@link Builder#maxWait(Duration)}. */
    public static final Duration DEFAULT_MAX_WAIT = Duration.ofMinutes(10);

    private static final String KEY_PREFIX = "klaviyo-rate-limit:";

    private final BucketSource source;
    private final TimeMeter clock;
    private final ScheduledExecutorService scheduler;
    private final boolean ownScheduler;
    private final long guardNanos;
    private final long maxWaitNanos;
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Lane> lanes = new ConcurrentHashMap<>();
    private volatile boolean closed;

    private Bucket4jRateLimiter(Builder builder) {
        this.clock = builder.clock;
        this.source = builder.buckets != null ? builder.buckets : BucketSource.local(clock);
        this.ownScheduler = builder.scheduler == null;
        this.scheduler = ownScheduler ? Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "KlaviyoRateLimiter");
            thread.setDaemon(true);
            return thread;
        }) : builder.scheduler;
        this.guardNanos = builder.boundaryGuard.toNanos();
        this.maxWaitNanos = builder.maxWait.toNanos();
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public CompletableFuture<RateLimitBudget> acquire(String account, Operation operation, KlaviyoRequest request) {
        if (closed) {
            return CompletableFuture.failedFuture(new IllegalStateException(
                    "The Klaviyo rate limiter is closed (the component is stopping): " + operation.name()
                                                                            + " was not sent"));
        }
        try {
            Lane lane = lane(account, operation, request);
            return lane == null ? CompletableFuture.completedFuture(null) : lane.acquire();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public RateLimitBudget budget(String account, Operation operation, KlaviyoRequest request) {
        Lane lane = lane(account, operation, request);
        return lane == null ? null : lane.budget();
    }

    /**
     * Fails the requests that are waiting and refuses new ones; shuts the scheduler down when the limiter made it.
     */
    @Override
    public void close() {
        closed = true;
        lanes.values().forEach(Lane::close);
        if (ownScheduler) {
            scheduler.shutdownNow();
        }
    }

    boolean isClosed() {
        return closed;
    }

    long now() {
        return clock.currentTimeNanos();
    }

    ScheduledExecutorService scheduler() {
        return scheduler;
    }

    long guardNanos() {
        return guardNanos;
    }

    long maxWaitNanos() {
        return maxWaitNanos;
    }

    /** The lane of the account, operation and slow paths, or null for an operation without limits. */
    private Lane lane(String account, Operation operation, KlaviyoRequest request) {
        RateLimit limit = operation.rateLimit();
        if (limit == null) {
            return null;
        }
        List<SlowPath> slowPaths = SlowPaths.of(operation, request);
        StringBuilder key = new StringBuilder(account).append(':').append(operation.name());
        for (SlowPath slowPath : slowPaths) {
            key.append(':').append(variant(slowPath));
        }
        return lanes.computeIfAbsent(key.toString(), k -> newLane(account, operation, slowPaths));
    }

    private Lane newLane(String account, Operation operation, List<SlowPath> slowPaths) {
        RateLimit limit = operation.rateLimit();
        String base = KEY_PREFIX + account + ":" + operation.name();
        List<Bucket> laneBuckets = new ArrayList<>();
        List<String> limits = new ArrayList<>();
        StringBuilder description = new StringBuilder(operation.name());
        for (SlowPath slowPath : slowPaths) {
            laneBuckets.add(bucket(base + ":" + variant(slowPath), slowPath.burst(), slowPath.steady(), null));
            limits.add(slowPath.burst() + "/s, " + slowPath.steady() + "/m for " + variant(slowPath));
            description.append(slowPaths.indexOf(slowPath) == 0 ? " with " : " and ").append(variant(slowPath));
        }
        laneBuckets.add(bucket(base, limit.burst(), limit.steady(), limit.daily()));
        limits.add(SlowPaths.describe(limit) + (slowPaths.isEmpty() ? "" : " for the operation"));
        boolean[] daily = new boolean[laneBuckets.size()];
        daily[daily.length - 1] = limit.daily() != null;
        description.append(" for account ").append(account);
        return new Lane(this, operation.name(), description.toString(), String.join(" and ", limits),
                laneBuckets.toArray(Bucket[]::new), daily);
    }

    private Bucket bucket(String key, int burst, int steady, Integer daily) {
        return buckets.computeIfAbsent(key, k -> source.bucket(k, () -> Windows.of(burst, steady, daily, now())));
    }

    private static String variant(SlowPath slowPath) {
        return slowPath.parameter() + "=" + slowPath.value();
    }

    /** Options of a {@link Bucket4jRateLimiter}. */
    public static final class Builder {

        private BucketSource buckets;
        private ScheduledExecutorService scheduler;
        private TimeMeter clock = TimeMeter.SYSTEM_MILLISECONDS;
        private Duration boundaryGuard = DEFAULT_BOUNDARY_GUARD;
        private Duration maxWait = DEFAULT_MAX_WAIT;

        private Builder() {
        }

        /** Keeps the buckets in a distributed store; see {@link BucketSource#distributed(ProxyManager)}. */
        public Builder proxyManager(ProxyManager<String> proxyManager) {
            return buckets(BucketSource.distributed(Objects.requireNonNull(proxyManager, "proxyManager")));
        }

        /** Where the buckets live; by default in this JVM. */
        public Builder buckets(BucketSource buckets) {
            this.buckets = buckets;
            return this;
        }

        /**
         * The scheduler that lets waiting requests go (they continue on its thread, which only hands them to the HTTP
         * client). Not shut down by {@link #close()}. By default the limiter starts a daemon thread of its own; the
         * component's built-in limiter uses the component's scheduler.
         */
        public Builder scheduler(ScheduledExecutorService scheduler) {
            this.scheduler = scheduler;
            return this;
        }

        /** The wall clock of local buckets, of the boundary guard and of waits; the system clock by default. */
        public Builder clock(TimeMeter clock) {
            if (!clock.isWallClockBased()) {
                throw new IllegalArgumentException("Klaviyo's windows are wall-clock windows: the clock must be a"
                                                   + " wall clock");
            }
            this.clock = clock;
            return this;
        }

        /** How long before each second boundary no request leaves (0 turns the guard off); under a second. */
        public Builder boundaryGuard(Duration boundaryGuard) {
            if (boundaryGuard.isNegative() || boundaryGuard.compareTo(Windows.SECOND) >= 0) {
                throw new IllegalArgumentException("boundaryGuard must be at least 0 and under a second, was "
                                                   + boundaryGuard);
            }
            this.boundaryGuard = boundaryGuard;
            return this;
        }

        /** The longest a request waits for its windows; one that could only go later fails at once. */
        public Builder maxWait(Duration maxWait) {
            if (maxWait.isNegative()) {
                throw new IllegalArgumentException("maxWait must not be negative, was " + maxWait);
            }
            this.maxWait = maxWait;
            return this;
        }

        public Bucket4jRateLimiter build() {
            return new Bucket4jRateLimiter(this);
        }
    }
}
