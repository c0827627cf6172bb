package io.camelklaviyo.consumer;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import io.camelklaviyo.KlaviyoConstants;
import io.camelklaviyo.KlaviyoConsumerOptions;
import io.camelklaviyo.consumer.Batch.Candidate;
import io.camelklaviyo.consumer.Batch.Instants;
import io.camelklaviyo.consumer.Batch.Unit;
import io.camelklaviyo.invoke.Call;
import io.camelklaviyo.operation.Operation;
import io.camelklaviyo.response.ResponseMapper;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.support.ScheduledBatchPollingConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls a Klaviyo collection incrementally: each poll reads the records after the saved mark (minus the overlap),
 * sends the new ones, one exchange each (or one per page), and moves the mark only over records whose exchange
 * completed: at-least-once, with the idempotent repository removing what the overlap and restarts read again.
 * <p>
 * Every page goes through the endpoint's call chain, the producer's own, so the consumer shares the rate limiter and
 * the retries. The poll thread waits for each page: it is the consumer's scheduled thread, never a route's.
 */
public class KlaviyoConsumer extends ScheduledBatchPollingConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(KlaviyoConsumer.class);
    private static final long STOP_WAIT_SECONDS = 30;

    private final ConsumptionPlan plan;
    private final ConsumerState state;
    private final PageReader reader;
    private final Gathering gathering;
    private final ResponseMapper responses;
    private final Operation metricsList;
    private final boolean perPage;
    private final ReentrantLock polling = new ReentrantLock();
    private volatile String metricId;
    private volatile boolean morePending;
    private volatile boolean lastBatchFailed;
    /** The unit each exchange of the batch being sent carries; only the poll thread uses it. */
    private final Map<Exchange, Unit> unitsOfBatch = new IdentityHashMap<>();

    /**
     * @param call        the endpoint's call chain
     * @param metricsList metrics/list, to find a metric by its name
     * @param responses   maps the pages' headers and shapes the records (responseType)
     * @param stateFiles  the component's state files, shared by its consumers
     */
    public KlaviyoConsumer(Endpoint endpoint, Processor processor, KlaviyoConsumerOptions options,
                           ConsumptionPlan plan, Call call, boolean joinIncluded, Operation metricsList,
                           ResponseMapper responses, StateFiles stateFiles) {
        super(endpoint, processor);
        this.plan = plan;
        this.state = new ConsumerState(options, plan.stateKey(), stateFiles);
        this.reader = new PageReader(call, joinIncluded);
        this.perPage = options.isExchangePerPage();
        this.gathering = new Gathering(plan, state, reader, options.getMaxMessagesPerPoll(), perPage);
        this.responses = responses;
        this.metricsList = metricsList;
        setMaxMessagesPerPoll(options.getMaxMessagesPerPoll());
    }

    /** What this consumer reads, and by which cursor. */
    public ConsumptionPlan getPlan() {
        return plan;
    }

    /** The state value saved under this consumer's key (its mark), or null. */
    public String getStateValue() {
        return state.value();
    }

    @Override
    protected void doStart() throws Exception {
        state.start();
        LOG.debug("Consuming {} ({}, cursor {}), state key {}", plan.operation().name(), plan.mode(),
                plan.cursorField(), plan.stateKey());
        super.doStart();
    }

    @Override
    protected void doStop() throws Exception {
        // stops the scheduler, interrupting a poll that waits for a page
        super.doStop();
        // let a poll that is saving its mark finish before the repositories stop (a file one writes itself out)
        boolean idle = polling.tryLock(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
        try {
            state.stop();
            metricId = null;
        } finally {
            if (idle) {
                polling.unlock();
            }
        }
    }

    /**
     * Greedy when Camel's greedy option asks for it or when the last poll stopped at maxMessagesPerPoll with records
     * left; never right after an exchange failed, which would re-deliver it in a tight loop.
     */
    @Override
    public boolean isGreedy() {
        return !lastBatchFailed && (super.isGreedy() || morePending);
    }

    @Override
    protected int poll() throws Exception {
        polling.lockInterruptibly();
        try {
            boolean continuation = morePending;
            morePending = false;
            lastBatchFailed = false;
            if (plan.mode() == ConsumptionMode.SERVER_CURSOR || plan.mode() == ConsumptionMode.CLIENT_CURSOR) {
                Mark mark = currentMark();
                Batch batch = gathering.byCursor(mark, metricId(), continuation);
                Delivery delivery = deliver(batch);
                advance(mark, delivery.reached);
                return delivery.sent;
            }
            return deliver(gathering.byId(plan.start())).sent;
        } finally {
            polling.unlock();
        }
    }

    /** The saved mark; the start position's, saved at once, when there is none (null: from the beginning). */
    private Mark currentMark() {
        Mark mark = state.mark();
        if (mark == null) {
            Instant start = plan.start().initialMark(Instant.now());
            if (start != null) {
                mark = Mark.startingAt(start);
                state.saveMark(mark);
            }
        }
        return mark;
    }

    private void advance(Mark mark, Instant reached) {
        if (reached == null || mark != null && !reached.isAfter(mark.position())) {
            return;
        }
        Mark advanced = mark == null ? new Mark(reached, null) : mark.advancedTo(reached, plan.overlap());
        state.saveMark(advanced);
        LOG.trace("Mark of {} moved to {}", plan.stateKey(), advanced);
    }

    private String metricId() throws Exception {
        if (plan.metric() == null) {
            return null;
        }
        if (metricId == null) {
            metricId = MetricLookup.resolve(plan.metric(), metricsList, reader);
        }
        return metricId;
    }

    /** How far a batch got: the exchanges sent, and the mark reached by those that completed. */
    private record Delivery(int sent, Instant reached) {
    }

    private Delivery deliver(Batch batch) throws Exception {
        List<Unit> units = batch.units();
        Queue<Object> exchanges = new ArrayDeque<>(units.size());
        unitsOfBatch.clear();
        for (Unit unit : units) {
            Exchange exchange = createExchange(false);
            fill(exchange, unit);
            unitsOfBatch.put(exchange, unit);
            exchanges.add(exchange);
        }
        int completed;
        try {
            completed = processBatch(exchanges);
        } finally {
            unitsOfBatch.clear();
        }
        Instant reached = batch.prefixMark();
        for (int index = 0; index < completed; index++) {
            reached = Instants.max(reached, units.get(index).markAfter());
        }
        boolean all = completed == units.size();
        if (all && !batch.more()) {
            reached = Instants.max(reached, batch.completeMark());
        }
        morePending = all && batch.more();
        return new Delivery(completed + (lastBatchFailed ? 1 : 0), reached);
    }

    /**
     * Sends the exchanges one after the other, each once the previous one completed, and stops at the first that
     * fails (or when the consumer shuts down): what was not delivered stays after the mark.
     *
     * @return how many exchanges completed, from the first one on
     */
    @Override
    public int processBatch(Queue<Object> exchanges) throws Exception {
        int total = exchanges.size();
        int completed = 0;
        boolean stopped = false;
        for (int index = 0; !exchanges.isEmpty(); index++) {
            Exchange exchange = (Exchange) exchanges.poll();
            if (stopped || !isBatchAllowed()) {
                stopped = true;
                releaseExchange(exchange, false);
                continue;
            }
            exchange.setProperty(ExchangePropertyKey.BATCH_INDEX, index);
            exchange.setProperty(ExchangePropertyKey.BATCH_SIZE, total);
            exchange.setProperty(ExchangePropertyKey.BATCH_COMPLETE, index == total - 1);
            pendingExchanges = total - index - 1;
            Unit unit = unitsOfBatch.get(exchange);
            if (process(exchange)) {
                completed++;
                if (unit != null) {
                    unit.candidates().forEach(candidate -> state.remember(candidate.key()));
                }
            } else {
                lastBatchFailed = true;
                stopped = true;
            }
        }
        pendingExchanges = 0;
        return completed;
    }

    /** Sends one exchange and waits for it; true when it completed without an exception or rollback. */
    private boolean process(Exchange exchange) {
        try {
            getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
        boolean failed = exchange.getException() != null || exchange.isRollbackOnly();
        try {
            if (exchange.getException() != null) {
                getExceptionHandler().handleException("Error processing exchange", exchange,
                        exchange.getException());
            }
        } finally {
            releaseExchange(exchange, false);
        }
        return !failed;
    }

    private void fill(Exchange exchange, Unit unit) {
        Message message = exchange.getIn();
        responses.mapHeaders(unit.page(), message);
        message.setHeader(KlaviyoConstants.STATE_KEY, plan.stateKey());
        Candidate last = unit.candidates().get(unit.candidates().size() - 1);
        message.setHeader(KlaviyoConstants.RECORD_ID, Records.id(last.record()));
        message.setHeader(KlaviyoConstants.RECORD_TYPE, Records.type(last.record()));
        if (last.cursor() != null) {
            message.setHeader(KlaviyoConstants.CURSOR_VALUE, last.cursor().toString());
        }
        if (plan.mode() == ConsumptionMode.TERMINAL_JOBS && !perPage) {
            message.setHeader(KlaviyoConstants.JOB_ID, Records.id(last.record()));
            message.setHeader(KlaviyoConstants.JOB_STATUS, Records.attribute(last.record(), "status"));
        }
        if (perPage) {
            List<Object> records = new ArrayList<>(unit.candidates().size());
            unit.candidates().forEach(candidate -> records.add(responses.shape(candidate.record())));
            message.setHeader(KlaviyoConstants.RECORD_COUNT, records.size());
            message.setBody(records);
        } else {
            message.setBody(responses.shape(last.record()));
        }
    }
}
