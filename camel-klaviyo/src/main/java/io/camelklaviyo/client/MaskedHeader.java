package io.camelklaviyo.client;

import org.apache.hc.core5.http.message.BasicHeader;

/**
 * A header whose value is sent but never printed: HttpClient logs request headers with toString() at DEBUG. For
 * credentials: the private key, an OAuth bearer token, the Basic client authentication of a token refresh.
 */
public final class MaskedHeader extends BasicHeader {

    private static final long serialVersionUID = 1L;

    public MaskedHeader(String name, String value) {
        super(name, value, true);
    }

    @Override
    public String toString() {
        return getName() + ": ******";
    }
}
