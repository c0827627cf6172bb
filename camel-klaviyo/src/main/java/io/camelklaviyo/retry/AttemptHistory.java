package io.camelklaviyo.retry;

/**
 * The attempts of one call so far, for a step outside the retries (the overall timeout) to report them.
 */
interface AttemptHistory {

    /** The attempts started so far. */
    int attempts();

    /** The failure of the last attempt that failed, or null. */
    Throwable lastFailure();
}
