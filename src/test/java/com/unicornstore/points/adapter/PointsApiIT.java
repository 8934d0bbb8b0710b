package com.unicornstore.points.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.unicornstore.support.Api;
import com.unicornstore.support.PlatformIntegrationTest;
import com.unicornstore.support.Rebuilds;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import com.unicornstore.platform.web.CamelStopsBeforeWebServer;
import com.unicornstore.platform.web.ServletThreadRequests;
import org.springframework.context.ApplicationContext;
import org.springframework.context.Phased;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.AdviceWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/** The points API as a partner system sees it, against moto and ElasticMQ. */
@PlatformIntegrationTest
class PointsApiIT extends PointsClient {

    ExecutorService clients;

    @BeforeEach
    void startClients() {
        clients = Executors.newFixedThreadPool(40);
    }

    @AfterEach
    void stopClients() {
        clients.shutdownNow();
    }

    @Autowired
    CamelContext camel;

    @Autowired
    RequestMappingHandlerAdapter mvc;

    /**
     * A REST route runs on Tomcat's request thread, not handed to a task executor and dispatched a
     * second time (ServletThreadRequests): its exchange sees the request thread, and Spring MVC's
     * async handling of the consumer's future is never reached.
     */
    @Test
    void a_rest_route_runs_on_the_servlet_request_thread_with_no_async_dispatch() throws Exception {
        AtomicReference<String> thread = new AtomicReference<>();
        AdviceWith.adviceWith(camel, "points.http-balance", route -> route.weaveAddFirst()
                .process(exchange -> thread.set(Thread.currentThread().getName())));

        Api.Response balance = api.get("/points?account_id=thread-probe");

        assertThat(balance.status()).isEqualTo(200);
        assertThat(balance.json().get("balance").asLong()).isZero();
        assertThat(thread.get()).startsWith("http-nio-");
        assertThat(mvc.getReturnValueHandlers().get(0)).isInstanceOf(ServletThreadRequests.CompletedFutures.class);
    }

    @Autowired
    ApplicationContext spring;

    /**
     * Shutdown stops the highest phase first: the web server's drain, the stream reader (its last
     * batch still goes through Camel), then Camel with the saga hand-over, and only then the web
     * server, whose stop interrupts its request threads (those the REST routes run on).
     */
    @Test
    void camel_and_the_saga_hand_over_stop_after_the_drain_and_before_the_web_server_interrupts_requests() {
        int drain = phase("webServerGracefulShutdown");
        int streamReader = spring.getBean(BalanceStreamWorker.class).getPhase();
        int camelFirst = spring.getBean(CamelStopsBeforeWebServer.class).getPhase();
        int webServer = phase("webServerStartStop");

        assertThat(drain).isGreaterThan(streamReader);
        assertThat(streamReader).isGreaterThan(camelFirst);
        assertThat(camelFirst).isGreaterThan(webServer);
        assertThat(spring.getBean(CamelStopsBeforeWebServer.class).isRunning()).isTrue();
        assertThat(((Phased) camel).getPhase()).as("Camel's own stop, then a no-op").isLessThan(webServer);
    }

    private int phase(String lifecycleBean) {
        return ((Phased) spring.getBean(lifecycleBean)).getPhase();
    }

    @Test
    void issue_100_redeem_30_leaves_70_with_both_in_the_history_and_redeeming_1000_is_refused() {
        Api.Response issued = api.json("POST", "/points", "{\"account_id\":\"ann\",\"amount\":100}");
        Api.Response redeemed = api.json("DELETE", "/points", "{\"account_id\":\"ann\",\"amount\":30}");

        assertThat(issued.status()).isEqualTo(201);
        assertThat(issued.json().get("transaction_type").asText()).isEqualTo("issue");
        assertThat(issued.json().get("account_id").asText()).isEqualTo("ann");
        assertThat(issued.json().get("amount").asLong()).isEqualTo(100);
        assertThat(issued.json().get("id").asText()).isNotBlank();
        assertThat(issued.json().get("date_time").asText()).isNotBlank();
        assertThat(redeemed.status()).isEqualTo(200);
        assertThat(redeemed.json().get("transaction_type").asText()).isEqualTo("redeem");
        awaitBalance("ann", 70);

        JsonNode history = api.get("/points/history?account_id=ann").json();
        assertThat(history.get("items")).extracting(item -> item.get("transaction_type").asText())
                .containsExactly("redeem", "issue");
        assertThat(history.get("items").get(1).get("id").asText()).isEqualTo(issued.json().get("id").asText());

        Api.Response refused = api.json("DELETE", "/points", "{\"account_id\":\"ann\",\"amount\":1000}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("type").asText()).endsWith("insufficient-points");
        assertThat(historyOf("ann")).hasSize(2);
        assertThat(balance("ann").get("balance").asLong()).isEqualTo(70);
    }

    @Test
    void forty_concurrent_redemptions_of_10_against_100_let_exactly_10_through() throws Exception {
        assertThat(api.json("POST", "/points", "{\"account_id\":\"race\",\"amount\":100}").status()).isEqualTo(201);
        List<Callable<Integer>> redemptions = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            redemptions.add(() -> api.json("DELETE", "/points", "{\"account_id\":\"race\",\"amount\":10}").status());
        }

        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> status : clients.invokeAll(redemptions)) {
            statuses.add(status.get());
        }

        assertThat(statuses).filteredOn(s -> s == 200).hasSize(10);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(30);
        assertThat(api.get("/points/history?account_id=race&limit=100").json().get("items")).hasSize(11);
        // a balance of 0 is also what a view not yet written shows: wait until the view has all 11 events
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode rebuild = Rebuilds.run(api, "?account_id=race");
            assertThat(rebuild.get("events_replayed").asLong()).isEqualTo(11);
            assertThat(rebuild.get("differences")).isEmpty();
        });
        awaitBalance("race", 0);
    }

    @Test
    void an_account_without_events_has_a_zero_balance_and_no_entries() {
        JsonNode balance = balance("nobody-yet");

        assertThat(balance.get("account_id").asText()).isEqualTo("nobody-yet");
        assertThat(balance.get("balance").asLong()).isZero();
        assertThat(balance.get("balance_entries")).isEmpty();
    }

    @Test
    void balance_entries_show_each_lot_with_its_dates_and_status() {
        api.json("POST", "/points", "{\"account_id\":\"lots\",\"amount\":5}");
        api.json("POST", "/points", "{\"account_id\":\"lots\",\"amount\":7}");
        api.json("DELETE", "/points", "{\"account_id\":\"lots\",\"amount\":6}");
        awaitBalance("lots", 6);

        JsonNode entries = balance("lots").get("balance_entries");

        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).get("balance").asLong()).isEqualTo(6);
        assertThat(entries.get(0).get("status").asText()).isEqualTo("active");
        assertThat(entries.get(0).get("issued_date").asText()).isNotBlank();
        assertThat(entries.get(0).get("last_updated").asText()).isNotBlank();
        assertThat(entries.get(0).get("expires_at").asText()).isNotBlank();
    }

    @Test
    void a_missing_or_malformed_account_id_on_reads_is_a_400_naming_it() {
        for (String path : List.of("/points", "/points?account_id=bad%20id", "/points/history")) {
            Api.Response response = api.get(path);
            assertThat(response.status()).as(path).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().get("errors").get(0).get("field").asText()).isEqualTo("account_id");
        }
    }

    @Test
    void history_pages_newest_first_with_a_cursor() {
        for (int amount = 1; amount <= 5; amount++) {
            api.json("POST", "/points", "{\"account_id\":\"pager\",\"amount\":" + amount + "}");
        }

        JsonNode first = api.get("/points/history?account_id=pager&limit=2").json();
        JsonNode second = api.get("/points/history?account_id=pager&limit=2&cursor="
                + first.get("next_cursor").asText()).json();
        JsonNode last = api.get("/points/history?account_id=pager&limit=2&cursor="
                + second.get("next_cursor").asText()).json();

        assertThat(first.get("items")).extracting(i -> i.get("amount").asLong()).containsExactly(5L, 4L);
        assertThat(second.get("items")).extracting(i -> i.get("amount").asLong()).containsExactly(3L, 2L);
        assertThat(last.get("items")).extracting(i -> i.get("amount").asLong()).containsExactly(1L);
        assertThat(last.has("next_cursor")).isTrue();
        assertThat(last.get("next_cursor").isNull()).isTrue();
        assertThat(api.get("/points/history?account_id=pager&cursor=bogus").status()).isEqualTo(400);
        assertThat(api.get("/points/history?account_id=pager&limit=0").status()).isEqualTo(400);
        assertThat(api.get("/points/history?account_id=pager&limit=101").status()).isEqualTo(400);
    }

    private JsonNode balance(String account) {
        Api.Response response = api.get("/points?account_id=" + account);
        assertThat(response.status()).isEqualTo(200);
        return response.json();
    }

    private void awaitBalance(String account, long expected) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(balance(account).get("balance").asLong()).isEqualTo(expected));
    }
}
