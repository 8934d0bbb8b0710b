package com.unicornstore.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unicornstore.bench.BenchResults;
import com.unicornstore.bench.Rounds;
import com.unicornstore.campaign.adapter.JaywayPaths;
import com.unicornstore.campaign.application.CampaignJson;
import com.unicornstore.campaign.application.CampaignValidation;
import com.unicornstore.campaign.domain.Campaign;
import com.unicornstore.campaign.domain.CampaignEngine;
import com.unicornstore.campaign.domain.CompiledCampaigns;
import com.unicornstore.campaign.domain.EventDocument;
import com.unicornstore.campaign.domain.PathLanguage;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

/**
 * Evaluations per second of a 10-rule campaign on one thread (so per core): with compiled paths
 * and formulas cached per campaign version, against parsing everything on every evaluation. A warm
 * harness: each side is warmed up, then measured in alternating rounds ({@link Rounds}).
 */
class CampaignEvaluationBenchmark {

    private static final String SCENARIO = "campaign.evaluate.throughput.cached-vs-uncached";
    private static final long EXPECTED_POINTS = 548;
    private static final long WARM_UP_NANOS = 4_000_000_000L;
    private static final long ROUND_NANOS = 1_500_000_000L;
    private static final int ROUNDS = 5;

    private static final PathLanguage PATHS = new JaywayPaths();
    private static final Instant AT = Instant.parse("2025-03-15T12:00:00Z");
    private static final Map<String, Object> EVENT = Map.ofEntries(Map.entry("account_id", "derick"),
            Map.entry("client", "UnicornStore"), Map.entry("amount", 1700L), Map.entry("quantity", 2),
            Map.entry("product_id", "1"), Map.entry("channel", "web"), Map.entry("occurred_at", "2025-03-15T12:00:00Z"),
            Map.entry("customer", Map.of("tier", "gold")), Map.entry("first_purchase", true),
            Map.entry("product_name", "Unicorn Air"), Map.entry("day_of_week", "Saturday"));

    private static String rule(String variable, String operator, String value, String command, String formula) {
        return "{\"variable\":\"" + variable + "\",\"condition\":{\"rule\":\"" + operator + "\",\"value\":" + value
                + "},\"action\":{\"command\":\"" + command + "\",\"formula\":\"" + formula + "\"}}";
    }

    static Campaign tenRuleCampaign() throws Exception {
        String rules = String.join(",",
                rule("$.amount", "numeric_greater_than", "100", "issue", "$.amount/10"),
                rule("$.quantity", "numeric_greater_than_equals", "2", "issue", "min($.quantity*5, 50)"),
                rule("$.channel", "string_equals", "\"web\"", "issue", "5"),
                rule("$.product_id", "string_in", "[\"1\",\"2\",\"3\"]", "issue", "floor($.amount/100)"),
                rule("$.customer.tier", "string_in", "[\"gold\",\"platinum\"]", "issue", "round($.amount * 0.02)"),
                rule("$.amount", "numeric_between", "[1000, 5000]", "issue", "max(10, $.quantity*3)"),
                rule("$.coupon", "exists", "false", "issue", "1"),
                rule("$.first_purchase", "boolean_equals", "true", "issue", "25"),
                rule("$.product_name", "string_contains", "\"Air\"", "issue", "ceil($.amount/1000)"),
                rule("$.day_of_week", "string_in", "[\"Saturday\",\"Sunday\"]", "multiply", "2"));
        ObjectMapper json = new ObjectMapper();
        ObjectNode document = (ObjectNode) json.readTree(
                "{\"client\":\"UnicornStore\",\"campaign_name\":\"bench\",\"rules\":[" + rules + "]}");
        new CampaignValidation(json, PATHS).check(document);
        return CampaignJson.toCampaign(document, 1);
    }

    @Test
    void cached_compilation_against_parsing_on_every_evaluation() throws Exception {
        List<Campaign> campaigns = List.of(tenRuleCampaign());
        CampaignEngine cachedEngine = new CampaignEngine(new CompiledCampaigns(PATHS), 50);
        LongSupplier cached = () -> cachedEngine.evaluate(campaigns, new EventDocument(EVENT, "UnicornStore", AT)).points();
        LongSupplier uncached = () -> new CampaignEngine(new CompiledCampaigns(PATHS), 50)
                .evaluate(campaigns, new EventDocument(EVENT, "UnicornStore", AT)).points();
        assertThat(cached.getAsLong()).isEqualTo(EXPECTED_POINTS);
        assertThat(uncached.getAsLong()).isEqualTo(EXPECTED_POINTS);

        run(cached, WARM_UP_NANOS); // the JIT settles before the rounds' own warm-up
        run(uncached, WARM_UP_NANOS);
        Rounds.Outcome outcome = Rounds.alternate(ROUNDS, () -> run(cached, ROUND_NANOS), () -> run(uncached, ROUND_NANOS));

        BenchResults.record(SCENARIO, "evaluations/s", outcome);
        assertThat(outcome.value().min()).isPositive();
    }

    /** Evaluations per second over the given time; every result is checked so nothing is optimised away. */
    private static double run(LongSupplier evaluation, long nanos) {
        long count = 0;
        long start = System.nanoTime();
        long deadline = start + nanos;
        long now;
        do {
            for (int i = 0; i < 1_000; i++) {
                if (evaluation.getAsLong() != EXPECTED_POINTS) {
                    throw new AssertionError("the evaluation changed its result");
                }
            }
            count += 1_000;
            now = System.nanoTime();
        } while (now < deadline);
        return count * 1e9 / (now - start);
    }
}
