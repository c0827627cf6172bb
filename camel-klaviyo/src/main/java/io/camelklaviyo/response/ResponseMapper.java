package io.camelklaviyo.response;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelklaviyo.KlaviyoConstants;
import io.camelklaviyo.KlaviyoResponseMappingException;
import io.camelklaviyo.ResponseFormat;
import io.camelklaviyo.ratelimit.RateLimitBudget;
import io.camelklaviyo.request.PageCursors;
import org.apache.camel.Message;

/**
 * Puts a response on the message: the body in the configured shape, and the operation, status, rate-limit budget and
 * next page cursor as headers.
 */
public final class ResponseMapper {

    private final String operation;
    private final ResponseFormat format;
    private final Class<?> responseType;
    private final ObjectMapper mapper;

    public ResponseMapper(String operation, ResponseFormat format, Class<?> responseType, ObjectMapper mapper) {
        this.operation = operation;
        this.format = format;
        this.responseType = responseType;
        this.mapper = mapper;
    }

    /** Sets the headers of a response and its body in the configured shape. */
    public void map(KlaviyoResponse response, Message message) {
        mapHeaders(response, message);
        String cursor = PageCursors.cursorInLink(response.nextLink());
        if (cursor != null) {
            message.setHeader(KlaviyoConstants.NEXT_PAGE_CURSOR, cursor);
        }
        if (response.document() == null) {
            // 204 No Content, and the 202 of an accepted event, carry no document
            message.setBody(null);
        } else if (format == ResponseFormat.RAW) {
            message.setBody(response.text());
        } else {
            Object selected = format == ResponseFormat.DATA ? response.data() : response.document();
            try {
                message.setBody(shape(selected));
            } catch (IllegalArgumentException e) {
                throw new KlaviyoResponseMappingException(operation, response.status(), response.text(), e);
            }
        }
    }

    /** The operation, status and rate-limit headers of a response; no body, no cursor. */
    public void mapHeaders(KlaviyoResponse response, Message message) {
        message.setHeader(KlaviyoConstants.OPERATION, operation);
        message.setHeader(KlaviyoConstants.HTTP_STATUS, response.status());
        setOrRemove(message, KlaviyoConstants.RATE_LIMIT_LIMIT, response.rateLimitLimit());
        setOrRemove(message, KlaviyoConstants.RATE_LIMIT_REMAINING, response.rateLimitRemaining());
        setOrRemove(message, KlaviyoConstants.RATE_LIMIT_RESET, response.rateLimitReset());
        mapRateLimitBudget(response, message);
        message.removeHeader(KlaviyoConstants.NEXT_PAGE_CURSOR);
    }

    /**
     * The client-side rate limiter's budget, as it was once it let the request go: absent when rate limiting is off
     * (and the daily figure for operations without a daily cap).
     */
    public void mapRateLimitBudget(KlaviyoResponse response, Message message) {
        RateLimitBudget budget = response.rateLimitBudget();
        setOrRemove(message, KlaviyoConstants.RATE_LIMIT_BUDGET, budget == null ? null : budget.remaining());
        setOrRemove(message, KlaviyoConstants.RATE_LIMIT_BUDGET_BURST, budget == null ? null : budget.burst());
        setOrRemove(message, KlaviyoConstants.RATE_LIMIT_BUDGET_STEADY, budget == null ? null : budget.steady());
        setOrRemove(message, KlaviyoConstants.RATE_LIMIT_BUDGET_DAILY, budget == null ? null : budget.daily());
    }

    /**
     * A resource or document converted to the configured responseType, or as it is.
     *
     * @throws IllegalArgumentException when it does not convert
     */
    public Object shape(Object value) {
        return responseType == null || value == null ? value : mapper.convertValue(value, responseType);
    }

    private static void setOrRemove(Message message, String header, Object value) {
        if (value == null) {
            message.removeHeader(header);
        } else {
            message.setHeader(header, value);
        }
    }
}
