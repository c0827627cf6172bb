package io.camelklaviyo.request;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * Percent-encoding of query strings (RFC 3986). Everything but unreserved characters is encoded, so a {@code +} in
 * an email address arrives as {@code +} and not as a space, and quotes and brackets survive any proxy. Commas stay
 * readable: they separate list values and mean the same encoded or not.
 */
public final class QueryEncoding {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private QueryEncoding() {
    }

    /** {@code name=value&...}, sorted by name so that equal requests have equal URLs. */
    public static String encode(Map<String, String> query) {
        StringJoiner joined = new StringJoiner("&");
        new TreeMap<>(query).forEach((name, value) -> joined.add(encode(name) + "=" + encode(value)));
        return joined.toString();
    }

    /** One name or value. */
    public static String encode(String text) {
        StringBuilder encoded = new StringBuilder(text.length() + 16);
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (isUnreserved(c) || c == ',') {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return encoded.toString();
    }

    private static boolean isUnreserved(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }
}
