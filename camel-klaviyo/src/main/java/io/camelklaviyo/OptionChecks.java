package io.camelklaviyo;

import java.util.regex.Pattern;

import io.camelklaviyo.job.JobAwaiting;
import io.camelklaviyo.operation.Operation;
import io.camelklaviyo.operation.OperationCatalog;

/**
 * Checks an endpoint's options against its operation when the endpoint is created: an option the operation cannot
 * honour fails the route at start-up with the reason, never a message later.
 */
final class OptionChecks {

    private static final Pattern REVISION = Pattern.compile("\\d{4}-\\d{2}-\\d{2}(\\.[A-Za-z0-9]+)?");
    private static final String CREATE_PROFILE = "create_profile";

    private final Operation operation;
    private final KlaviyoConfiguration configuration;
    private final KlaviyoWorkflowOptions workflow;
    private final String id;
    private final OperationCatalog catalog;

    OptionChecks(Operation operation, KlaviyoConfiguration configuration, KlaviyoWorkflowOptions workflow, String id,
                 OperationCatalog catalog) {
        this.operation = operation;
        this.configuration = configuration;
        this.workflow = workflow;
        this.id = id;
        this.catalog = catalog;
    }

    void check() {
        checkRevision();
        checkPagination();
        checkJobOptions();
        if (id != null && operation.pathParams().isEmpty()
                && (operation.body() == null || !operation.body().idRequired())) {
            throw new IllegalArgumentException("The option id has no use for " + operation.name()
                                               + ": it takes no id in its path or document");
        }
        if (workflow.isUpsert() && !CREATE_PROFILE.equals(operation.operationId())) {
            throw new IllegalArgumentException("upsert applies only to profiles/create (create_profile), not to "
                                               + operation.name());
        }
    }

    private void checkRevision() {
        if (configuration.getRevision() == null || !REVISION.matcher(configuration.getRevision()).matches()) {
            throw new IllegalArgumentException("The revision must look like YYYY-MM-DD or YYYY-MM-DD.suffix (e.g."
                                               + " 2026-07-15 or 2026-07-15.pre), got '" + configuration.getRevision()
                                               + "'");
        }
    }

    /**
     * Awaiting a job needs an operation that spawns one Klaviyo lets us read back, a positive poll interval and
     * timeout.
     */
    private void checkJobOptions() {
        if (!workflow.isAwaitJob()) {
            return;
        }
        JobAwaiting.checkAwaitable(operation, catalog);
        if (workflow.getJobPollInterval() <= 0 || workflow.getJobTimeout() <= 0) {
            throw new IllegalArgumentException(
                    "The options jobPollInterval and jobTimeout take a positive duration; got jobPollInterval="
                                               + workflow.getJobPollInterval() + " ms, jobTimeout="
                                               + workflow.getJobTimeout() + " ms");
        }
    }

    /**
     * Following pages needs an operation that returns pages, and joining included resources one that accepts
     * include.
     */
    private void checkPagination() {
        PageMode mode = workflow.getPagination();
        if (mode != PageMode.SINGLE && operation.pagination() == Operation.Pagination.NONE) {
            throw new IllegalArgumentException(
                    "The option pagination=" + mode + " needs an operation that returns pages of records; "
                                               + operation.name() + " returns no pages (use pagination=SINGLE)");
        }
        if (workflow.getMaxPages() < 0 || workflow.getMaxResults() < 0) {
            throw new IllegalArgumentException(
                    "The options maxPages and maxResults take 0 (no limit) or more; got maxPages="
                                               + workflow.getMaxPages() + ", maxResults=" + workflow.getMaxResults());
        }
        if (workflow.isJoinIncluded() && !operation.acceptsQuery("include")) {
            throw new IllegalArgumentException(
                    "The option joinIncluded=true needs an operation that accepts include; " + operation.name()
                                               + " does not");
        }
        if (workflow.isJoinIncluded() && mode == PageMode.SINGLE
                && configuration.getResponseFormat() == ResponseFormat.RAW) {
            throw new IllegalArgumentException(
                    "The option joinIncluded=true joins parsed records; responseFormat=RAW gives the response text"
                                               + " as it came (use DOCUMENT or DATA)");
        }
    }
}
