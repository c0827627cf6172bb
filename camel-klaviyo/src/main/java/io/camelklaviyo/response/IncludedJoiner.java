package io.camelklaviyo.response;

import java.util.HashMap;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;

/**
 * Joins a JSON:API document's {@code included} resources into its records (option {@code joinIncluded}).
 * <p>
 * Klaviyo answers {@code include=} with a top-level {@code included} array, and each record only names its related
 * resources by identifier in {@code relationships.<name>.data} (one {@code {type, id}} or a list of them). The join
 * <b>replaces each identifier with the full included resource</b> of the same {@code type} and {@code id}: the
 * resource carries {@code type} and {@code id} too, so whatever read the identifier still works, and
 * {@code attributes} are now at hand. An identifier without an included resource (not asked for, or not returned) is
 * left as it is. Only the records of {@code data} are joined; the included resources themselves are not, so there are
 * no cycles. The document's {@code included} array stays where it is: the gathered records of {@code pagination=ALL}
 * and {@code STREAM} never contain it.
 * <p>
 * The document is changed in place (it is freshly parsed per response); one included resource can appear in several
 * records, as the same object.
 */
public final class IncludedJoiner {

    private IncludedJoiner() {
    }

    /**
     * Joins the included resources of a response's document into its records.
     *
     * @return the same response, its records joined
     */
    public static KlaviyoResponse join(KlaviyoResponse response) {
        if (response.document() != null) {
            join(response.document());
        }
        return response;
    }

    /** Joins the {@code included} resources of a document into the relationships of its {@code data}. */
    public static void join(Map<String, Object> document) {
        if (!(document.get("included") instanceof List<?> included) || included.isEmpty()) {
            return;
        }
        Map<String, Object> byTypeAndId = new HashMap<>();
        for (Object resource : included) {
            String key = key(resource);
            if (key != null) {
                byTypeAndId.putIfAbsent(key, resource);
            }
        }
        Object data = document.get("data");
        if (data instanceof List<?> records) {
            for (Object record : records) {
                joinRecord(record, byTypeAndId);
            }
        } else {
            joinRecord(data, byTypeAndId);
        }
    }

    @SuppressWarnings("unchecked")
    private static void joinRecord(Object record, Map<String, Object> byTypeAndId) {
        if (!(record instanceof Map<?, ?> resource)
                || !(resource.get("relationships") instanceof Map<?, ?> relationships)) {
            return;
        }
        for (Object relationship : relationships.values()) {
            if (!(relationship instanceof Map<?, ?> linkage)) {
                continue;
            }
            Object data = linkage.get("data");
            if (data instanceof List<?> identifiers) {
                ListIterator<Object> each = ((List<Object>) identifiers).listIterator();
                while (each.hasNext()) {
                    Object full = byTypeAndId.get(key(each.next()));
                    if (full != null) {
                        each.set(full);
                    }
                }
            } else if (data != null) {
                Object full = byTypeAndId.get(key(data));
                if (full != null) {
                    ((Map<String, Object>) linkage).put("data", full);
                }
            }
        }
    }

    private static String key(Object identifier) {
        if (identifier instanceof Map<?, ?> map && map.get("type") != null && map.get("id") != null) {
            return map.get("type") + "\u0000" + map.get("id");
        }
        return null;
    }
}
