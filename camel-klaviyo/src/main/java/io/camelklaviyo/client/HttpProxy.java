package io.camelklaviyo.client;

/**
 * The HTTP proxy every request goes through: HTTPS to Klaviyo tunnels through it with CONNECT. With a username, the
 * proxy's Basic (or Digest) challenge is answered with these credentials, and only the proxy's.
 *
 * @param host     the proxy's host name or address
 * @param port     its port
 * @param username the proxy user, or null for a proxy without authentication
 * @param password the proxy user's password, or null
 */
public record HttpProxy(String host, int port, String username, String password) {

    public HttpProxy {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("proxyHost is blank");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("proxyPort takes a port from 1 to 65535, got " + port
                                               + " (set it with proxyHost)");
        }
    }

    @Override
    public String toString() {
        // never the password
        return "HttpProxy[" + host + ":" + port + (username == null ? "" : ", user " + username) + "]";
    }
}
