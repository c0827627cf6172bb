package io.camelklaviyo;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import io.camelklaviyo.operation.Operation;
import io.camelklaviyo.operation.OperationCatalog;
import io.camelklaviyo.operation.OperationNames;

/**
 * Finds the one operation an endpoint names: by any of its names, and for a generic action (one name, several
 * operations) by the relationship option. Unknown or ambiguous names fail with the choices.
 */
final class OperationSelection {

    private OperationSelection() {
    }

    static Operation select(OperationCatalog catalog, String name, String relationship) {
        Collection<Operation> found = catalog.resolve(name);
        if (found.isEmpty() && name != null && !name.contains("/")) {
            // a bare resource name (klaviyo:events, klaviyo:profiles) means its collection: events/list
            found = catalog.resolve(name.trim() + "/list");
        }
        if (found.isEmpty()) {
            throw new IllegalArgumentException(
                    "Unknown Klaviyo operation '" + name + "'. Closest matches: "
                                               + String.join(", ", OperationNames.closest(name, catalog.allNames(), 5))
                                               + ". Every name is listed in docs/operations.md.");
        }
        return found.size() == 1 ? only(found, name, relationship) : byRelationship(found, name, relationship);
    }

    private static Operation only(Collection<Operation> found, String name, String relationship) {
        if (relationship != null) {
            throw new IllegalArgumentException(
                    "The option relationship applies only to actions that cover several operations; '" + name
                                               + "' is exactly " + found.iterator().next().name());
        }
        return found.iterator().next();
    }

    private static Operation byRelationship(Collection<Operation> found, String name, String relationship) {
        Map<String, Operation> byRelationship = new LinkedHashMap<>();
        for (Operation candidate : found) {
            byRelationship.put(candidate.path().substring(candidate.path().lastIndexOf('/') + 1), candidate);
        }
        Operation selected = relationship == null ? null : byRelationship.get(relationship);
        if (selected == null) {
            throw new IllegalArgumentException(
                    "'" + name + "' covers " + found.size() + " operations; choose one with relationship="
                                               + String.join("|", byRelationship.keySet())
                                               + (relationship == null ? "" : " (got '" + relationship + "')")
                                               + ": " + found.stream().map(Operation::name)
                                                       .collect(Collectors.joining(", ")));
        }
        return selected;
    }
}
