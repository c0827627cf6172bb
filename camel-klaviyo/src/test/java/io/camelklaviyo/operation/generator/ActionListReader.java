package io.camelklaviyo.operation.generator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the action-list TSV: a header line, then one action per line with its name in column {@code action_name} and
 * the operationId it maps to in column {@code operationId} (several joined with {@code |} for a generic action).
 */
final class ActionListReader {

    static final String NAME_COLUMN = "action_name";
    static final String OPERATION_COLUMN = "operationId";

    private ActionListReader() {
    }

    /** Action name to the operationIds it maps to, in file order. */
    static Map<String, List<String>> read(Path file) throws IOException {
        return parse(Files.readAllLines(file, StandardCharsets.UTF_8), file.toString());
    }

    static Map<String, List<String>> parse(List<String> lines, String source) {
        if (lines.isEmpty()) {
            throw new IllegalArgumentException(source + " is empty");
        }
        List<String> header = Arrays.asList(lines.get(0).split("\t", -1));
        int nameColumn = column(header, NAME_COLUMN, source);
        int operationColumn = column(header, OPERATION_COLUMN, source);
        Map<String, List<String>> actions = new LinkedHashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split("\t", -1);
            if (cells.length <= Math.max(nameColumn, operationColumn)) {
                throw new IllegalArgumentException(source + ":" + (i + 1) + ": too few columns");
            }
            String name = cells[nameColumn].trim();
            List<String> operationIds = Arrays.stream(cells[operationColumn].split("\\|"))
                    .map(String::trim).filter(s -> !s.isEmpty()).toList();
            if (name.isEmpty() || operationIds.isEmpty()) {
                throw new IllegalArgumentException(source + ":" + (i + 1) + ": an action needs a name and an operationId");
            }
            if (actions.put(name, operationIds) != null) {
                throw new IllegalArgumentException(source + ":" + (i + 1) + ": action \"" + name + "\" is listed twice");
            }
        }
        return actions;
    }

    private static int column(List<String> header, String name, String source) {
        int index = header.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException(source + " has no column " + name + " in its header " + header);
        }
        return index;
    }
}
