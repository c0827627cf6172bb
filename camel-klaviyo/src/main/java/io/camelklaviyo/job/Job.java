package io.camelklaviyo.job;

import java.util.Map;

import io.camelklaviyo.KlaviyoJobException;
import io.camelklaviyo.response.KlaviyoResponse;

/**
 * One reading of an asynchronous job: its id, type, status and counts. Read leniently (API-FACTS §8): any member may
 * be absent, null or of an unexpected type, and then reads as null.
 *
 * @param skippedCount the suppression jobs' count of skipped profiles (they have no failed count)
 */
public record Job(String id, String type, String status, Integer totalCount, Integer completedCount,
        Integer failedCount, Integer skippedCount) {

    public static final String COMPLETE = "complete";
    public static final String CANCELLED = "cancelled";

    /** The job in a response's {@code data}; members the response lacks are taken from {@code previous}. */
    static Job of(KlaviyoResponse response, Job previous) {
        Map<?, ?> data = response == null ? Map.of() : map(response.data());
        Map<?, ?> attributes = map(data.get("attributes"));
        Job read = new Job(text(data.get("id")), text(data.get("type")), text(attributes.get("status")),
                count(attributes.get("total_count")), count(attributes.get("completed_count")),
                count(attributes.get("failed_count")), count(attributes.get("skipped_count")));
        return previous == null ? read : read.orElse(previous);
    }

    private Job orElse(Job previous) {
        return new Job(id != null ? id : previous.id, type != null ? type : previous.type, status,
                totalCount, completedCount, failedCount, skippedCount);
    }

    public boolean isComplete() {
        return COMPLETE.equalsIgnoreCase(status);
    }

    public boolean isCancelled() {
        return CANCELLED.equalsIgnoreCase(status);
    }

    /** "job 01J... (profile-bulk-import-job)". */
    public String describe() {
        return "job " + id + (type == null ? "" : " (" + type + ")");
    }

    /** "status processing, 40 of 100 completed, 2 failed". */
    public String progress() {
        StringBuilder text = new StringBuilder("status ").append(status == null ? "unknown" : status);
        if (completedCount != null || totalCount != null) {
            text.append(", ").append(completedCount == null ? "?" : completedCount).append(" of ")
                    .append(totalCount == null ? "?" : totalCount).append(" completed");
        }
        if (failedCount != null) {
            text.append(", ").append(failedCount).append(" failed");
        }
        if (skippedCount != null) {
            text.append(", ").append(skippedCount).append(" skipped");
        }
        return text.toString();
    }

    /** A KlaviyoJobException about this job. */
    KlaviyoJobException failure(KlaviyoJobException.Reason reason, String message, Throwable cause) {
        return new KlaviyoJobException(message, reason, id, type, status, totalCount, completedCount, failedCount,
                cause);
    }

    private static Map<?, ?> map(Object value) {
        return value instanceof Map<?, ?> map ? map : Map.of();
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static Integer count(Object value) {
        if (value instanceof Number number) {
            return number.intValue();
        }
        if (value instanceof String text) {
            try {
                return Integer.valueOf(text.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
