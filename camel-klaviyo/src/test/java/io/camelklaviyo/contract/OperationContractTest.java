package io.camelklaviyo.contract;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.camelklaviyo.KlaviyoComponent;
import io.camelklaviyo.KlaviyoConstants;
import io.camelklaviyo.operation.Operation;
import io.camelklaviyo.operation.OperationCatalog;
import io.camelklaviyo.operation.SharedKlaviyoFiles;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.fail;

/**
 * Calls every operation of the bundled catalogue through a real Camel producer against a WireMock stand-in for
 * Klaviyo, and checks each recorded request twice: against Klaviyo's OpenAPI spec (swagger-request-validator on a
 * slice of the spec holding that operation) and against what the wire must carry (method, path, revision,
 * credentials, body). All failures are reported together. Skipped, saying so, when the spec is not on this machine.
 */
class OperationContractTest {

    static final String API_KEY = "pk_contract_0123456789abcdef0123456789";
    static final String PUBLIC_KEY = "AbC123";
    static final String REVISION = "2026-07-15";
    static final int EXPECTED_OPERATIONS = 345;

    @Test
    void everyOperationSendsARequestItsSpecAccepts() throws Exception {
        Path specFile = SharedKlaviyoFiles.spec();
        Assumptions.assumeTrue(Files.isRegularFile(specFile),
                "SKIPPED OperationContractTest: it needs Klaviyo's OpenAPI spec at " + specFile
                                                              + ", which does not exist. Point -Dklaviyo.shared.dir at"
                                                              + " the folder holding openapi-stable.json to run it.");
        KlaviyoSpec spec = KlaviyoSpec.read(specFile);
        OperationInputFactory inputFactory = new OperationInputFactory(spec);
        SpecRequestValidator validator = new SpecRequestValidator(spec);
        WireExpectations wire = new WireExpectations(API_KEY, PUBLIC_KEY, REVISION);
        List<Operation> operations = OperationCatalog.bundled().operations();
        ContractReport report = new ContractReport();

        try (ContractStandIn klaviyo = new ContractStandIn(); CamelContext camel = camel(klaviyo.baseUrl())) {
            ProducerTemplate template = camel.createProducerTemplate();
            for (int i = 0; i < operations.size(); i++) {
                Operation operation = operations.get(i);
                String label = operation.name() + " (" + operation.operationId() + ")";
                OperationInputs inputs;
                try {
                    inputs = inputFactory.inputs(operation, i);
                } catch (RuntimeException e) {
                    report.failed(label, "inputs", List.of("cannot build inputs: " + e));
                    continue;
                }
                List<String> problems;
                try {
                    problems = call(template, klaviyo, inputs, validator, wire);
                } catch (RuntimeException e) {
                    problems = List.of("the check itself failed: " + e);
                }
                if (problems.isEmpty()) {
                    report.passed(inputs);
                } else {
                    report.failed(label, describe(inputs), problems);
                }
            }
        }

        System.out.println(report.summary(EXPECTED_OPERATIONS));
        if (report.hasFailures() || report.passed() < EXPECTED_OPERATIONS) {
            fail(report.failures() + "\n" + report.summary(EXPECTED_OPERATIONS));
        }
    }

    private static List<String> call(ProducerTemplate template, ContractStandIn klaviyo, OperationInputs inputs,
                                     SpecRequestValidator validator, WireExpectations wire) {
        Operation operation = inputs.operation();
        int status = operation.successCodes().isEmpty() ? 200 : operation.successCodes().get(0);
        klaviyo.answerEverythingWith(status);
        List<String> problems = new ArrayList<>();
        Exchange exchange = send(template, inputs);
        if (exchange.getException() != null) {
            problems.add("the exchange failed: " + exchange.getException());
        } else {
            // the stand-in may journal the request just after answering it
            try {
                Awaitility.await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(5))
                        .atMost(Duration.ofSeconds(2)).until(() -> !klaviyo.requests().isEmpty());
            } catch (ConditionTimeoutException e) {
                // reported below as zero requests
            }
            Integer answered = exchange.getMessage().getHeader(KlaviyoConstants.HTTP_STATUS, Integer.class);
            if (answered == null || answered != status) {
                problems.add("header " + KlaviyoConstants.HTTP_STATUS + " is " + answered + ", expected " + status);
            }
        }
        List<RecordedRequest> recorded = klaviyo.requests();
        if (recorded.size() != 1) {
            problems.add("the stand-in received " + recorded.size() + " requests, expected exactly 1");
        }
        if (!recorded.isEmpty()) {
            RecordedRequest request = recorded.get(0);
            problems.addAll(wire.check(inputs, request));
            Map<String, MultipartFormCheck.Part> expectedFormFields = inputs.bodyForm() == OperationInputs.BodyForm.FILE
                    ? Map.of("file", new MultipartFormCheck.Part("file", OperationInputs.FILE_NAME,
                            OperationInputs.FILE_BYTES))
                    : Map.of();
            problems.addAll(validator.validate(inputs.specOperation(), request, expectedFormFields));
        }
        return problems;
    }

    /** Sends the inputs to klaviyo:&lt;canonical name&gt; as a route would: options on the URI or as headers. */
    private static Exchange send(ProducerTemplate template, OperationInputs inputs) {
        List<String> options = new ArrayList<>();
        if (inputs.optionsOnUri()) {
            if (inputs.id() != null) {
                options.add("id=RAW{" + inputs.id() + "}");
            }
            inputs.query().forEach((name, value) -> options.add(
                    (name.equals("filter") ? "filter" : "query." + name) + "=RAW{" + value + "}"));
        }
        String uri = "klaviyo:" + inputs.operation().name()
                     + (options.isEmpty() ? "" : "?" + String.join("&", options));
        return template.send(uri, exchange -> {
            Message message = exchange.getMessage();
            message.setBody(inputs.body());
            if (!inputs.optionsOnUri()) {
                if (inputs.id() != null) {
                    message.setHeader(KlaviyoConstants.ID, inputs.id());
                }
                Map<String, Object> query = new LinkedHashMap<>(inputs.query());
                Object filter = query.remove("filter");
                if (filter != null) {
                    message.setHeader(KlaviyoConstants.FILTER, filter);
                }
                if (!query.isEmpty()) {
                    message.setHeader(KlaviyoConstants.QUERY_PARAMETERS, query);
                }
            }
            if (inputs.bodyForm() == OperationInputs.BodyForm.FILE) {
                message.setHeader(Exchange.FILE_NAME, OperationInputs.FILE_NAME);
            }
        });
    }

    private static String describe(OperationInputs inputs) {
        return inputs.bodyForm() + " body, " + (inputs.optionsOnUri() ? "options on the URI" : "options as headers")
               + (inputs.specWorkarounds().isEmpty() ? "" : ", spec workarounds " + inputs.specWorkarounds());
    }

    private static CamelContext camel(String baseUrl) {
        KlaviyoComponent klaviyo = new KlaviyoComponent();
        klaviyo.getConfiguration().setApiKey(API_KEY);
        klaviyo.getConfiguration().setPublicKey(PUBLIC_KEY);
        klaviyo.getConfiguration().setBaseUrl(baseUrl);
        CamelContext camel = new DefaultCamelContext();
        camel.addComponent("klaviyo", klaviyo);
        camel.start();
        return camel;
    }
}
