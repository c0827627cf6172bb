package io.camelklaviyo.client;

import org.apache.hc.core5.http.message.BasicHeader;

/**
 * A header whose value is sent but never printed: HttpClient logs request headers with toString() at DEBUG.
 */
final class MaskedHeader extends BasicHeader {

    private static final long serialVersionUID = 1L;

    MaskedHeader(String name, String value) {
        super(name, value, true);
    }

    @Override
    public String toString() {
        return getName() + ": ******";
    }
}
