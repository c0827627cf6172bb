package io.camelklaviyo.contract;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * A WireMock server on a random loopback port standing in for Klaviyo: one catch-all stub answering every request
 * with the status an operation documents, and a JSON:API-ish document unless that status is 204.
 */
final class ContractStandIn implements AutoCloseable {

    private static final String DOCUMENT = "{\"data\":{\"type\":\"contract\",\"id\":\"01CONTRACT\",\"attributes\":{}},"
                                           + "\"links\":{\"self\":\"https://a.klaviyo.com/api/contract\"}}";

    private final WireMockServer server;

    ContractStandIn() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().containerThreads(8)
                .jettyAcceptors(1));
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    /** Forgets earlier stubs and requests, then answers everything with {@code status}. */
    void answerEverythingWith(int status) {
        server.resetAll();
        ResponseDefinitionBuilder response = aResponse().withStatus(status);
        if (status != 204) {
            response.withHeader("Content-Type", "application/vnd.api+json").withBody(DOCUMENT);
        }
        server.stubFor(any(anyUrl()).willReturn(response));
    }

    /** The requests received since the last {@link #answerEverythingWith}, oldest first. */
    List<RecordedRequest> requests() {
        List<ServeEvent> events = new ArrayList<>(server.getAllServeEvents());
        Collections.reverse(events);
        return events.stream().map(event -> RecordedRequest.of(event.getRequest())).toList();
    }

    @Override
    public void close() {
        server.stop();
    }
}
