package io.camelklaviyo.retry;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.tomakehurst.wiremock.extension.requestfilter.RequestFilterAction;
import com.github.tomakehurst.wiremock.extension.requestfilter.StubRequestFilterV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * Notes every request as it arrives at the stand-in, before any stub answers it: a delayed or faulty answer is counted
 * at once, not when WireMock has finished serving it.
 */
final class ArrivalLog implements StubRequestFilterV2 {

    private final List<String> arrivals = new CopyOnWriteArrayList<>();

    @Override
    public RequestFilterAction filter(Request request, ServeEvent serveEvent) {
        arrivals.add(request.getMethod().getName() + " " + request.getUrl());
        return RequestFilterAction.continueWith(request);
    }

    @Override
    public String getName() {
        return "arrival-log";
    }

    /** The requests that arrived, as "METHOD url". */
    List<String> arrivals() {
        return List.copyOf(arrivals);
    }

    int count() {
        return arrivals.size();
    }

    void clear() {
        arrivals.clear();
    }
}
