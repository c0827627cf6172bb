package io.camelklaviyo.job;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import java.util.function.Supplier;

import io.camelklaviyo.invoke.Call;
import io.camelklaviyo.invoke.OperationInvoker;
import io.camelklaviyo.operation.Operation;
import io.camelklaviyo.operation.OperationCatalog;
import org.apache.camel.Exchange;

/**
 * The awaitJob option of one endpoint: which operation reads the job its operation spawns (and, for a profile
 * import, its errors), how often to poll and for how long, and the scheduler that runs the polls.
 */
public final class JobAwaiting {

    /** Operations whose completed jobs have errors to read, and the operation that reads them. */
    private static final Map<String, String> ERRORS_OPERATIONS = Map.of(
            "bulk_import_profiles", "get_errors_for_bulk_import_profiles_job");

    private final String operationName;
    private final Operation jobOperation;
    private final Operation errorsOperation;
    private final Call pollCall;
    private final long intervalMillis;
    private final long timeoutMillis;
    private final Supplier<ScheduledExecutorService> scheduler;

    /**
     * @param pollCall  sends the job polls and error reads
     * @param scheduler the component's scheduler, looked up at each poll (it lives from the component's start to its
     *                  stop)
     */
    public JobAwaiting(Operation operation, OperationCatalog catalog, Call pollCall, long intervalMillis,
                       long timeoutMillis, Supplier<ScheduledExecutorService> scheduler) {
        this.operationName = operation.name();
        this.jobOperation = check(operation, operation.jobOperation(), catalog);
        String errors = ERRORS_OPERATIONS.get(operation.operationId());
        this.errorsOperation = errors == null ? null : only(catalog, errors);
        this.pollCall = pollCall;
        this.intervalMillis = intervalMillis;
        this.timeoutMillis = timeoutMillis;
        this.scheduler = scheduler;
    }

    /**
     * Checks that awaitJob can apply to an operation: it spawns a job that an operation of the catalogue reads.
     *
     * @throws IllegalArgumentException naming the reason and the operations awaitJob applies to
     */
    public static void checkAwaitable(Operation operation, OperationCatalog catalog) {
        check(operation, operation.jobOperation(), catalog);
    }

    private static Operation check(Operation operation, String jobOperation, OperationCatalog catalog) {
        if (jobOperation == null) {
            boolean spawnsJob = "POST".equals(operation.method()) && operation.path().endsWith("-jobs");
            throw new IllegalArgumentException(
                    "awaitJob=true needs an operation that spawns a job Klaviyo lets you read back; "
                                               + operation.name()
                                               + (spawnsJob ? " spawns a job, but Klaviyo offers no operation to read"
                                                              + " it (and returns no job id)"
                                                       : " spawns no job")
                                               + ". awaitJob applies to: " + String.join(", ", awaitable(catalog)));
        }
        Operation reader = catalog.byName(jobOperation);
        if (reader == null) {
            throw new IllegalStateException("The catalogue names " + jobOperation + " as the reader of the jobs of "
                                            + operation.name() + ", but has no such operation");
        }
        return reader;
    }

    private static Operation only(OperationCatalog catalog, String operationId) {
        return catalog.resolve(operationId).stream().findFirst().orElseThrow(() -> new IllegalStateException(
                "The catalogue has no operation " + operationId));
    }

    private static List<String> awaitable(OperationCatalog catalog) {
        return catalog.operations().stream().filter(op -> op.jobOperation() != null).map(Operation::name).toList();
    }

    /**
     * The workflow of each exchange, run with a spawning call that awaits its job and reports it to the exchange's
     * job headers.
     *
     * @param workflow builds the workflow (one call, or the chunks of a bulk input) around a call
     */
    public OperationInvoker invoker(Call spawn, Function<Call, OperationInvoker> workflow) {
        return (request, exchange) -> workflow.apply(around(spawn, exchange)).invoke(request, exchange);
    }

    /** The spawning call of one exchange, decorated to await each job it spawns. */
    public JobAwaitingCall around(Call spawn, Exchange exchange) {
        return new JobAwaitingCall(spawn, this, new JobProgress(exchange));
    }

    String operationName() {
        return operationName;
    }

    Operation jobOperation() {
        return jobOperation;
    }

    /** The operation that reads a completed job's errors, or null. */
    Operation errorsOperation() {
        return errorsOperation;
    }

    Call pollCall() {
        return pollCall;
    }

    /** A clock for one job, started now. */
    PollTimer timer() {
        return new PollTimer(scheduler, intervalMillis, timeoutMillis);
    }
}
