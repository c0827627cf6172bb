package io.camelklaviyo.operation.generator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import io.camelklaviyo.operation.Operation;
import io.camelklaviyo.operation.OperationNames;

/**
 * Refuses a catalogue whose names are ambiguous: two operations with one canonical name, or one lookup key
 * ({@link OperationNames#key}) of a name, operationId, alias or action name naming two operations, unless the key
 * belongs only to generic actions, which the action list deliberately maps to several operations. The operations of
 * a generic action must differ in their last path segment, which the endpoint uses to pick one.
 */
final class CatalogValidator {

    private CatalogValidator() {
    }

    /**
     * @param operations the catalogue
     * @param actionList action name to its operationIds, as read from the action list
     * @throws IllegalStateException listing every conflict found
     */
    static void validate(List<Operation> operations, Map<String, List<String>> actionList) {
        List<String> problems = new ArrayList<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (Operation operation : operations) {
            String previous = names.put(operation.name(), operation.operationId());
            if (previous != null) {
                problems.add("canonical name " + operation.name() + " is given to both " + previous + " and "
                        + operation.operationId());
            }
        }
        checkKeys(operations, actionList, problems);
        checkGenericActions(operations, problems);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The catalogue has ambiguous names:\n  " + String.join("\n  ", problems));
        }
    }

    private static void checkKeys(List<Operation> operations, Map<String, List<String>> actionList,
            List<String> problems) {
        // lookup key -> operationId -> the names that produce that key for that operation
        Map<String, Map<String, Set<String>>> byKey = new TreeMap<>();
        for (Operation operation : operations) {
            List<String> sources = new ArrayList<>();
            sources.add(operation.name());
            sources.add(operation.operationId());
            sources.addAll(operation.aliases());
            sources.addAll(operation.actions());
            for (String source : sources) {
                byKey.computeIfAbsent(OperationNames.key(source), k -> new TreeMap<>())
                        .computeIfAbsent(operation.operationId(), k -> new TreeSet<>()).add(source);
            }
        }
        byKey.forEach((key, owners) -> {
            if (owners.size() > 1 && !onlyGenericActions(owners, actionList)) {
                problems.add("lookup key \"" + key + "\" names several operations: " + owners);
            }
        });
    }

    private static boolean onlyGenericActions(Map<String, Set<String>> owners, Map<String, List<String>> actionList) {
        for (Set<String> sources : owners.values()) {
            for (String source : sources) {
                List<String> targets = actionList.get(source);
                if (targets == null || targets.size() < 2) {
                    return false;
                }
            }
        }
        return true;
    }

    private static void checkGenericActions(List<Operation> operations, List<String> problems) {
        Map<String, Map<String, String>> segmentsByAction = new TreeMap<>();
        for (Operation operation : operations) {
            for (String action : operation.actions()) {
                String previous = segmentsByAction.computeIfAbsent(action, k -> new TreeMap<>())
                        .put(lastSegment(operation.path()), operation.operationId());
                if (previous != null) {
                    problems.add("generic action \"" + action + "\" cannot tell " + previous + " from "
                            + operation.operationId() + " by their last path segment " + lastSegment(operation.path()));
                }
            }
        }
    }

    /** The last segment of a path: the value of the endpoint option that picks one operation of a generic action. */
    static String lastSegment(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
