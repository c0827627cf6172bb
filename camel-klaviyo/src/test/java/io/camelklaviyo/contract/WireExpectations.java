package io.camelklaviyo.contract;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelklaviyo.operation.Operation;

/**
 * What every request must look like on the wire, whatever the spec says: the operation's method and path with the
 * id filled in, the {@code revision} header, the credentials of its path family (the private key as
 * {@code Authorization: Klaviyo-API-Key} for {@code /api}; no {@code Authorization} and {@code company_id} for
 * {@code /client}), the required query parameters as given, and the body as the document the inputs stand for.
 */
final class WireExpectations {

    private final String apiKey;
    private final String publicKey;
    private final String revision;
    private final ObjectMapper mapper = new ObjectMapper();

    WireExpectations(String apiKey, String publicKey, String revision) {
        this.apiKey = apiKey;
        this.publicKey = publicKey;
        this.revision = revision;
    }

    List<String> check(OperationInputs inputs, RecordedRequest request) {
        Operation operation = inputs.operation();
        List<String> problems = new ArrayList<>();
        if (!operation.method().equals(request.method())) {
            problems.add("method " + request.method() + ", expected " + operation.method());
        }
        String expectedPath = operation.pathParams().isEmpty()
                ? operation.path()
                : operation.path().replace("{" + operation.pathParams().get(0) + "}", inputs.id());
        if (!expectedPath.equals(request.path())) {
            problems.add("path " + request.rawPath() + " (decoded " + request.path() + "), expected " + expectedPath);
        }
        if (!List.of(revision).equals(request.header("revision"))) {
            problems.add("revision header " + request.header("revision") + ", expected [" + revision + "]");
        }
        List<String> authorization = request.header("Authorization");
        List<String> companyId = request.query().getOrDefault("company_id", List.of());
        if (operation.client()) {
            if (!authorization.isEmpty()) {
                problems.add("a /client operation sent an Authorization header");
            }
            if (!List.of(publicKey).equals(companyId)) {
                problems.add("company_id " + companyId + ", expected the public key once");
            }
        } else {
            if (!List.of("Klaviyo-API-Key " + apiKey).equals(authorization)) {
                problems.add("Authorization " + (authorization.isEmpty() ? "missing" : "not the private key")
                             + ", expected one 'Klaviyo-API-Key <apiKey>'");
            }
            if (!companyId.isEmpty()) {
                problems.add("an /api operation sent company_id");
            }
        }
        inputs.query().forEach((name, value) -> {
            List<String> sent = request.query().getOrDefault(name, List.of());
            if (!List.of(value).equals(sent)) {
                problems.add("query parameter " + name + " " + sent + ", expected [" + value + "]");
            }
        });
        if (inputs.expectedDocument() != null) {
            checkDocument(inputs, request, problems);
        } else if (inputs.bodyForm() == OperationInputs.BodyForm.NONE && request.body().length > 0) {
            problems.add("a body was sent to an operation that takes none");
        }
        return problems;
    }

    private void checkDocument(OperationInputs inputs, RecordedRequest request, List<String> problems) {
        JsonNode sent;
        try {
            sent = mapper.readTree(request.body());
        } catch (IOException e) {
            problems.add("the body is not JSON: " + e.getMessage());
            return;
        }
        if (!inputs.expectedDocument().equals(sent)) {
            problems.add("body (given as " + inputs.bodyForm() + ") arrived as " + sent + ", expected "
                         + inputs.expectedDocument());
        }
    }
}
