package io.camelklaviyo;

import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * Options of the workflows an endpoint can run around its operation: following pages, splitting bulk input into
 * compliant chunks, awaiting the asynchronous job a call spawns, and the action list's upsert.
 */
@UriParams
public class KlaviyoWorkflowOptions {

    @UriParam(label = "producer", defaultValue = "SINGLE")
    private PageMode pagination = PageMode.SINGLE;
    @UriParam(label = "producer", defaultValue = "0")
    private int maxPages;
    @UriParam(label = "producer", defaultValue = "100000")
    private int maxResults = 100_000;
    @UriParam(label = "producer")
    private boolean joinIncluded;
    @UriParam(label = "producer", defaultValue = "true")
    private boolean chunking = true;
    @UriParam(label = "producer")
    private boolean failFast;
    @UriParam(label = "producer")
    private boolean awaitJob;
    @UriParam(label = "producer", defaultValue = "2000", javaType = "java.time.Duration")
    private long jobPollInterval = 2_000;
    @UriParam(label = "producer", defaultValue = "600000", javaType = "java.time.Duration")
    private long jobTimeout = 600_000;
    @UriParam(label = "producer")
    private boolean upsert;

    public PageMode getPagination() {
        return pagination;
    }

    /**
     * SINGLE returns one page; ALL follows links.next and returns every record in one List; STREAM returns a lazy
     * Iterator of records that fetches each page only when the previous one has been consumed.
     */
    public void setPagination(PageMode pagination) {
        this.pagination = pagination;
    }

    public int getMaxPages() {
        return maxPages;
    }

    /** With pagination=ALL, stop after this many pages (0: no page limit); the next cursor is kept in a header. */
    public void setMaxPages(int maxPages) {
        this.maxPages = maxPages;
    }

    public int getMaxResults() {
        return maxResults;
    }

    /**
     * With pagination=ALL, stop once this many records are gathered (0: no limit), so that one List cannot exhaust
     * the heap; the next cursor is kept in a header. Use pagination=STREAM for more.
     */
    public void setMaxResults(int maxResults) {
        this.maxResults = maxResults;
    }

    public boolean isJoinIncluded() {
        return joinIncluded;
    }

    /**
     * Put each resource of the document's included array into the relationships of the records that refer to it,
     * so that a record carries its related resources (use with include).
     */
    public void setJoinIncluded(boolean joinIncluded) {
        this.joinIncluded = joinIncluded;
    }

    public boolean isChunking() {
        return chunking;
    }

    /**
     * Split an input larger than the operation's per-call limit (item count or payload size) into compliant calls,
     * sent in order. The result then lists each chunk's outcome.
     */
    public void setChunking(boolean chunking) {
        this.chunking = chunking;
    }

    public boolean isFailFast() {
        return failFast;
    }

    /** When a chunk fails, do not send the chunks after it. By default every chunk is attempted. */
    public void setFailFast(boolean failFast) {
        this.failFast = failFast;
    }

    public boolean isAwaitJob() {
        return awaitJob;
    }

    /**
     * For an operation that spawns an asynchronous job (bulk import, subscribe, catalog bulk jobs, ...), poll the job
     * without blocking a thread until it completes, and return the final job.
     */
    public void setAwaitJob(boolean awaitJob) {
        this.awaitJob = awaitJob;
    }

    public long getJobPollInterval() {
        return jobPollInterval;
    }

    /** How long to wait between two polls of an awaited job, in milliseconds. */
    public void setJobPollInterval(long jobPollInterval) {
        this.jobPollInterval = jobPollInterval;
    }

    public long getJobTimeout() {
        return jobTimeout;
    }

    /** How long to await a job before failing the exchange, in milliseconds. */
    public void setJobTimeout(long jobTimeout) {
        this.jobTimeout = jobTimeout;
    }

    public boolean isUpsert() {
        return upsert;
    }

    /**
     * For profile creation: when Klaviyo answers 409 duplicate_profile, update the existing profile
     * (meta.duplicate_profile_id) with the same attributes instead of failing.
     */
    public void setUpsert(boolean upsert) {
        this.upsert = upsert;
    }
}
