package io.camelklaviyo.contract;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/**
 * A request as the Klaviyo stand-in received it: method, raw path, percent-decoded query parameters, headers
 * (lower-case names) and body bytes.
 */
record RecordedRequest(String method, String rawPath, Map<String, List<String>> query,
        Map<String, List<String>> headers, byte[] body) {

    static RecordedRequest of(LoggedRequest request) {
        String url = request.getUrl();
        int question = url.indexOf('?');
        String rawPath = question < 0 ? url : url.substring(0, question);
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (question >= 0 && question < url.length() - 1) {
            for (String pair : url.substring(question + 1).split("&")) {
                int equals = pair.indexOf('=');
                String name = percentDecode(equals < 0 ? pair : pair.substring(0, equals));
                String value = equals < 0 ? "" : percentDecode(pair.substring(equals + 1));
                query.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            }
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (HttpHeader header : request.getHeaders().all()) {
            headers.computeIfAbsent(header.key().toLowerCase(Locale.ROOT), n -> new ArrayList<>())
                    .addAll(header.values());
        }
        byte[] body = request.getBody();
        return new RecordedRequest(request.getMethod().getName(), rawPath, query, headers,
                body == null ? new byte[0] : body);
    }

    /** The path with its percent-escapes decoded. */
    String path() {
        return percentDecode(rawPath);
    }

    /** The header's values, or an empty list. */
    List<String> header(String name) {
        return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }

    /** The header's single value, or null. */
    String singleHeader(String name) {
        List<String> values = header(name);
        return values.size() == 1 ? values.get(0) : null;
    }

    /**
     * Decodes {@code %XX} escapes (UTF-8). A {@code +} stays a {@code +}: the component must encode a literal plus,
     * and a space must arrive as {@code %20}.
     */
    static String percentDecode(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' && i + 2 < text.length()) {
                bytes.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
