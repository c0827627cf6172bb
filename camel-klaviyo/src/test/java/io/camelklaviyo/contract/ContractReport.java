package io.camelklaviyo.contract;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import io.camelklaviyo.contract.OperationInputs.BodyForm;

/**
 * Collects the outcome of every operation, so that all failures are reported together (operation, how its body was
 * given, and each problem), plus the one summary line.
 */
final class ContractReport {

    private final List<String> failures = new ArrayList<>();
    private final Map<BodyForm, Integer> passedByForm = new EnumMap<>(BodyForm.class);
    private final TreeSet<String> specWorkarounds = new TreeSet<>();
    private int checked;
    private int passed;

    void passed(OperationInputs inputs) {
        checked++;
        passed++;
        passedByForm.merge(inputs.bodyForm(), 1, Integer::sum);
        if (!inputs.specWorkarounds().isEmpty()) {
            specWorkarounds.add(inputs.operation().operationId());
        }
    }

    void failed(String operation, String how, List<String> problems) {
        checked++;
        StringBuilder text = new StringBuilder(operation).append(" [").append(how).append("]");
        problems.forEach(problem -> text.append("\n    ").append(problem));
        failures.add(text.toString());
    }

    int passed() {
        return passed;
    }

    boolean hasFailures() {
        return !failures.isEmpty();
    }

    String summary(int expected) {
        return "OperationContractTest: checked " + checked + " of " + expected + " Klaviyo operations, " + passed
               + " passed, " + failures.size() + " failed (passed bodies by form: " + passedByForm
               + "; spec-defect workarounds in " + specWorkarounds + ")";
    }

    String failures() {
        return failures.size() + " operation(s) failed the contract:\n" + String.join("\n", failures);
    }
}
