package io.camelklaviyo.auth;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps tokens in memory only: refreshed tokens survive as long as the component's configuration, not a restart.
 * The default token store.
 */
public final class InMemoryTokenStore implements KlaviyoTokenStore {

    private final Map<String, OAuthTokens> tokens = new ConcurrentHashMap<>();

    @Override
    public Optional<OAuthTokens> load(String installation) {
        return Optional.ofNullable(tokens.get(installation));
    }

    @Override
    public void save(String installation, OAuthTokens saved) {
        tokens.put(installation, saved);
    }

    @Override
    public String toString() {
        // the installation keys hold no secrets, but the tokens do
        return "InMemoryTokenStore" + tokens.keySet();
    }
}
