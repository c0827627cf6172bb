package io.camelklaviyo.request;

import io.camelklaviyo.KlaviyoConstants;
import io.camelklaviyo.operation.Operation;

/**
 * Fills the one path parameter ({@code {id}} or {@code {job_id}}) an operation's path may have.
 */
final class PathTemplate {

    private PathTemplate() {
    }

    static String expand(Operation operation, String id) {
        if (operation.pathParams().isEmpty()) {
            return operation.path();
        }
        if (id == null || id.isBlank()) {
            throw new InvalidRequestException(operation.name() + " needs the " + operation.pathParams().get(0)
                                              + " of its path " + operation.path() + ": set the endpoint option id"
                                              + " or the header " + KlaviyoConstants.ID);
        }
        if (id.chars().allMatch(c -> c == '.')) {
            // a dot segment would be normalised to another path by servers and proxies
            throw new InvalidRequestException(operation.name() + ": '" + id + "' is not a valid id");
        }
        return operation.path().replace("{" + operation.pathParams().get(0) + "}", QueryEncoding.encode(id));
    }
}
