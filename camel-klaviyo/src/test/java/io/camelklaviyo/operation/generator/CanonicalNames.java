package io.camelklaviyo.operation.generator;

import java.util.ArrayList;
import java.util.List;

/**
 * The canonical naming rule documented on {@link io.camelklaviyo.operation.OperationNames}: {@code resource/action},
 * the resource being the first path segment after {@code /api/} (or {@code client-} and the first segment after
 * {@code /client/}), the action following from the method and the path's shape.
 */
final class CanonicalNames {

    private CanonicalNames() {
    }

    /**
     * The canonical name of the operation {@code method path}.
     *
     * @throws IllegalArgumentException when the path's shape or the method is not covered by the rule, so that a new
     *                                  revision with new shapes fails loudly instead of inventing names
     */
    static String of(String method, String path) {
        List<String> segments = segments(path);
        if (segments.size() < 2 || isTemplate(segments.get(1))) {
            throw unsupported(method, path);
        }
        String resource = switch (segments.get(0)) {
            case "api" -> segments.get(1);
            case "client" -> "client-" + segments.get(1);
            default -> throw unsupported(method, path);
        };
        List<String> rest = segments.subList(2, segments.size());
        String action;
        if (rest.isEmpty()) {
            action = verb(method, "list", "create", "update", "delete", path);
        } else if (!isTemplate(rest.get(0))) {
            throw unsupported(method, path);
        } else if (rest.size() == 1) {
            action = verb(method, "get", "create", "update", "delete", path);
        } else if (rest.size() == 2 && !isTemplate(rest.get(1))) {
            String rel = rest.get(1);
            action = verb(method, "get-" + rel, "create-" + rel, "update-" + rel, "delete-" + rel, path);
        } else if (rest.size() == 3 && "relationships".equals(rest.get(1)) && !isTemplate(rest.get(2))) {
            String rel = rest.get(2);
            action = verb(method, "get-" + rel + "-ids", "add-" + rel, "update-" + rel + "-ids", "remove-" + rel, path);
        } else {
            throw unsupported(method, path);
        }
        return resource + "/" + action;
    }

    private static String verb(String method, String get, String post, String patch, String delete, String path) {
        return switch (method) {
            case "GET" -> get;
            case "POST" -> post;
            case "PATCH" -> patch;
            case "DELETE" -> delete;
            default -> throw unsupported(method, path);
        };
    }

    private static List<String> segments(String path) {
        List<String> segments = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (!segment.isEmpty()) {
                segments.add(segment);
            }
        }
        return segments;
    }

    static boolean isTemplate(String segment) {
        return segment.startsWith("{") && segment.endsWith("}");
    }

    private static IllegalArgumentException unsupported(String method, String path) {
        return new IllegalArgumentException("The canonical naming rule does not cover " + method + " " + path
                + ": extend CanonicalNames and the rule documented in OperationNames");
    }
}
