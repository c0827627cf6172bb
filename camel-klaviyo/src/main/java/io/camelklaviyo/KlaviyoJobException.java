package io.camelklaviyo;

import org.apache.camel.CamelException;

/**
 * An awaited Klaviyo job did not complete: it was cancelled, it did not finish within jobTimeout, or it could no
 * longer be read. Names the job (id and type) and its last seen status and counts, so that it can still be looked up:
 * a job that timed out may well complete later.
 */
public class KlaviyoJobException extends CamelException {

    private static final long serialVersionUID = 1L;

    /** Why the job was not awaited to completion. */
    public enum Reason {
        /** Klaviyo reports the job as cancelled. */
        CANCELLED,
        /** jobTimeout elapsed before the job completed. */
        TIMED_OUT,
        /** reading the job (or its errors) failed with an error that retrying does not cure; the cause says which */
        UNREADABLE,
        /** the spawning call's response carries no job */
        NO_JOB
    }

    private final Reason reason;
    private final String jobId;
    private final String jobType;
    private final String status;
    private final Integer totalCount;
    private final Integer completedCount;
    private final Integer failedCount;

    public KlaviyoJobException(String message, Reason reason, String jobId, String jobType, String status,
                               Integer totalCount, Integer completedCount, Integer failedCount, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.jobId = jobId;
        this.jobType = jobType;
        this.status = status;
        this.totalCount = totalCount;
        this.completedCount = completedCount;
        this.failedCount = failedCount;
    }

    public Reason getReason() {
        return reason;
    }

    public boolean isTimedOut() {
        return reason == Reason.TIMED_OUT;
    }

    /** The job's id, or null when the spawning call returned none. */
    public String getJobId() {
        return jobId;
    }

    /** The job's resource type, e.g. profile-bulk-import-job. */
    public String getJobType() {
        return jobType;
    }

    /** The last status seen: queued, processing, complete or cancelled; null when Klaviyo gave none. */
    public String getStatus() {
        return status;
    }

    public Integer getTotalCount() {
        return totalCount;
    }

    public Integer getCompletedCount() {
        return completedCount;
    }

    public Integer getFailedCount() {
        return failedCount;
    }
}
