package io.camelklaviyo.operation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every Klaviyo operation, loaded once from the generated catalogue resource, with lookup by canonical name,
 * operationId, old operationId or action-list name.
 */
public final class OperationCatalog {

    /** Classpath location of the generated catalogue. */
    public static final String RESOURCE = "/io/camelklaviyo/operation/klaviyo-operations.json";

    private final String revision;
    private final List<Operation> operations;
    private final Map<String, Operation> byName;
    /** lookup key to every operation it names: one, or several for a generic action. */
    private final Map<String, Set<Operation>> byKey;

    /**
     * @param revision   the API revision the catalogue was generated from
     * @param operations every operation, in catalogue order
     */
    public OperationCatalog(String revision, List<Operation> operations) {
        this.revision = revision;
        this.operations = List.copyOf(operations);
        this.byName = new LinkedHashMap<>();
        this.byKey = new LinkedHashMap<>();
        for (Operation operation : operations) {
            byName.put(operation.name(), operation);
            index(operation.name(), operation);
            index(operation.operationId(), operation);
            operation.aliases().forEach(alias -> index(alias, operation));
            operation.actions().forEach(action -> index(action, operation));
        }
    }

    private void index(String name, Operation operation) {
        byKey.computeIfAbsent(OperationNames.key(name), k -> new LinkedHashSet<>()).add(operation);
    }

    /** The catalogue bundled with the component. */
    public static OperationCatalog bundled() {
        return Bundled.CATALOG;
    }

    /** Reads a catalogue document. */
    public static OperationCatalog read(InputStream json) throws IOException {
        Document document = mapper().readValue(json, Document.class);
        return new OperationCatalog(document.revision(), document.operations());
    }

    /** The mapper that reads and writes catalogue documents. */
    public static ObjectMapper mapper() {
        return new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    public String revision() {
        return revision;
    }

    public List<Operation> operations() {
        return operations;
    }

    /** The operation with this canonical name, or null. */
    public Operation byName(String name) {
        return byName.get(name);
    }

    /**
     * Every operation a name refers to: none when it is unknown, one for most names, several for a generic action
     * such as "Get Tag Relationships".
     */
    public Collection<Operation> resolve(String name) {
        Set<Operation> found = byKey.get(OperationNames.key(name));
        return found == null ? List.of() : List.copyOf(found);
    }

    /** Every name that resolves: canonical names, operationIds, aliases and action names. */
    public Set<String> allNames() {
        Set<String> names = new TreeSet<>();
        for (Operation operation : operations) {
            names.add(operation.name());
            names.add(operation.operationId());
            names.addAll(operation.aliases());
            names.addAll(operation.actions());
        }
        return names;
    }

    /** Names that resolve to more than one operation: the generic actions. */
    public Map<String, List<Operation>> genericNames() {
        Map<String, List<Operation>> generic = new LinkedHashMap<>();
        for (String name : allNames()) {
            Set<Operation> found = byKey.get(OperationNames.key(name));
            if (found.size() > 1) {
                generic.put(name, new ArrayList<>(found));
            }
        }
        return generic;
    }

    /** The catalogue file: the revision and every operation. */
    public record Document(String revision, List<Operation> operations) {
    }

    private static final class Bundled {
        static final OperationCatalog CATALOG = load();

        private static OperationCatalog load() {
            try (InputStream in = OperationCatalog.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("The Klaviyo operation catalogue " + RESOURCE + " is missing");
                }
                return read(in);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the Klaviyo operation catalogue " + RESOURCE, e);
            }
        }
    }
}
