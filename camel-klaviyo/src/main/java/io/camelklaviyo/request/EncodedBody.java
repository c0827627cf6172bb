package io.camelklaviyo.request;

/**
 * A request body ready to send.
 */
record EncodedBody(byte[] bytes, String contentType) {
}
