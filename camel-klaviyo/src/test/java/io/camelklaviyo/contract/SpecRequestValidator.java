package io.camelklaviyo.contract;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Validates a recorded request with swagger-request-validator against a {@link SpecSlicer slice} of Klaviyo's spec
 * holding only that operation, and returns every error as one line.
 * <p>
 * Unknown query parameters are errors. The validator ignores them by default, and throws on some bracketed names
 * (e.g. {@code fields[catalog-item-bulk-create-job]}) when they are unexpected, so names are checked here first
 * against the operation's declared query parameters and only declared ones are handed to it; its own
 * {@code query.unexpected} check is raised to ERROR as well.
 * <p>
 * References are left unresolved ({@code withResolveRefs(false)}): resolving them fully inlines the flow and segment
 * definition schemas into trees that take seconds each to compile; unresolved, the slice's few component schemas
 * are compiled once per operation.
 */
final class SpecRequestValidator {

    private static final LevelResolver LEVELS = LevelResolver.create()
            .withLevel("validation.request.parameter.query.unexpected", ValidationReport.Level.ERROR)
            .build();

    private final KlaviyoSpec spec;
    private final SpecSlicer slicer;

    SpecRequestValidator(KlaviyoSpec spec) {
        this.spec = spec;
        this.slicer = new SpecSlicer(spec);
    }

    List<String> validate(KlaviyoSpec.SpecOperation operation, RecordedRequest recorded,
                          Map<String, MultipartFormCheck.Part> expectedFormFields) {
        List<String> problems = new ArrayList<>();
        Set<String> declared = declaredQueryParameters(operation);
        SimpleRequest.Builder request = new SimpleRequest.Builder(Request.Method.valueOf(recorded.method()),
                recorded.rawPath());
        recorded.query().forEach((name, values) -> {
            if (declared.contains(name)) {
                request.withQueryParam(name, values);
            } else {
                problems.add("query parameter '" + name + "' is not declared for " + operation.method() + " "
                             + operation.path());
            }
        });
        recorded.headers().forEach(request::withHeader);
        if (recorded.body().length > 0) {
            request.withBody(recorded.body());
        }
        ObjectNode slice = slicer.slice(operation);
        OpenApiInteractionValidator validator = OpenApiInteractionValidator
                .createForInlineApiSpecification(slice.toString())
                .withLevelResolver(LEVELS)
                .withResolveRefs(false)
                .build();
        for (ValidationReport.Message message : validator.validateRequest(request.build()).getMessages()) {
            if (message.getLevel() == ValidationReport.Level.ERROR) {
                problems.add(describe(message));
            }
        }
        String contentType = recorded.singleHeader("Content-Type");
        if (contentType != null && contentType.startsWith("multipart/")) {
            JsonNode schema = operation.requestSchema("multipart/form-data");
            problems.addAll(schema == null
                    ? List.of("multipart body sent, but the spec declares no multipart/form-data request body")
                    : MultipartFormCheck.check(spec.resolve(schema), contentType, recorded.body(),
                            expectedFormFields));
        }
        return problems;
    }

    private static Set<String> declaredQueryParameters(KlaviyoSpec.SpecOperation operation) {
        Set<String> names = new HashSet<>();
        for (JsonNode parameter : operation.node().path("parameters")) {
            if ("query".equals(parameter.path("in").asText())) {
                names.add(parameter.path("name").asText());
            }
        }
        return names;
    }

    private static String describe(ValidationReport.Message message) {
        StringBuilder text = new StringBuilder(message.getKey()).append(": ").append(message.getMessage());
        message.getContext().flatMap(ValidationReport.MessageContext::getPointers)
                .ifPresent(pointers -> text.append(" [at ").append(pointers.getInstance()).append(']'));
        for (String info : message.getAdditionalInfo()) {
            text.append("\n        ").append(info);
        }
        for (ValidationReport.Message nested : message.getNestedMessages()) {
            text.append("\n        - ").append(describe(nested).replace("\n", "\n          "));
        }
        return text.toString();
    }
}
