package io.camelklaviyo.contract;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Checks a {@code multipart/form-data} body against the operation's form schema. swagger-request-validator does
 * not validate multipart bodies (it logs "Validation of 'multipart/form-data' not supported"), so this does what it
 * would: every required field present, no undeclared field, binary fields sent as files.
 */
final class MultipartFormCheck {

    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
    private static final Pattern NAME = Pattern.compile("[; ]name=\"([^\"]*)\"");
    private static final Pattern FILE_NAME = Pattern.compile("filename=\"([^\"]*)\"");

    private MultipartFormCheck() {
    }

    /** A form field: its name, the file name it was sent with (or null), its bytes. */
    record Part(String name, String fileName, byte[] content) {
    }

    /**
     * @param schema the resolved form schema
     * @return the problems found, empty when the body fits the schema
     */
    static List<String> check(JsonNode schema, String contentType, byte[] body, Map<String, Part> expected) {
        List<String> problems = new ArrayList<>();
        Map<String, Part> parts;
        try {
            parts = parse(contentType, body);
        } catch (IllegalArgumentException e) {
            return List.of("multipart body: " + e.getMessage());
        }
        for (JsonNode required : schema.path("required")) {
            if (!parts.containsKey(required.asText())) {
                problems.add("multipart body: the required form field '" + required.asText() + "' is missing");
            }
        }
        JsonNode properties = schema.path("properties");
        parts.forEach((name, part) -> {
            JsonNode property = properties.get(name);
            if (property == null) {
                problems.add("multipart body: the form field '" + name + "' is not declared by the spec");
            } else if ("binary".equals(property.path("format").asText()) && part.fileName() == null) {
                problems.add("multipart body: the binary form field '" + name + "' is not sent as a file");
            }
        });
        expected.forEach((name, want) -> {
            Part got = parts.get(name);
            if (got != null && (!Arrays.equals(want.content(), got.content())
                                || want.fileName() != null && !want.fileName().equals(got.fileName()))) {
                problems.add("multipart body: the form field '" + name + "' arrived as file name " + got.fileName()
                             + " with " + got.content().length + " bytes; sent file name " + want.fileName()
                             + " with " + want.content().length + " bytes");
            }
        });
        return problems;
    }

    static Map<String, Part> parse(String contentType, byte[] body) {
        Matcher boundary = contentType == null ? null : BOUNDARY.matcher(contentType);
        if (boundary == null || !contentType.startsWith("multipart/form-data") || !boundary.find()) {
            throw new IllegalArgumentException("Content-Type " + contentType + " is not multipart/form-data with a"
                                               + " boundary");
        }
        // ISO-8859-1 maps every byte to one char and back: binary parts survive
        String text = new String(body, StandardCharsets.ISO_8859_1);
        String delimiter = "--" + boundary.group(1);
        Map<String, Part> parts = new LinkedHashMap<>();
        int start = text.indexOf(delimiter);
        if (start < 0) {
            throw new IllegalArgumentException("no boundary in the body");
        }
        while (true) {
            int partStart = start + delimiter.length();
            if (text.startsWith("--", partStart)) {
                return parts;
            }
            int next = text.indexOf("\r\n" + delimiter, partStart);
            if (next < 0) {
                throw new IllegalArgumentException("unterminated part");
            }
            String part = text.substring(partStart + 2, next);
            int headersEnd = part.indexOf("\r\n\r\n");
            if (headersEnd < 0) {
                throw new IllegalArgumentException("a part without headers");
            }
            String headers = part.substring(0, headersEnd);
            Matcher name = NAME.matcher(headers);
            if (!name.find()) {
                throw new IllegalArgumentException("a part without a name: " + headers);
            }
            Matcher fileName = FILE_NAME.matcher(headers);
            parts.put(name.group(1), new Part(name.group(1), fileName.find() ? fileName.group(1) : null,
                    part.substring(headersEnd + 4).getBytes(StandardCharsets.ISO_8859_1)));
            start = next + 2;
        }
    }
}
