package io.camelklaviyo;

import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * Options of the polling consumer ({@code from("klaviyo:events")}): which records it reads incrementally, where it
 * keeps its high-water mark, and how it removes the duplicates of the overlap window. See docs/consumer.md.
 */
@UriParams
public class KlaviyoConsumerOptions {

    /** The start position that reads everything the collection holds. */
    public static final String BEGINNING = "beginning";
    /** The start position that reads only what changes after the consumer first starts. */
    public static final String NOW = "now";

    @UriParam(label = "consumer")
    private String cursorField;
    @UriParam(label = "consumer")
    private String metric;
    @UriParam(label = "consumer", enums = "email,sms,mobile_push")
    private String channel;
    @UriParam(label = "consumer", defaultValue = NOW)
    private String startPosition = NOW;
    @UriParam(label = "consumer", defaultValue = "60000", javaType = "java.time.Duration")
    private long overlap = 60_000;
    @UriParam(label = "consumer", defaultValue = "1000")
    private int maxMessagesPerPoll = 1000;
    @UriParam(label = "consumer")
    private boolean exchangePerPage;
    @UriParam(label = "consumer")
    private String stateFile;
    @UriParam(label = "consumer,advanced")
    private StateRepository<String, String> stateRepository;
    @UriParam(label = "consumer,advanced")
    private String stateKey;
    @UriParam(label = "consumer,advanced")
    private IdempotentRepository idempotentRepository;
    @UriParam(label = "consumer,advanced", defaultValue = "10000")
    private int idempotentCacheSize = 10_000;

    public String getCursorField() {
        return cursorField;
    }

    /**
     * The attribute the consumer reads incrementally. Each collection has a default (events: datetime, profiles:
     * updated, campaigns: updated_at, flows, templates, segments and lists: updated, list and segment members:
     * joined_group_at, catalog items: updated, read client-side); set it for any other collection. A field the
     * operation can filter with greater-than or greater-or-equal is filtered by Klaviyo (and sorted by, when the
     * operation sorts by it); any other date attribute is compared client-side on a full scan.
     */
    public void setCursorField(String cursorField) {
        this.cursorField = cursorField;
    }

    public String getMetric() {
        return metric;
    }

    /**
     * Events only: read the events of this metric, by its id or its name (e.g. Placed Order). A name is looked up
     * once per consumer start and must name exactly one metric.
     */
    public void setMetric(String metric) {
        this.metric = metric;
    }

    public String getChannel() {
        return channel;
    }

    /**
     * Campaigns only: the channel of the campaigns to read (Klaviyo requires one): email (the default), sms or
     * mobile_push. Ignored when the filter option already names messages.channel.
     */
    public void setChannel(String channel) {
        this.channel = channel;
    }

    public String getStartPosition() {
        return startPosition;
    }

    /**
     * Where a consumer without a saved mark starts: now (only what changes from the first start on; the mark is saved
     * at once so that a restart does not skip anything), beginning (everything the collection holds), or an
     * ISO-8601 date or date-time (e.g. 2024-01-01 or 2024-01-01T00:00:00Z). Once a mark is saved it wins.
     */
    public void setStartPosition(String startPosition) {
        this.startPosition = startPosition;
    }

    public long getOverlap() {
        return overlap;
    }

    /**
     * How far before the saved mark each poll reads again, in milliseconds: it catches records that reach Klaviyo
     * late with an earlier cursor value and clock differences; the idempotent repository removes what was already
     * delivered. Never 0 for a cursor Klaviyo filters only with greater-than (profiles, lists, segments).
     */
    public void setOverlap(long overlap) {
        this.overlap = overlap;
    }

    public int getMaxMessagesPerPoll() {
        return maxMessagesPerPoll;
    }

    /**
     * The most exchanges one poll sends (records, or pages with exchangePerPage); 0 for no limit. When a poll stops
     * at the limit with records left, the next poll starts at once.
     */
    public void setMaxMessagesPerPoll(int maxMessagesPerPoll) {
        this.maxMessagesPerPoll = maxMessagesPerPoll;
    }

    public boolean isExchangePerPage() {
        return exchangePerPage;
    }

    /** Send one exchange per page (its new records as a List) instead of one per record. */
    public void setExchangePerPage(boolean exchangePerPage) {
        this.exchangePerPage = exchangePerPage;
    }

    public String getStateFile() {
        return stateFile;
    }

    /**
     * Keep the mark in this file (a Camel FileStateRepository the consumer starts and stops itself, so that it
     * re-reads the file whenever the route starts, e.g. after a failover). Without it and without stateRepository
     * the mark lives in memory only.
     */
    public void setStateFile(String stateFile) {
        this.stateFile = stateFile;
    }

    public StateRepository<String, String> getStateRepository() {
        return stateRepository;
    }

    /**
     * Where the mark is kept: any Camel StateRepository (e.g. a JDBC, Infinispan or Redis one shared by a cluster),
     * e.g. stateRepository=#myState.
     */
    public void setStateRepository(StateRepository<String, String> stateRepository) {
        this.stateRepository = stateRepository;
    }

    public String getStateKey() {
        return stateKey;
    }

    /**
     * The key of this consumer's mark in the state repository, and the prefix of its idempotent keys. By default it
     * is derived from the endpoint: the operation, the id, metric, channel, cursor field and filter, e.g.
     * events/list|cursor:datetime|metric:Placed Order. Set it to keep a mark across a change of those options.
     */
    public void setStateKey(String stateKey) {
        this.stateKey = stateKey;
    }

    public IdempotentRepository getIdempotentRepository() {
        return idempotentRepository;
    }

    /**
     * What was delivered, so that the overlap window and restarts deliver nothing twice: any Camel
     * IdempotentRepository (e.g. a FileIdempotentRepository, or a shared JDBC/Infinispan/Redis one in a cluster).
     * By default an in-memory LRU of idempotentCacheSize keys.
     */
    public void setIdempotentRepository(IdempotentRepository idempotentRepository) {
        this.idempotentRepository = idempotentRepository;
    }

    public int getIdempotentCacheSize() {
        return idempotentCacheSize;
    }

    /**
     * The size of the default in-memory idempotent repository. It must hold the records of one overlap window, and
     * for a collection read without a cursor (coupons, tags, ...) every id of the collection.
     */
    public void setIdempotentCacheSize(int idempotentCacheSize) {
        this.idempotentCacheSize = idempotentCacheSize;
    }
}
