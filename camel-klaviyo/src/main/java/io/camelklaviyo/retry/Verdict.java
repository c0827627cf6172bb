package io.camelklaviyo.retry;

/**
 * What to do after a failed attempt.
 *
 * @param retry      whether to make another attempt
 * @param waitMillis how long to wait before it
 * @param reason     why there is no other attempt although the failure is of a kind worth one (a POST that may
 *                   have been processed, a Retry-After too long, no time left), or null
 */
record Verdict(boolean retry, long waitMillis, String reason) {

    static Verdict retryAfter(long waitMillis) {
        return new Verdict(true, waitMillis, null);
    }

    /** Not worth another attempt (a 400, a TLS failure), or the retries are used up. */
    static Verdict stop() {
        return new Verdict(false, 0, null);
    }

    static Verdict stop(String reason) {
        return new Verdict(false, 0, reason);
    }
}
