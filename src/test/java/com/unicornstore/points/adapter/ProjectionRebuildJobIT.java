package com.unicornstore.points.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.unicornstore.points.application.RebuildJob;
import com.unicornstore.points.domain.BalanceView;
import com.unicornstore.support.Api;
import com.unicornstore.support.PlatformIntegrationTest;
import com.unicornstore.support.Rebuilds;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The projection rebuild is a background job: started by a request, followed by its id, one at a
 * time across instances, and taken over from where it stood when the instance running it died.
 * "Other instances" are the job table's records written as another instance would have left them.
 */
@PlatformIntegrationTest
class ProjectionRebuildJobIT extends PointsClient {

    @Autowired
    DynamoDbClient dynamo;

    @Autowired
    DynamoBalanceViews views;

    @Autowired
    ProjectionRebuilds rebuilds;

    @Autowired
    ObjectMapper json;

    @Value("${unicorn.tables.jobs}")
    String jobsTable;

    DynamoRebuildJobs jobs;

    @BeforeEach
    void jobs() {
        jobs = new DynamoRebuildJobs(dynamo, jobsTable, json, Duration.ofDays(1));
    }

    @AfterEach
    void noJobLeftRunning() {
        await().atMost(Duration.ofSeconds(30)).until(() -> jobs.slot().map(held -> !held.job().running()).orElse(true));
    }

    @Test
    void a_rebuild_is_answered_at_once_and_followed_to_its_report_by_its_id() {
        issue("rebuilt-a", 10);
        issue("rebuilt-b", 20);

        Api.Response started = api.send("POST", "/points/projection/rebuild", null, Map.of());

        assertThat(started.status()).as(started.body()).isEqualTo(202);
        assertThat(started.json().get("state").asText()).isEqualTo("RUNNING");
        assertThat(started.json().get("started_by").asText()).isEqualTo(Api.DEMO_CLIENT);
        String location = started.header("Location");
        assertThat(location).isEqualTo("/points/projection/rebuild/" + started.json().get("job_id").asText());
        await().atMost(Duration.ofSeconds(30)).until(() -> "DONE".equals(api.get(location).json().get("state").asText()));
        JsonNode done = api.get(location).json();
        assertThat(done.get("accounts").asInt()).isEqualTo(done.get("accounts_total").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(done.get("events_replayed").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(done.get("differences")).as("views the projection wrote agree with the events")
                .noneMatch(d -> d.get("account_id").asText().startsWith("rebuilt-"));
        assertThat(done.get("differences_total").asInt()).isEqualTo(done.get("differences").size());
        assertThat(done.has("finished_at")).isTrue();
        assertThat(api.get("/points/projection/rebuild").json().get("job_id").asText())
                .isEqualTo(started.json().get("job_id").asText());
    }

    @Test
    void a_second_rebuild_while_one_runs_elsewhere_is_refused_naming_the_running_one() {
        RebuildJob elsewhere = RebuildJob.started("running-elsewhere", null, false, "admin", Instant.now());
        assertThat(jobs.start(elsewhere, "instance-elsewhere", Instant.now().plusSeconds(60))).isEmpty();

        Api.Response refused = api.send("POST", "/points/projection/rebuild", null, Map.of());

        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().get("type").asText()).endsWith("/rebuild-running");
        assertThat(refused.json().get("job_id").asText()).isEqualTo("running-elsewhere");
        assertThat(api.get("/points/projection/rebuild/running-elsewhere").json().get("state").asText()).isEqualTo("RUNNING");
        rebuilds.sweep();
        assertThat(jobs.slot().orElseThrow().owner()).as("a job whose lease holds is not taken over")
                .isEqualTo("instance-elsewhere");
        jobs.save(elsewhere.done(Instant.now()), "instance-elsewhere", Instant.now()); // it ends there
    }

    @Test
    void a_rebuild_whose_instance_died_is_taken_over_once_its_lease_ran_out_and_goes_on_after_its_cursor() {
        List<String> accounts = List.of("takeover-1", "takeover-2", "takeover-3", "takeover-4");
        accounts.forEach(account -> issue(account, 5));
        accounts.forEach(this::drift);
        // the dead instance had recorded the first two accounts, and its lease has run out
        RebuildJob died = RebuildJob.started("left-by-a-dead-instance", null, false, "admin", Instant.now())
                .advanced("takeover-2", 0, new com.unicornstore.points.application.RebuildingProjection.Report(2, 1000, List.of()),
                        Instant.now());
        assertThat(jobs.start(died, "instance-dead", Instant.now().minusSeconds(1))).isEmpty();

        rebuilds.sweep();

        await().atMost(Duration.ofSeconds(30)).until(() ->
                "DONE".equals(api.get("/points/projection/rebuild/left-by-a-dead-instance").json().get("state").asText()));
        JsonNode done = api.get("/points/projection/rebuild/left-by-a-dead-instance").json();
        List<String> differing = StreamSupport.stream(done.get("differences").spliterator(), false)
                .map(d -> d.get("account_id").asText()).filter(a -> a.startsWith("takeover-")).toList();
        assertThat(differing).as("only the accounts after the cursor are replayed").containsExactly("takeover-3", "takeover-4");
        assertThat(done.get("events_replayed").asLong()).isGreaterThanOrEqualTo(1002);
        assertThat(done.get("accounts").asInt()).isEqualTo(done.get("accounts_total").asInt());
        assertThat(jobs.slot().orElseThrow().owner()).isNotEqualTo("instance-dead");
        // a fresh rebuild sees all four
        assertThat(StreamSupport.stream(Rebuilds.run(api, "").get("differences").spliterator(), false)
                .map(d -> d.get("account_id").asText()).filter(a -> a.startsWith("takeover-")))
                .containsExactlyElementsOf(accounts);
    }

    @Test
    void bad_parameters_are_refused_and_start_nothing() {
        String before = jobs.slot().map(held -> held.job().id()).orElse("none");

        assertThat(api.send("POST", "/points/projection/rebuild?account_id=not%20an%20id", null, Map.of()).status())
                .isEqualTo(400);
        assertThat(api.send("POST", "/points/projection/rebuild?repair=maybe", null, Map.of()).status()).isEqualTo(400);
        assertThat(api.get("/points/projection/rebuild/not%20an%20id").status()).isEqualTo(400);
        Api.Response unknown = api.get("/points/projection/rebuild/no-such-job");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
        assertThat(jobs.slot().map(held -> held.job().id()).orElse("none")).isEqualTo(before);
    }

    private void issue(String account, long amount) {
        assertThat(api.json("POST", "/points", "{\"account_id\":\"" + account + "\",\"amount\":" + amount + "}").status())
                .isEqualTo(201);
        await().atMost(Duration.ofSeconds(20)).until(() -> views.find(account).isPresent());
    }

    /** The live view loses its lots: a read model that drifted from the events. */
    private void drift(String account) {
        BalanceView good = views.find(account).orElseThrow();
        views.replace(new BalanceView(account, good.appliedSequence(), List.of()), good.appliedSequence());
    }
}
