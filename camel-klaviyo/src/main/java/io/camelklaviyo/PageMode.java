package io.camelklaviyo;

/**
 * How a paginated operation's pages reach the route.
 */
public enum PageMode {
    /** one call, one page; the next page's cursor is in the CamelKlaviyoNextPageCursor header. */
    SINGLE,
    /** follow links.next and gather every record into one List (bounded by maxPages and maxResults). */
    ALL,
    /**
     * a lazy Iterator of records that fetches the next page only when the previous one is consumed, for
     * split(body()).streaming() over any number of records in bounded memory.
     */
    STREAM
}
