package io.camelklaviyo.action;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelklaviyo.KlaviyoApiException;
import io.camelklaviyo.invoke.Call;
import io.camelklaviyo.operation.Operation;
import io.camelklaviyo.request.InvalidRequestException;
import io.camelklaviyo.request.KlaviyoRequest;
import io.camelklaviyo.response.KlaviyoResponse;

/**
 * Profile creation with {@code upsert=true}: when Klaviyo answers 409 {@code duplicate_profile}, the existing profile
 * ({@code meta.duplicate_profile_id}) is updated with the same attributes. The result is then the update's 200
 * instead of the creation's 201.
 */
public final class UpsertingCall implements Call {

    private static final String DUPLICATE = "duplicate_profile";

    private final Call delegate;
    private final Operation updateProfile;
    private final ObjectMapper mapper;

    public UpsertingCall(Call delegate, Operation updateProfile, ObjectMapper mapper) {
        this.delegate = delegate;
        this.updateProfile = updateProfile;
        this.mapper = mapper;
    }

    @Override
    public CompletableFuture<KlaviyoResponse> call(KlaviyoRequest request) {
        return delegate.call(request).exceptionallyCompose(failure -> {
            String existing = duplicateProfileId(failure);
            return existing == null
                    ? CompletableFuture.failedFuture(failure)
                    : delegate.call(update(request, existing));
        });
    }

    private static String duplicateProfileId(Throwable failure) {
        Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
        if (cause instanceof KlaviyoApiException conflict && conflict.getStatusCode() == 409) {
            for (KlaviyoApiException.KlaviyoError error : conflict.getErrors()) {
                if (DUPLICATE.equals(error.code()) && error.meta().get("duplicate_profile_id") instanceof String id) {
                    return id;
                }
            }
        }
        return null;
    }

    private KlaviyoRequest update(KlaviyoRequest create, String profileId) {
        ObjectNode document;
        try {
            document = (ObjectNode) mapper.readTree(create.body());
        } catch (IOException | ClassCastException e) {
            throw new InvalidRequestException(create.operation().name() + ": cannot reread the profile to upsert", e);
        }
        ((ObjectNode) document.get("data")).put("id", profileId);
        byte[] body;
        try {
            body = mapper.writeValueAsBytes(document);
        } catch (IOException e) {
            throw new InvalidRequestException(create.operation().name() + ": cannot write the profile to upsert", e);
        }
        Map<String, String> query = create.query();
        return KlaviyoRequest.of(updateProfile, profileId, query, body, create.contentType());
    }
}
