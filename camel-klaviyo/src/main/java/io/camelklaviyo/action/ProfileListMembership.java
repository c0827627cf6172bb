package io.camelklaviyo.action;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import io.camelklaviyo.KlaviyoConstants;
import io.camelklaviyo.invoke.BodyPreparation;
import io.camelklaviyo.invoke.Call;
import io.camelklaviyo.operation.Operation;
import io.camelklaviyo.request.InvalidRequestException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The action list's "Add Profile to List" and "Remove Profile from List": the body names the profiles either by id
 * ({@code profile_ids}) or by e-mail address ({@code emails}), not both. Addresses are resolved to ids in batched
 * lookups; addresses Klaviyo does not know are reported in the {@code CamelKlaviyoUnknownEmails} header and a
 * warning, never dropped silently.
 */
public final class ProfileListMembership implements BodyPreparation {

    private static final Logger LOG = LoggerFactory.getLogger(ProfileListMembership.class);
    private static final String EMAILS = "emails";
    private static final List<String> ID_KEYS = List.of("profile_ids", "profileIds");

    private final String operation;
    private final ProfileLookup lookup;

    public ProfileListMembership(String operation, Call call, Operation getProfiles) {
        this.operation = operation;
        this.lookup = new ProfileLookup(call, getProfiles);
    }

    @Override
    public CompletableFuture<Void> prepare(Exchange exchange) {
        Message message = exchange.getMessage();
        message.removeHeader(KlaviyoConstants.UNKNOWN_EMAILS);
        if (!(message.getBody() instanceof Map<?, ?> body)) {
            // ids as a List or a JSON:API document: nothing to resolve
            return CompletableFuture.completedFuture(null);
        }
        Object emails = body.get(EMAILS);
        Object ids = ID_KEYS.stream().map(body::get).filter(v -> v != null).findFirst().orElse(null);
        if (emails != null && ids != null) {
            throw new InvalidRequestException(operation + " takes either emails or profile_ids, not both");
        }
        if (ids != null) {
            message.setBody(strings(ids, "profile_ids"));
            return CompletableFuture.completedFuture(null);
        }
        if (emails == null) {
            return CompletableFuture.completedFuture(null);
        }
        List<String> addresses = distinct(strings(emails, EMAILS));
        for (String address : addresses) {
            if (address.indexOf('@') < 1 || address.indexOf('@') == address.length() - 1) {
                throw new InvalidRequestException(operation + ": '" + address + "' is not an e-mail address");
            }
        }
        return lookup.idsByEmail(addresses).thenAccept(found -> {
            // two spellings of one address resolve to one profile, added once
            Set<String> resolved = new LinkedHashSet<>();
            List<String> unknown = new ArrayList<>();
            for (String address : addresses) {
                String id = found.get(address.toLowerCase(Locale.ROOT));
                if (id == null) {
                    unknown.add(address);
                } else {
                    resolved.add(id);
                }
            }
            if (!unknown.isEmpty()) {
                message.setHeader(KlaviyoConstants.UNKNOWN_EMAILS, unknown);
                if (resolved.isEmpty()) {
                    throw new InvalidRequestException(operation + ": none of the " + addresses.size()
                                                      + " e-mail addresses matches a Klaviyo profile");
                }
                LOG.warn("{}: {} of {} e-mail addresses match no Klaviyo profile; they are listed in the {} header",
                        operation, unknown.size(), addresses.size(), KlaviyoConstants.UNKNOWN_EMAILS);
            }
            message.setBody(new ArrayList<>(resolved));
        });
    }

    private List<String> strings(Object value, String key) {
        if (!(value instanceof Collection<?> values)) {
            throw new InvalidRequestException(operation + ": '" + key + "' must be a list, got " + value);
        }
        List<String> strings = new ArrayList<>(values.size());
        for (Object element : values) {
            if (element == null || element.toString().isBlank()) {
                throw new InvalidRequestException(operation + ": '" + key + "' holds an empty value");
            }
            strings.add(element.toString().trim());
        }
        if (strings.isEmpty()) {
            throw new InvalidRequestException(operation + ": '" + key + "' is empty");
        }
        return strings;
    }

    private static List<String> distinct(List<String> values) {
        return new ArrayList<>(new LinkedHashSet<>(values));
    }
}
