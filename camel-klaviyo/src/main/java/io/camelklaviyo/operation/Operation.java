package io.camelklaviyo.operation;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One operation of the Klaviyo API, as described by the generated catalogue.
 *
 * @param name             canonical name {@code resource/action} (see {@link OperationNames})
 * @param operationId      the spec's operationId
 * @param aliases          older operationIds ({@code x-klaviyo-operation-aliases})
 * @param actions          names of the product's action list that map to this operation
 * @param summary          the spec's one-line summary
 * @param tag              the spec's first tag (API area)
 * @param method           HTTP method
 * @param path             path template, e.g. {@code /api/lists/{id}/relationships/profiles}
 * @param pathParams       names of the path template's parameters, in order
 * @param queryParams      every query parameter the operation accepts
 * @param filters          filterable field to allowed operators ({@code x-klaviyo-filters})
 * @param sort             allowed {@code sort} values
 * @param include          allowed {@code include} values
 * @param fields           resource types accepting a sparse fieldset {@code fields[type]}
 * @param additionalFields resource type to allowed {@code additional-fields[type]} values
 * @param pageSize         page size bounds, or null when the operation takes no {@code page[size]}
 * @param pagination       how the operation pages
 * @param body             request body, or null when the operation takes none
 * @param scopes           scopes a private key or OAuth token needs
 * @param rateLimit        the operation's rate-limit tier
 * @param jobOperation     canonical name of the operation that reads the job this one spawns, or null
 * @param client           true for public-key {@code /client} operations
 * @param successCodes     documented 2xx statuses
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Operation(
        String name,
        String operationId,
        List<String> aliases,
        List<String> actions,
        String summary,
        String tag,
        String method,
        String path,
        List<String> pathParams,
        List<QueryParam> queryParams,
        Map<String, List<String>> filters,
        List<String> sort,
        List<String> include,
        List<String> fields,
        Map<String, List<String>> additionalFields,
        PageSize pageSize,
        Pagination pagination,
        RequestBody body,
        List<String> scopes,
        RateLimit rateLimit,
        String jobOperation,
        boolean client,
        List<Integer> successCodes) {

    public Operation {
        aliases = nonNull(aliases);
        actions = nonNull(actions);
        pathParams = nonNull(pathParams);
        queryParams = nonNull(queryParams);
        filters = filters == null ? Map.of() : filters;
        sort = nonNull(sort);
        include = nonNull(include);
        fields = nonNull(fields);
        additionalFields = additionalFields == null ? Map.of() : additionalFields;
        scopes = nonNull(scopes);
        successCodes = nonNull(successCodes);
    }

    /** True when the operation accepts the named query parameter. */
    public boolean acceptsQuery(String parameter) {
        for (QueryParam q : queryParams) {
            if (q.name().equals(parameter)) {
                return true;
            }
        }
        return false;
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }

    /** A query parameter, by its wire name (e.g. {@code page[size]}, {@code fields[profile]}). */
    @JsonInclude(JsonInclude.Include.NON_DEFAULT)
    public record QueryParam(String name, boolean required) {
    }

    /** Page size bounds of a {@code page[size]} parameter. */
    public record PageSize(int defaultSize, int max) {
    }

    /** How an operation's results page. */
    public enum Pagination {
        /** {@code page[cursor]} query parameter and {@code links.next}. */
        CURSOR,
        /** the reporting POSTs' {@code page_cursor} query parameter. */
        PAGE_CURSOR,
        /** a collection without a page parameter; {@code links.next} may still be set. */
        LINKS,
        /** a single resource. */
        NONE
    }

    /**
     * The request body.
     *
     * @param contentType        media type ({@code application/vnd.api+json} or {@code multipart/form-data})
     * @param required           whether the spec requires a body
     * @param type               JSON:API resource type of {@code data}, or null when it is not fixed
     * @param many               true when {@code data} is an array (relationship writes)
     * @param idRequired         true when {@code data} must carry an {@code id} (updates, and actions on an existing
     *                           resource such as a campaign send)
     * @param requiredAttributes attributes the spec requires in {@code data.attributes}
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record RequestBody(String contentType, boolean required, String type, boolean many, boolean idRequired,
            List<String> requiredAttributes) {
        public RequestBody {
            requiredAttributes = requiredAttributes == null ? List.of() : requiredAttributes;
        }

        public boolean multipart() {
            return contentType != null && contentType.startsWith("multipart/");
        }
    }

    /**
     * A rate-limit tier: requests per second (burst), per minute (steady) and, for some operations, per day.
     *
     * @param tier      the documented tier name (XS, S, M, L, XL) or null when the limits match none
     * @param slowPaths slower limits that apply when a query parameter takes a value
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record RateLimit(int burst, int steady, Integer daily, String tier, List<SlowPath> slowPaths) {
        public RateLimit {
            slowPaths = slowPaths == null ? List.of() : slowPaths;
        }
    }

    /** A slower limit that applies when {@code parameter} contains {@code value}. */
    public record SlowPath(String parameter, String value, int burst, int steady) {
    }
}
