package io.camelklaviyo.consumer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.camelklaviyo.operation.Operation;
import io.camelklaviyo.request.KlaviyoRequest;
import io.camelklaviyo.response.KlaviyoResponse;

/**
 * Finds the id of the metric an events consumer reads, by its id or its name, in Klaviyo's metrics
 * (metrics/list, every page).
 */
final class MetricLookup {

    private MetricLookup() {
    }

    /**
     * @throws IllegalStateException when no metric, or more than one, has that name
     */
    static String resolve(String metric, Operation metricsList, PageReader reader) throws Exception {
        List<String> byName = new ArrayList<>();
        for (KlaviyoRequest request = KlaviyoRequest.of(metricsList, null, Map.of(), null, null); request != null;) {
            KlaviyoResponse page = reader.fetch(request);
            for (Object record : PageReader.records(page)) {
                String id = Records.id(record);
                if (metric.equals(id)) {
                    return id;
                }
                if (metric.equals(Objects.toString(Records.attribute(record, "name"), null))) {
                    byName.add(id);
                }
            }
            request = PageReader.next(request, page);
        }
        if (byName.size() == 1) {
            return byName.get(0);
        }
        throw new IllegalStateException(byName.isEmpty()
                ? "No Klaviyo metric has the id or name '" + metric + "'"
                : byName.size() + " Klaviyo metrics are named '" + metric + "' (ids " + String.join(", ", byName)
                  + "): set the option metric to one id");
    }
}
