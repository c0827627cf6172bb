package io.camelklaviyo.invoke;

import java.util.concurrent.CompletableFuture;

import org.apache.camel.Exchange;

/**
 * A step that turns the message body into what the operation takes before the request is built, when that needs
 * calls of its own (e.g. resolving e-mail addresses to profile ids). Never blocks.
 */
@FunctionalInterface
public interface BodyPreparation {

    /**
     * @return completes once the message body is ready for the request, or fails with the reason the exchange failed
     */
    CompletableFuture<Void> prepare(Exchange exchange);
}
