package io.camelklaviyo.bulk;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelklaviyo.request.InvalidRequestException;

/**
 * How one encoded bulk request splits into compliant calls: consecutive runs of its items, in order, each run as
 * large as both the count limit and the byte size of the whole chunk document allow. Chunk bodies are written only
 * when a chunk is sent, so a large input is not held twice.
 */
public final class ChunkPlan {

    private final String operation;
    private final JsonNode document;
    private final ObjectNode parent;
    private final String field;
    private final ArrayNode items;
    private final ObjectWriter writer;
    private final long maxBytes;
    private final List<ChunkSpan> spans;

    private ChunkPlan(String operation, JsonNode document, ObjectNode parent, String field, ArrayNode items,
                      ObjectWriter writer, long maxBytes, List<ChunkSpan> spans) {
        this.operation = operation;
        this.document = document;
        this.parent = parent;
        this.field = field;
        this.items = items;
        this.writer = writer;
        this.maxBytes = maxBytes;
        this.spans = List.copyOf(spans);
    }

    /**
     * Plans the chunks of an encoded request body.
     *
     * @param  operation               the operation's name, for messages
     * @return                         the plan, or null when the body is within the limits (or holds no array of
     *                                 items at the pointer) and goes as it is in one call
     * @throws InvalidRequestException when one item cannot fit in any compliant call
     */
    public static ChunkPlan of(String operation, byte[] body, ChunkLimits.Limit limit, ObjectMapper mapper) {
        if (body == null || body.length == 0) {
            return null;
        }
        JsonNode document;
        try {
            document = mapper.readTree(body);
        } catch (IOException e) {
            return null; // not JSON (a multipart form): nothing to split
        }
        JsonPointer pointer = JsonPointer.compile(limit.itemsPointer());
        JsonNode container = document == null ? null : document.at(pointer.head());
        String field = pointer.last().getMatchingProperty();
        if (!(container instanceof ObjectNode parent) || !(parent.get(field) instanceof ArrayNode items)) {
            return null;
        }
        int[] weights = weights(items, limit);
        long totalWeight = 0;
        for (int weight : weights) {
            totalWeight += weight;
        }
        if (totalWeight <= limit.maxItems() && body.length <= limit.maxBytes()) {
            return null;
        }
        ObjectWriter writer = mapper.writer().without(SerializationFeature.INDENT_OUTPUT);
        long[] sizes = limit.limitsSize() ? sizes(items, writer) : null;
        long envelope = limit.limitsSize() ? envelopeSize(document, parent, field, items, writer) : 0;
        check(operation, limit, weights, sizes, envelope);
        return new ChunkPlan(operation, document, parent, field, items, writer, limit.maxBytes(),
                split(limit, weights, sizes, envelope));
    }

    private static int[] weights(ArrayNode items, ChunkLimits.Limit limit) {
        int[] weights = new int[items.size()];
        for (int i = 0; i < weights.length; i++) {
            JsonNode counted = limit.weightPointer() == null ? null : items.get(i).at(limit.weightPointer());
            weights[i] = counted != null && counted.isArray() ? Math.max(1, counted.size()) : 1;
        }
        return weights;
    }

    private static long[] sizes(ArrayNode items, ObjectWriter writer) {
        long[] sizes = new long[items.size()];
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = write(writer, items.get(i)).length;
        }
        return sizes;
    }

    /** The size of the document without items: every chunk carries it. */
    private static long envelopeSize(JsonNode document, ObjectNode parent, String field, ArrayNode items,
                                     ObjectWriter writer) {
        parent.set(field, parent.arrayNode());
        try {
            return write(writer, document).length;
        } finally {
            parent.set(field, items);
        }
    }

    private static void check(String operation, ChunkLimits.Limit limit, int[] weights, long[] sizes, long envelope) {
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] > limit.maxItems()) {
                throw new InvalidRequestException(operation + ": item " + i + " of " + limit.itemsPointer()
                                                  + " alone holds " + weights[i] + " " + limit.unit()
                                                  + "; Klaviyo takes at most " + limit.maxItems()
                                                  + " per request. No request was sent.");
            }
            if (sizes != null && envelope + sizes[i] > limit.maxBytes()) {
                throw new InvalidRequestException(operation + ": item " + i + " of " + limit.itemsPointer() + " is "
                                                  + sizes[i] + " bytes; alone it makes a request of "
                                                  + (envelope + sizes[i]) + " bytes, above Klaviyo's limit of "
                                                  + limit.maxBytes() + " bytes per request. No request was sent.");
            }
        }
    }

    /** Greedy: each chunk takes items until the next one would break the count or the size limit. */
    private static List<ChunkSpan> split(ChunkLimits.Limit limit, int[] weights, long[] sizes, long envelope) {
        List<ChunkSpan> spans = new ArrayList<>();
        int first = 0;
        long weight = 0;
        long bytes = envelope;
        for (int i = 0; i < weights.length; i++) {
            int count = i - first;
            // items are written between the envelope's brackets, separated by commas
            long added = sizes == null ? 0 : sizes[i] + (count > 0 ? 1 : 0);
            if (count > 0 && (weight + weights[i] > limit.maxItems() || bytes + added > limit.maxBytes())) {
                spans.add(new ChunkSpan(spans.size(), first, count));
                first = i;
                weight = 0;
                bytes = envelope;
                added = sizes == null ? 0 : sizes[i];
            }
            weight += weights[i];
            bytes += added;
        }
        spans.add(new ChunkSpan(spans.size(), first, weights.length - first));
        return spans;
    }

    /** The chunks, in sending order. */
    public List<ChunkSpan> spans() {
        return spans;
    }

    /** The number of items of the whole input. */
    public int itemCount() {
        return items.size();
    }

    /** The request document of one chunk: the input's document with only the chunk's items. */
    public synchronized byte[] body(ChunkSpan span) {
        ArrayNode chunk = parent.arrayNode(span.itemCount());
        for (int i = span.firstItem(); i <= span.lastItem(); i++) {
            chunk.add(items.get(i));
        }
        parent.set(field, chunk);
        byte[] bytes;
        try {
            bytes = write(writer, document);
        } finally {
            parent.set(field, items);
        }
        if (bytes.length > maxBytes) {
            // the plan adds up the sizes the same writer produces: this would be a bug, never send it
            throw new IllegalStateException(operation + ": " + span.describe() + " came to " + bytes.length
                                            + " bytes, above the planned limit of " + maxBytes);
        }
        return bytes;
    }

    private static byte[] write(ObjectWriter writer, JsonNode node) {
        try {
            return writer.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a JSON tree", e);
        }
    }
}
