package com.unicornstore.saga.adapter;

import static org.apache.camel.builder.Builder.constant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.unicornstore.saga.domain.RetryPolicy;
import com.unicornstore.saga.domain.SagaLog;
import com.unicornstore.saga.domain.SagaRecord;
import com.unicornstore.saga.domain.SagaState;
import com.unicornstore.support.PlatformIntegrationTest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.saga.CamelSagaCoordinator;
import org.apache.camel.saga.CamelSagaStep;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * The saga log is the truth: a renewal before the first step, a saga ended by another instance
 * than the one that began it, a log that does not answer for a while, and a saga nothing drives.
 * "Second instances" are further {@link DurableSagaService}s on the same table and CamelContext.
 */
@PlatformIntegrationTest
@Import(SagaTestRoutes.class)
@TestPropertySource(properties = {
        "unicorn.saga.lease=60s", "unicorn.saga.recovery-interval=59s",
        "unicorn.saga.retry.initial-delay=50ms", "unicorn.saga.retry.max-attempts=3"})
class SagaEdgeCasesIT {

    private static final Duration LEASE = Duration.ofSeconds(60);

    @Autowired
    ProducerTemplate producer;

    @Autowired
    SagaTestRoutes.Participants participants;

    @Autowired
    SagaLog log;

    @Autowired
    DurableSagaService service;

    @Autowired
    CamelContext camel;

    final List<DurableSagaService> otherInstances = new ArrayList<>();

    @BeforeEach
    void reset() {
        participants.reset();
    }

    @AfterEach
    void stopOtherInstances() {
        otherInstances.forEach(DurableSagaService::stopAlone);
    }

    @Test
    void a_saga_whose_lease_is_renewed_before_its_first_step_ends_completed() {
        producer.sendBodyAndHeaders("direct:saga.test-renewal-first", "", Map.of("item", "unicorn-20", "fail", "no"));

        assertThat(log.find(participants.sagaId())).map(SagaRecord::state).contains(SagaState.COMPLETED);
        assertThat(log.find(participants.sagaId()).orElseThrow().steps()).hasSize(2);
        assertThat(participants.calls()).containsExactly("do-a", "do-b", "confirm-b", "confirm-a");
    }

    @Test
    void a_saga_whose_lease_is_renewed_before_its_first_step_ends_fully_compensated() {
        assertThatThrownBy(() -> producer.sendBodyAndHeaders("direct:saga.test-renewal-first", "",
                Map.of("item", "unicorn-21", "fail", "yes"))).isInstanceOf(CamelExecutionException.class);

        assertThat(log.find(participants.sagaId())).map(SagaRecord::state).contains(SagaState.COMPENSATED);
        assertThat(participants.calls()).containsExactly("do-a", "do-b", "undo-b", "undo-a:unicorn-21");
    }

    @Test
    void a_saga_completed_by_a_second_instance_after_its_coordinator_is_gone_runs_each_completion_once() throws Exception {
        producer.sendBodyAndHeaders("direct:saga.test-left-open", "", Map.of("item", "unicorn-22"));
        String sagaId = participants.sagaId();
        assertThat(log.find(sagaId)).map(SagaRecord::state).contains(SagaState.RUNNING);

        DurableSagaService second = anotherInstance(log, Clock.systemUTC());
        second.getSaga(sagaId).get().complete(null).get();

        SagaRecord saga = log.find(sagaId).orElseThrow();
        assertThat(saga.state()).isEqualTo(SagaState.COMPLETED);
        assertThat(saga.owner()).isEqualTo(second.instanceId());
        assertThat(participants.calls()).containsExactly("do-a", "do-b", "confirm-b", "confirm-a");
    }

    @Test
    void a_saga_nothing_drives_any_more_is_not_renewed_and_recovery_takes_it_over() {
        producer.sendBodyAndHeaders("direct:saga.test-left-open", "", Map.of("item", "unicorn-23"));
        String sagaId = participants.sagaId();
        SagaRecord left = log.find(sagaId).orElseThrow();

        service.renewLeases();

        assertThat(log.find(sagaId).orElseThrow().leaseUntil()).as("an undriven saga's lease is not renewed")
                .isEqualTo(left.leaseUntil());
        // an instance whose clock is past the lease: the lease ran out for it
        DurableSagaService later = anotherInstance(log, Clock.offset(Clock.systemUTC(), LEASE.plusMinutes(1)));
        // one round of the recovery sweep: a sweep per index shard
        assertThat(IntStream.range(0, DynamoDbSagaLog.SHARDS).map(sweep -> later.recoverAbandoned()).sum()).isPositive();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(log.find(sagaId)).map(SagaRecord::state).contains(SagaState.COMPENSATED));
        assertThat(log.find(sagaId).orElseThrow().owner()).isEqualTo(later.instanceId());
        assertThat(participants.calls()).containsExactly("do-a", "do-b", "undo-b", "undo-a:unicorn-23");
    }

    @Test
    void a_renewal_pass_that_reaches_a_saga_after_it_ended_here_neither_renews_nor_reports_it() {
        // a pass holds a saga it read ahead while it renewed others: under load the saga ended meanwhile
        producer.sendBodyAndHeaders("direct:saga.test-renewal-first", "", Map.of("item", "unicorn-25", "fail", "no"));
        String ended = participants.sagaId();
        SagaRecord completed = log.find(ended).orElseThrow();
        assertThat(completed.state()).isEqualTo(SagaState.COMPLETED);
        producer.sendBodyAndHeaders("direct:saga.test-left-open", "", Map.of("item", "unicorn-26"));
        String left = participants.sagaId();

        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        Logger serviceLog = (Logger) LoggerFactory.getLogger(DurableSagaService.class);
        serviceLog.addAppender(logged);
        try {
            service.renew(new DurableSagaCoordinator(service, ended));
            service.renewLeases();
        } finally {
            serviceLog.detachAppender(logged);
        }

        assertThat(log.find(ended).orElseThrow()).as("the ended saga is not written again").isEqualTo(completed);
        assertThat(logged.list).extracting(ILoggingEvent::getFormattedMessage)
                .contains("Saga " + left + " is no longer driven here; its lease is left to run out")
                .noneMatch(message -> message.contains(ended));
    }

    @Test
    void a_compensation_whose_transitions_cannot_be_written_for_a_while_is_retried_and_ends_compensated() throws Exception {
        OnFlakyLog begun = oneStepSagaOnAFlakyLog("unicorn-24");
        begun.log().failClaims(2);
        begun.log().failTransitions(2);

        assertThat(begun.saga().compensate(begun.exchange())).succeedsWithin(Duration.ofSeconds(5));

        awaitState(begun, SagaState.COMPENSATED);
        assertThat(begun.log().injected()).isEqualTo(4);
        assertThat(participants.calls()).containsExactly("undo-a:unicorn-24");
    }

    @Test
    void a_completion_whose_end_cannot_be_written_for_a_while_is_retried_and_runs_its_completions_once() throws Exception {
        OnFlakyLog begun = oneStepSagaOnAFlakyLog("unicorn-25");
        begun.log().failTransitions(2);

        assertThat(begun.saga().complete(begun.exchange())).succeedsWithin(Duration.ofSeconds(5));

        awaitState(begun, SagaState.COMPLETED);
        assertThat(begun.log().injected()).isEqualTo(2);
        assertThat(participants.calls()).containsExactly("confirm-a");
    }

    @Test
    void a_completion_whose_claim_cannot_be_written_is_refused_to_its_caller_and_the_saga_compensated() throws Exception {
        OnFlakyLog begun = oneStepSagaOnAFlakyLog("unicorn-26");
        begun.log().failClaims(1);

        assertThat(begun.saga().complete(begun.exchange())).failsWithin(Duration.ofSeconds(5));

        awaitState(begun, SagaState.COMPENSATED);
        assertThat(participants.calls()).containsExactly("undo-a:unicorn-26");
    }

    @Test
    void a_completion_whose_claim_was_written_but_whose_answer_was_lost_is_refused_to_its_caller_and_the_saga_compensated()
            throws Exception {
        OnFlakyLog begun = oneStepSagaOnAFlakyLog("unicorn-27");
        begun.log().loseClaimAnswers(1);

        assertThat(begun.saga().complete(begun.exchange())).failsWithin(Duration.ofSeconds(5));

        // the caller was told the purchase failed: no completion may run, whatever the log holds
        awaitState(begun, SagaState.COMPENSATED);
        assertThat(participants.calls()).containsExactly("undo-a:unicorn-27");
    }

    @Test
    void a_saga_id_given_by_the_exchange_is_used_and_cannot_begin_a_second_saga() throws Exception {
        Exchange exchange = new DefaultExchange(camel);
        String sagaId = "saga-given-" + System.nanoTime();
        exchange.setProperty(DurableSagaService.SAGA_ID_PROPERTY, sagaId);

        assertThat(service.newSaga(exchange).get().getId()).isEqualTo(sagaId);
        assertThat(log.find(sagaId)).map(SagaRecord::state).contains(SagaState.RUNNING);
        assertThat(service.newSaga(exchange)).failsWithin(Duration.ofSeconds(1));
        service.getSaga(sagaId).get().compensate(exchange).get();
        assertThat(log.find(sagaId)).map(SagaRecord::state).contains(SagaState.COMPENSATED);
    }

    /** A saga begun on another instance, over a log that can be told to fail, with one step (undo-a / confirm-a). */
    private record OnFlakyLog(FlakySagaLog log, CamelSagaCoordinator saga, Exchange exchange) {}

    private OnFlakyLog oneStepSagaOnAFlakyLog(String item) throws Exception {
        FlakySagaLog flaky = new FlakySagaLog(log);
        Exchange exchange = new DefaultExchange(camel);
        CamelSagaCoordinator saga = anotherInstance(flaky, Clock.systemUTC()).newSaga(exchange).get();
        saga.beginStep(exchange, step(item)).get();
        return new OnFlakyLog(flaky, saga, exchange);
    }

    private void awaitState(OnFlakyLog begun, SagaState state) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(log.find(begun.saga().getId())).map(SagaRecord::state).contains(state));
    }

    private CamelSagaStep step(String item) {
        return new CamelSagaStep(camel.getEndpoint("direct:saga.test-undo-a"), camel.getEndpoint("direct:saga.test-confirm-a"),
                Map.of("item", constant(item)), null);
    }

    private DurableSagaService anotherInstance(SagaLog on, Clock clock) {
        DurableSagaService instance = new DurableSagaService(on, LEASE,
                new RetryPolicy(Duration.ofMillis(50), 2.0, Duration.ofSeconds(1), 0.5, 3), clock);
        instance.setCamelContext(camel);
        instance.start();
        otherInstances.add(instance);
        return instance;
    }
}
