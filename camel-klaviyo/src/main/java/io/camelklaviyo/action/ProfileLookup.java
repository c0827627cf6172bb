package io.camelklaviyo.action;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.camelklaviyo.filter.KlaviyoFilter;
import io.camelklaviyo.invoke.Call;
import io.camelklaviyo.operation.Operation;
import io.camelklaviyo.request.KlaviyoRequest;
import io.camelklaviyo.response.KlaviyoResponse;

/**
 * Finds the profile ids of e-mail addresses with Get Profiles, in batches of the largest page (100), one batch after
 * the other.
 */
final class ProfileLookup {

    static final int BATCH = 100;

    private final Call call;
    private final Operation getProfiles;

    ProfileLookup(Call call, Operation getProfiles) {
        this.call = call;
        this.getProfiles = getProfiles;
    }

    /** Lower-cased e-mail address to profile id, for every address Klaviyo knows. */
    CompletableFuture<Map<String, String>> idsByEmail(List<String> emails) {
        Map<String, String> found = new LinkedHashMap<>();
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        for (int from = 0; from < emails.size(); from += BATCH) {
            List<String> batch = emails.subList(from, Math.min(from + BATCH, emails.size()));
            chain = chain.thenCompose(ignored -> call.call(request(batch)))
                    .thenAccept(response -> collect(response, found));
        }
        return chain.thenApply(ignored -> found);
    }

    private KlaviyoRequest request(List<String> emails) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("filter", KlaviyoFilter.any("email", emails).toString());
        query.put("fields[profile]", "email");
        query.put("page[size]", Integer.toString(BATCH));
        return KlaviyoRequest.of(getProfiles, null, query, null, null);
    }

    private static void collect(KlaviyoResponse response, Map<String, String> found) {
        if (response.data() instanceof List<?> profiles) {
            for (Object profile : profiles) {
                if (profile instanceof Map<?, ?> resource && resource.get("attributes") instanceof Map<?, ?> attributes
                        && attributes.get("email") instanceof String email) {
                    found.put(email.toLowerCase(Locale.ROOT), String.valueOf(resource.get("id")));
                }
            }
        }
    }
}
