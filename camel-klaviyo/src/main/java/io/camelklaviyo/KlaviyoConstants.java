package io.camelklaviyo;

import org.apache.camel.spi.Metadata;

/**
 * Message headers the Klaviyo component reads and sets.
 */
public final class KlaviyoConstants {

    // request: override the endpoint's options for one exchange

    @Metadata(label = "producer", description = "The resource id of the operation's path ({id} or {job_id}).",
              javaType = "String")
    public static final String ID = "CamelKlaviyoId";
    @Metadata(label = "producer", description = "The filter expression, e.g. equals(email,\"a@b.com\").",
              javaType = "String")
    public static final String FILTER = "CamelKlaviyoFilter";
    @Metadata(label = "producer", description = "The sort field, prefixed with - for descending order.",
              javaType = "String")
    public static final String SORT = "CamelKlaviyoSort";
    @Metadata(label = "producer", description = "Related resources to include, comma separated.", javaType = "String")
    public static final String INCLUDE = "CamelKlaviyoInclude";
    @Metadata(label = "producer", description = "The page size.", javaType = "Integer")
    public static final String PAGE_SIZE = "CamelKlaviyoPageSize";
    @Metadata(label = "producer", description = "The page cursor, or the full links.next URL of a previous page.",
              javaType = "String")
    public static final String PAGE_CURSOR = "CamelKlaviyoPageCursor";
    @Metadata(label = "producer",
              description = "Further query parameters by their wire name (e.g. fields[profile], timeframe); they are"
                            + " added to, and win over, the endpoint's options.",
              javaType = "java.util.Map<String, Object>")
    public static final String QUERY_PARAMETERS = "CamelKlaviyoQueryParameters";

    // response

    @Metadata(label = "producer", description = "The canonical name of the operation that was called.",
              javaType = "String")
    public static final String OPERATION = "CamelKlaviyoOperation";
    @Metadata(label = "producer", description = "The HTTP status of Klaviyo's response.", javaType = "Integer")
    public static final String HTTP_STATUS = "CamelKlaviyoHttpStatus";
    @Metadata(label = "producer", description = "Requests allowed in the current steady (one-minute) window.",
              javaType = "Integer")
    public static final String RATE_LIMIT_LIMIT = "CamelKlaviyoRateLimitLimit";
    @Metadata(label = "producer", description = "Requests left in the current steady window.", javaType = "Integer")
    public static final String RATE_LIMIT_REMAINING = "CamelKlaviyoRateLimitRemaining";
    @Metadata(label = "producer", description = "Seconds until the steady window resets.", javaType = "Integer")
    public static final String RATE_LIMIT_RESET = "CamelKlaviyoRateLimitReset";
    @Metadata(label = "producer", description = "The cursor of the next page, absent on the last page.",
              javaType = "String")
    public static final String NEXT_PAGE_CURSOR = "CamelKlaviyoNextPageCursor";
    @Metadata(label = "producer",
              description = "Add/Remove Profile to/from List by e-mail: the addresses that match no Klaviyo profile.",
              javaType = "java.util.List<String>")
    public static final String UNKNOWN_EMAILS = "CamelKlaviyoUnknownEmails";

    // response of pagination=ALL

    @Metadata(label = "producer", description = "pagination=ALL: the number of pages fetched.", javaType = "Integer")
    public static final String PAGE_COUNT = "CamelKlaviyoPageCount";
    @Metadata(label = "producer", description = "pagination=ALL: the number of records in the body's List.",
              javaType = "Integer")
    public static final String RECORD_COUNT = "CamelKlaviyoRecordCount";
    @Metadata(label = "producer",
              description = "pagination=ALL: true when maxPages or maxResults stopped the gathering before the last"
                            + " page; CamelKlaviyoNextPageCursor then holds the cursor to resume from.",
              javaType = "Boolean")
    public static final String TRUNCATED = "CamelKlaviyoTruncated";

    // response of a bulk input split into chunks (chunking=true)

    @Metadata(label = "producer",
              description = "Chunking: the number of calls a bulk input above the operation's limits was split into.",
              javaType = "Integer")
    public static final String CHUNK_COUNT = "CamelKlaviyoChunkCount";
    @Metadata(label = "producer",
              description = "Chunking: the number of chunks that failed (the exchange then fails with a"
                            + " KlaviyoBulkException).",
              javaType = "Integer")
    public static final String FAILED_CHUNK_COUNT = "CamelKlaviyoFailedChunkCount";

    // response of an awaited job (awaitJob=true)

    @Metadata(label = "producer", description = "awaitJob: the id of the awaited job (with chunking: the last one's).",
              javaType = "String")
    public static final String JOB_ID = "CamelKlaviyoJobId";
    @Metadata(label = "producer",
              description = "awaitJob: the job's last status: complete, or cancelled / queued / processing when it"
                            + " failed or timed out.",
              javaType = "String")
    public static final String JOB_STATUS = "CamelKlaviyoJobStatus";
    @Metadata(label = "producer",
              description = "awaitJob: the job's total_count (with chunking: the sum over the chunks' jobs).",
              javaType = "Integer")
    public static final String JOB_TOTAL_COUNT = "CamelKlaviyoJobTotalCount";
    @Metadata(label = "producer",
              description = "awaitJob: the job's completed_count (with chunking: the sum over the chunks' jobs).",
              javaType = "Integer")
    public static final String JOB_COMPLETED_COUNT = "CamelKlaviyoJobCompletedCount";
    @Metadata(label = "producer",
              description = "awaitJob: the job's failed_count (with chunking: the sum over the chunks' jobs).",
              javaType = "Integer")
    public static final String JOB_FAILED_COUNT = "CamelKlaviyoJobFailedCount";
    @Metadata(label = "producer",
              description = "awaitJob on a profile bulk import: the import-error resources of the completed job, all"
                            + " pages (with chunking: of every chunk's job).",
              javaType = "java.util.List<java.util.Map<String, Object>>")
    public static final String JOB_ERRORS = "CamelKlaviyoJobErrors";

    // response: the client-side rate limiter's budget (rateLimiting=true), counted when it let the request go

    @Metadata(label = "producer",
              description = "Rate limiting: how many more requests of this account to this operation (and slow-path"
                            + " variant) the client-side limiter lets go at once: the smallest of the burst, steady"
                            + " and daily figures.",
              javaType = "Long")
    public static final String RATE_LIMIT_BUDGET = "CamelKlaviyoRateLimitBudget";
    @Metadata(label = "producer",
              description = "Rate limiting: requests left in the current one-second (burst) window, client-side.",
              javaType = "Long")
    public static final String RATE_LIMIT_BUDGET_BURST = "CamelKlaviyoRateLimitBudgetBurst";
    @Metadata(label = "producer",
              description = "Rate limiting: requests left in the current one-minute (steady) window, client-side.",
              javaType = "Long")
    public static final String RATE_LIMIT_BUDGET_STEADY = "CamelKlaviyoRateLimitBudgetSteady";
    @Metadata(label = "producer",
              description = "Rate limiting: requests left today (UTC), client-side; only for operations with a daily"
                            + " cap.",
              javaType = "Long")
    public static final String RATE_LIMIT_BUDGET_DAILY = "CamelKlaviyoRateLimitBudgetDaily";

    // consumer

    @Metadata(label = "consumer", description = "The record's id (with exchangePerPage: the last record's).",
              javaType = "String")
    public static final String RECORD_ID = "CamelKlaviyoRecordId";
    @Metadata(label = "consumer", description = "The record's JSON:API type, e.g. event or profile.", javaType = "String")
    public static final String RECORD_TYPE = "CamelKlaviyoRecordType";
    @Metadata(label = "consumer",
              description = "The record's cursor value as an ISO-8601 instant (with exchangePerPage: the last"
                            + " record's), if it has one.",
              javaType = "String")
    public static final String CURSOR_VALUE = "CamelKlaviyoCursorValue";
    @Metadata(label = "consumer", description = "The state key under which the consumer keeps its mark.",
              javaType = "String")
    public static final String STATE_KEY = "CamelKlaviyoStateKey";

    private KlaviyoConstants() {
    }
}
