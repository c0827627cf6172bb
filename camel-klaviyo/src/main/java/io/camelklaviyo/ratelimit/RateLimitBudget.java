package io.camelklaviyo.ratelimit;

/**
 * What the client-side limiter still allows in the current windows, counted on this side (Klaviyo's own count, in
 * the {@code RateLimit-*} response headers, covers only the steady window and everything else that uses the
 * account). For a slow-path request: the smaller of the slow variant's and the operation's figures.
 *
 * @param burst  requests left in the current one-second window
 * @param steady requests left in the current one-minute window
 * @param daily  requests left in the current day (UTC), or null when the operation has no daily cap
 */
public record RateLimitBudget(long burst, long steady, Long daily) {

    /** How many more such requests can go at once: the smallest window's figure. */
    public long remaining() {
        long smallest = Math.min(burst, steady);
        return daily == null ? smallest : Math.min(smallest, daily);
    }

    /** The tighter of two budgets, window by window: for a request counted in two buckets. */
    public RateLimitBudget and(RateLimitBudget other) {
        if (other == null) {
            return this;
        }
        Long day = daily == null ? other.daily
                : other.daily == null ? daily : Long.valueOf(Math.min(daily, other.daily));
        return new RateLimitBudget(Math.min(burst, other.burst), Math.min(steady, other.steady), day);
    }
}
