package io.camelklaviyo.response;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelklaviyo.KlaviyoApiException;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.core5.http.Header;

/**
 * Reads Klaviyo's HTTP response: a {@link KlaviyoResponse} for a 2xx with a JSON body (or none), a
 * {@link KlaviyoApiException} for anything else.
 */
public final class ResponseReader {

    private static final TypeReference<Map<String, Object>> DOCUMENT = new TypeReference<>() {
    };

    private final ObjectMapper mapper;
    private final ErrorDocuments errors;

    public ResponseReader(ObjectMapper mapper) {
        this.mapper = mapper;
        this.errors = new ErrorDocuments(mapper);
    }

    public KlaviyoResponse read(String operation, SimpleHttpResponse response) throws KlaviyoApiException {
        if (response.getCode() < 200 || response.getCode() >= 300) {
            throw errors.toException(operation, response);
        }
        byte[] body = response.getBodyBytes();
        if (body == null) {
            body = new byte[0];
        }
        Map<String, Object> document = null;
        if (body.length > 0) {
            try {
                document = mapper.readValue(body, DOCUMENT);
            } catch (IOException e) {
                throw new KlaviyoApiException(operation, response.getCode(), List.of(), null,
                        "the response is not a JSON document (" + e.getMessage() + ")");
            }
        }
        return new KlaviyoResponse(response.getCode(), intHeader(response, "RateLimit-Limit"),
                intHeader(response, "RateLimit-Remaining"), intHeader(response, "RateLimit-Reset"), body, document);
    }

    private static Integer intHeader(SimpleHttpResponse response, String name) {
        Header header = response.getFirstHeader(name);
        if (header == null) {
            return null;
        }
        try {
            return Integer.valueOf(header.getValue().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
