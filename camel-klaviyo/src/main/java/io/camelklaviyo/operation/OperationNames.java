package io.camelklaviyo.operation;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The naming rules of the catalogue.
 * <p>
 * A canonical name is {@code resource/action}. The resource is the first path segment after {@code /api/} (after
 * {@code /client/} it is prefixed {@code client-}). The action follows from the method and the path's shape:
 * <table>
 * <tr><th>path</th><th>GET</th><th>POST</th><th>PATCH</th><th>DELETE</th></tr>
 * <tr><td>{@code /resource}</td><td>list</td><td>create</td><td>update</td><td>delete</td></tr>
 * <tr><td>{@code /resource/{id}}</td><td>get</td><td>create</td><td>update</td><td>delete</td></tr>
 * <tr><td>{@code /resource/{id}/rel}</td><td>get-rel</td><td>create-rel</td><td>update-rel</td><td>delete-rel</td></tr>
 * <tr><td>{@code /resource/{id}/relationships/rel}</td><td>get-rel-ids</td><td>add-rel</td><td>update-rel-ids</td>
 * <td>remove-rel</td></tr>
 * </table>
 * Lookup is lenient: a name is matched after lower-casing and turning every run of characters other than letters,
 * digits and {@code /} into one {@code -}, so {@code "Add Profile to List"}, {@code add_profiles_to_list} and
 * {@code lists/add-profiles} are all keys.
 */
public final class OperationNames {

    private OperationNames() {
    }

    /** The lookup key of any operation name, operationId, alias or action name. */
    public static String key(String name) {
        StringBuilder key = new StringBuilder(name.length());
        boolean pendingDash = false;
        for (char c : name.trim().toLowerCase(Locale.ROOT).toCharArray()) {
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '/') {
                if (pendingDash && key.length() > 0 && key.charAt(key.length() - 1) != '/' && c != '/') {
                    key.append('-');
                }
                key.append(c);
                pendingDash = false;
            } else {
                pendingDash = true;
            }
        }
        return key.toString();
    }

    /** Up to {@code limit} names of {@code candidates} closest to {@code wanted}, nearest first. */
    public static List<String> closest(String wanted, Set<String> candidates, int limit) {
        String target = key(wanted);
        return candidates.stream()
                .sorted(Comparator.comparingInt((String c) -> distance(target, key(c))).thenComparing(c -> c))
                .limit(limit)
                .toList();
    }

    /** Levenshtein edit distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
