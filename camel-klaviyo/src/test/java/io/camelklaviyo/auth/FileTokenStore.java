package io.camelklaviyo.auth;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * A token store in a properties file, the way an application would keep tokens across restarts; it also records
 * what it was asked to save.
 */
final class FileTokenStore implements KlaviyoTokenStore {

    private final Path file;
    final List<OAuthTokens> saved = new ArrayList<>();

    FileTokenStore(Path file) {
        this.file = file;
    }

    @Override
    public synchronized Optional<OAuthTokens> load(String installation) {
        Properties properties = read();
        String refreshToken = properties.getProperty(installation + ".refresh");
        if (refreshToken == null) {
            return Optional.empty();
        }
        String expiresAt = properties.getProperty(installation + ".expiresAt");
        return Optional.of(new OAuthTokens(properties.getProperty(installation + ".access"), refreshToken,
                expiresAt == null ? null : Instant.parse(expiresAt)));
    }

    @Override
    public synchronized void save(String installation, OAuthTokens tokens) {
        saved.add(tokens);
        Properties properties = read();
        properties.setProperty(installation + ".access", tokens.accessToken());
        properties.setProperty(installation + ".refresh", tokens.refreshToken());
        if (tokens.expiresAt() != null) {
            properties.setProperty(installation + ".expiresAt", tokens.expiresAt().toString());
        }
        try {
            Path next = file.resolveSibling(file.getFileName() + ".next");
            try (Writer out = Files.newBufferedWriter(next)) {
                properties.store(out, null);
            }
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Properties read() {
        Properties properties = new Properties();
        if (Files.exists(file)) {
            try (Reader in = Files.newBufferedReader(file)) {
                properties.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return properties;
    }

    @Override
    public String toString() {
        return "FileTokenStore[" + file + "]";
    }
}
