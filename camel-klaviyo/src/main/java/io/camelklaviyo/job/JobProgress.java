package io.camelklaviyo.job;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.camelklaviyo.KlaviyoConstants;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * The job headers of one exchange. Each awaited job that ends (complete, cancelled or timed out) updates them: the
 * id and status are the last job's, the counts add up over the exchange's jobs (one per chunk of a chunked input),
 * and the profile import errors are all of them.
 */
final class JobProgress {

    private static final String[] HEADERS = { KlaviyoConstants.JOB_ID, KlaviyoConstants.JOB_STATUS,
            KlaviyoConstants.JOB_TOTAL_COUNT, KlaviyoConstants.JOB_COMPLETED_COUNT, KlaviyoConstants.JOB_FAILED_COUNT,
            KlaviyoConstants.JOB_ERRORS };

    private final Exchange exchange;
    private Integer total;
    private Integer completed;
    private Integer failed;
    private List<Map<String, Object>> errors;

    JobProgress(Exchange exchange) {
        this.exchange = exchange;
        // headers of a job an earlier step awaited do not describe this one
        for (String header : HEADERS) {
            exchange.getMessage().removeHeader(header);
        }
    }

    /**
     * @param jobErrors the job's import errors, or null when the job has none to read
     */
    synchronized void record(Job job, List<Map<String, Object>> jobErrors) {
        total = add(total, job.totalCount());
        completed = add(completed, job.completedCount());
        failed = add(failed, job.failedCount());
        if (jobErrors != null) {
            if (errors == null) {
                errors = new ArrayList<>();
            }
            errors.addAll(jobErrors);
        }
        Message message = exchange.getMessage();
        set(message, KlaviyoConstants.JOB_ID, job.id());
        set(message, KlaviyoConstants.JOB_STATUS, job.status());
        set(message, KlaviyoConstants.JOB_TOTAL_COUNT, total);
        set(message, KlaviyoConstants.JOB_COMPLETED_COUNT, completed);
        set(message, KlaviyoConstants.JOB_FAILED_COUNT, failed);
        set(message, KlaviyoConstants.JOB_ERRORS, errors == null ? null : List.copyOf(errors));
    }

    private static Integer add(Integer sum, Integer count) {
        if (count == null) {
            return sum;
        }
        return sum == null ? count : sum + count;
    }

    private static void set(Message message, String header, Object value) {
        if (value == null) {
            message.removeHeader(header);
        } else {
            message.setHeader(header, value);
        }
    }
}
