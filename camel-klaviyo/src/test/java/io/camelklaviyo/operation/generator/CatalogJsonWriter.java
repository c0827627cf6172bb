package io.camelklaviyo.operation.generator;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.camelklaviyo.operation.Operation;
import io.camelklaviyo.operation.OperationCatalog;

/**
 * Writes the catalogue document deterministically: two-space indentation with {@code \n} line ends whatever the
 * platform, map keys sorted, record components in declaration order, and a trailing newline.
 */
final class CatalogJsonWriter {

    private CatalogJsonWriter() {
    }

    static String write(String revision, List<Operation> operations) {
        ObjectMapper mapper = OperationCatalog.mapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER));
        printer.indentObjectsWith(indenter);
        printer.indentArraysWith(indenter);
        try {
            return mapper.writer(printer).writeValueAsString(new OperationCatalog.Document(revision, operations))
                    + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the catalogue", e);
        }
    }
}
