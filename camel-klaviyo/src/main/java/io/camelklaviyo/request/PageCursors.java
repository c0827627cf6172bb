package io.camelklaviyo.request;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Page cursors, which Klaviyo hands out inside the full {@code links.next} URL.
 */
public final class PageCursors {

    private PageCursors() {
    }

    /** The cursor of a links.next URL, or null when there is none or the link cannot be read. */
    public static String cursorInLink(String link) {
        if (link == null) {
            return null;
        }
        try {
            return cursorOf(link);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * The cursor itself: the {@code page[cursor]} (or {@code page_cursor}) value of a {@code links.next} URL, or the
     * text unchanged when it is already a bare cursor.
     */
    public static String cursorOf(String cursorOrUrl) {
        if (!cursorOrUrl.startsWith("http://") && !cursorOrUrl.startsWith("https://")) {
            return cursorOrUrl;
        }
        String query = URI.create(cursorOrUrl).getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                if (eq > 0 && (name.equals("page[cursor]") || name.equals("page_cursor"))) {
                    return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                }
            }
        }
        throw new InvalidRequestException("The page URL carries no page cursor: " + URI.create(cursorOrUrl).getPath());
    }
}
