package io.camelklaviyo.pagination;

import io.camelklaviyo.KlaviyoStandIn;
import org.apache.camel.ResolveEndpointFailedException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The pagination options are checked when the endpoint is created, never at message time. */
class PaginationValidationTest extends KlaviyoStandIn {

    @Test
    void followingPagesOfASingleResourceFailsNamingTheOption() {
        assertThatThrownBy(() -> context.getEndpoint("klaviyo:profiles/get?id=P1&pagination=ALL"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .rootCause().hasMessageContaining("pagination=ALL")
                .hasMessageContaining("profiles/get returns no pages");
        assertThatThrownBy(() -> context.getEndpoint("klaviyo:profiles/create?pagination=STREAM"))
                .rootCause().hasMessageContaining("pagination=STREAM")
                .hasMessageContaining("profiles/create");
    }

    @Test
    void everyKindOfCollectionCanBePaged() {
        assertThatCode(() -> {
            context.getEndpoint("klaviyo:profiles/list?pagination=ALL");
            context.getEndpoint("klaviyo:campaigns/get-tags?id=C1&pagination=STREAM");
            context.getEndpoint("klaviyo:flow-series-reports/create?pagination=ALL");
            context.getEndpoint("klaviyo:profiles/get?id=P1&pagination=SINGLE");
            context.getEndpoint("klaviyo:events/list?pagination=STREAM&pageSize=1000&include=profile&joinIncluded=true"
                                + "&filter=RAW(greater-than(datetime,2024-01-01T00:00:00Z))");
        }).doesNotThrowAnyException();
    }

    @Test
    void joinIncludedNeedsAnOperationThatIncludes() {
        assertThatThrownBy(() -> context.getEndpoint("klaviyo:accounts/list?joinIncluded=true"))
                .rootCause().hasMessageContaining("joinIncluded=true needs an operation that accepts include")
                .hasMessageContaining("accounts/list");
        assertThatCode(() -> context.getEndpoint("klaviyo:profiles/get?id=P1&include=lists&joinIncluded=true"))
                .doesNotThrowAnyException();
    }

    @Test
    void joinIncludedCannotChangeRawText() {
        assertThatThrownBy(() -> context.getEndpoint("klaviyo:events/list?joinIncluded=true&responseFormat=RAW"))
                .rootCause().hasMessageContaining("responseFormat=RAW");
    }

    @Test
    void negativeLimitsAreRejected() {
        assertThatThrownBy(() -> context.getEndpoint("klaviyo:events/list?pagination=ALL&maxPages=-1"))
                .rootCause().hasMessageContaining("maxPages=-1");
    }
}
