package io.camelklaviyo.producer;

import io.camelklaviyo.KlaviyoEndpoint;
import io.camelklaviyo.KlaviyoStandIn;
import org.apache.camel.ResolveEndpointFailedException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EndpointResolutionTest extends KlaviyoStandIn {

    @Test
    void everyKindOfNameResolvesToTheSameOperation() {
        assertThat(operationOf("klaviyo:lists/add-profiles")).isEqualTo("lists/add-profiles");
        assertThat(operationOf("klaviyo:add_profiles_to_list")).isEqualTo("lists/add-profiles");
        assertThat(operationOf("klaviyo:create_list_relationships")).isEqualTo("lists/add-profiles");
        assertThat(operationOf("klaviyo:Add Profile to List")).isEqualTo("lists/add-profiles");
        assertThat(operationOf("klaviyo:Add%20Profile%20to%20List")).isEqualTo("lists/add-profiles");
        assertThat(operationOf("klaviyo:add-profile-to-list")).isEqualTo("lists/add-profiles");
    }

    @Test
    void anUnknownNameFailsNamingTheClosestMatches() {
        assertThatThrownBy(() -> context.getEndpoint("klaviyo:profiles/creat"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .rootCause().hasMessageContaining("Unknown Klaviyo operation 'profiles/creat'")
                .hasMessageContaining("Closest matches: profiles/create");
    }

    @Test
    void aGenericActionSelectsItsOperationByRelationship() {
        assertThat(operationOf("klaviyo:Get Tag Relationships?relationship=flows")).isEqualTo("tags/get-flows-ids");
        assertThat(operationOf("klaviyo:Get Tag Relationships?relationship=tag-group"))
                .isEqualTo("tags/get-tag-group-ids");
    }

    @Test
    void aGenericActionWithoutRelationshipNamesTheChoices() {
        assertThatThrownBy(() -> context.getEndpoint("klaviyo:Get Tag Relationships"))
                .rootCause().hasMessageContaining("covers 5 operations")
                .hasMessageContaining("relationship=campaigns|flows|lists|segments|tag-group");
    }

    @Test
    void relationshipOnAnOrdinaryOperationIsAMistake() {
        assertThatThrownBy(() -> context.getEndpoint("klaviyo:profiles/list?relationship=lists"))
                .rootCause().hasMessageContaining("applies only to actions that cover several operations");
    }

    private String operationOf(String uri) {
        return context.getEndpoint(uri, KlaviyoEndpoint.class).getOperation().name();
    }
}
