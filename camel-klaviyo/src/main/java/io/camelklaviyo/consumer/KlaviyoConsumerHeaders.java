package io.camelklaviyo.consumer;

/**
 * Headers the consumer sets on each exchange, besides CamelKlaviyoOperation, CamelKlaviyoHttpStatus and the
 * rate-limit headers of the page the record came in (and, for watched jobs, CamelKlaviyoJobId and
 * CamelKlaviyoJobStatus; with exchangePerPage, CamelKlaviyoRecordCount).
 */
public final class KlaviyoConsumerHeaders {

    /** The record's id (with exchangePerPage: the last record's). */
    public static final String RECORD_ID = "CamelKlaviyoRecordId";
    /** The record's JSON:API type, e.g. event or profile. */
    public static final String RECORD_TYPE = "CamelKlaviyoRecordType";
    /** The record's cursor value as an ISO-8601 instant (with exchangePerPage: the last record's), if it has one. */
    public static final String CURSOR_VALUE = "CamelKlaviyoCursorValue";
    /** The state key under which the consumer keeps its mark. */
    public static final String STATE_KEY = "CamelKlaviyoStateKey";

    private KlaviyoConsumerHeaders() {
    }
}
