package io.camelklaviyo.contract;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelklaviyo.operation.Operation;

/**
 * What the test hands the producer for one operation, and what it expects on the wire.
 *
 * @param operation        the catalogue's operation
 * @param specOperation    the same operation in Klaviyo's spec
 * @param id               the path id ({@code {id}} or {@code {job_id}}), or null
 * @param optionsOnUri     true to pass the id and the query parameters as endpoint options, false as headers
 * @param query            required query parameters by wire name (never {@code company_id})
 * @param bodyForm         the shape the body is given in
 * @param body             the message body: a Map document, a Map of attributes, a List of ids, bytes, or null
 * @param expectedDocument the JSON:API document the request must carry, or null (no body, or multipart)
 * @param specWorkarounds  the {@link SpecDefects} applied to the body
 */
record OperationInputs(
        Operation operation,
        KlaviyoSpec.SpecOperation specOperation,
        String id,
        boolean optionsOnUri,
        Map<String, String> query,
        BodyForm bodyForm,
        Object body,
        JsonNode expectedDocument,
        List<String> specWorkarounds) {

    /** The shapes a message body is given to the producer in. */
    enum BodyForm {
        /** the operation takes no body */
        NONE,
        /** the whole JSON:API document, as a Map */
        DOCUMENT,
        /** only {@code data.attributes}, as a Map: the component wraps it */
        ATTRIBUTES,
        /** a List of related ids: the component turns them into resource identifiers */
        IDS,
        /** the file to upload, as bytes, with the {@code CamelFileName} header */
        FILE
    }

    /** The name the uploaded file is given in the {@code CamelFileName} header. */
    static final String FILE_NAME = "contract-pixel.png";

    /** The bytes of the uploaded file: a PNG signature and a few bytes, including CR, LF and non-ASCII ones. */
    static final byte[] FILE_BYTES = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D',
                                       'R', (byte) 0xff, (byte) 0xfe, '-', '-' };
}
