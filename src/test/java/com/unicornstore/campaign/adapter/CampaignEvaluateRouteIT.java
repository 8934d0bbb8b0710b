package com.unicornstore.campaign.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unicornstore.campaign.application.CreatingCampaign;
import com.unicornstore.platform.domain.Origin;
import com.unicornstore.platform.aws.AwsCallCounter;
import com.unicornstore.platform.domain.Rejection;
import com.unicornstore.support.BackgroundRoutes;
import com.unicornstore.support.PlatformIntegrationTest;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** {@code direct:campaign.evaluate} as the purchase flow calls it: a Map or JSON in, points out. */
@PlatformIntegrationTest
class CampaignEvaluateRouteIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    ProducerTemplate producer;

    @Autowired
    CreatingCampaign creating;

    @Autowired
    AwsCallCounter calls;

    @Autowired
    CamelContext camel;

    @SuppressWarnings("unchecked")
    private Map<String, Object> evaluate(Object event) {
        return producer.requestBody("direct:campaign.evaluate", event, Map.class);
    }

    private void create(String client, String name, String rules) throws Exception {
        creating.create((ObjectNode) JSON.readTree("{\"client\":\"" + client + "\",\"campaign_name\":\"" + name
                + "\",\"rules\":" + rules + "}"), Origin.SYSTEM);
    }

    @Test
    void a_map_event_of_the_demo_client_earns_170_for_1700() {
        Map<String, Object> result = evaluate(Map.of("account_id", "derick", "client", "UnicornStore", "amount", 1700L,
                "quantity", 1, "product_id", "1", "channel", "web", "occurred_at", "2025-03-15T12:00:00Z"));

        assertThat(result).containsEntry("points", 170L);
        assertThat(result.get("matched")).isEqualTo(List.of(Map.of("campaign", "1", "rule", 0, "points", 170L)));
    }

    @Test
    void a_json_event_is_evaluated_the_same_way() {
        assertThat(evaluate("{\"client\":\"UnicornStore\",\"amount\":101}")).containsEntry("points", 10L);
        assertThat(evaluate("{\"client\":\"UnicornStore\",\"amount\":100}")).containsEntry("points", 0L);
    }

    @Test
    void two_active_campaigns_add_up_and_a_weekend_multiplier_doubles_its_campaign() throws Exception {
        create("two-shops", "tenth", "[{\"variable\":\"$.amount\",\"condition\":{\"rule\":\"numeric_greater_than\","
                + "\"value\":100},\"action\":{\"command\":\"issue\",\"formula\":\"$.amount/10\"}}]");
        create("two-shops", "weekend", "[{\"variable\":\"$.quantity\",\"condition\":{\"rule\":\"numeric_greater_than_equals\","
                + "\"value\":1},\"action\":{\"command\":\"issue\",\"formula\":\"min($.quantity*5, 50)\"}},"
                + "{\"variable\":\"$.day_of_week\",\"condition\":{\"rule\":\"string_in\",\"value\":[\"Saturday\",\"Sunday\"]},"
                + "\"action\":{\"command\":\"multiply\",\"formula\":\"2\"}}]");

        Map<String, Object> weekday = evaluate(Map.of("client", "two-shops", "amount", 1700, "quantity", 2, "day_of_week", "Friday"));
        Map<String, Object> sunday = evaluate(Map.of("client", "two-shops", "amount", 1700, "quantity", 2, "day_of_week", "Sunday"));

        assertThat(weekday).containsEntry("points", 180L);
        assertThat(sunday).containsEntry("points", 190L);
    }

    @Test
    void an_evaluation_costs_one_dynamodb_query_and_writes_nothing() throws Exception {
        evaluate(Map.of("client", "UnicornStore", "amount", 1700));
        // saga recovery, expiry and the projection query on timers: stopped so only the evaluation counts
        BackgroundRoutes background = BackgroundRoutes.stop(camel);
        Map<String, Long> made;
        try {
            Map<String, Long> before = calls.snapshot();
            evaluate(Map.of("client", "UnicornStore", "amount", 1700));
            made = AwsCallCounter.difference(before, calls.snapshot());
        } finally {
            background.resume();
        }

        assertThat(made).containsEntry("DynamoDb.Query", 1L);
        assertThat(made.keySet()).noneMatch(op -> op.matches("DynamoDb\\.(PutItem|UpdateItem|DeleteItem|Scan)"));
    }

    @Test
    void an_event_without_a_client_is_refused_to_the_calling_route() {
        Throwable failure = null;
        try {
            evaluate(Map.of("amount", 1700));
        } catch (CamelExecutionException e) {
            failure = e.getCause();
        }

        assertThat(failure).isInstanceOf(Rejection.class);
        assertThat(((Rejection) failure).violations()).extracting(Rejection.Violation::field).containsExactly("client");
    }
}
