package com.unicornstore.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.AvailabilityState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Before the platform is first ready, a request is told to come back, not that its path does not exist. */
class StartingFilterTest {

    private final AtomicReference<ReadinessState> readiness = new AtomicReference<>(ReadinessState.REFUSING_TRAFFIC);
    private final StartingFilter filter = new StartingFilter(new Readiness(readiness), new ServletProblems(new ObjectMapper()));

    @Test
    void while_starting_a_request_is_answered_503_starting_with_retry_after_and_goes_no_further() throws Exception {
        MockFilterChain chain = new MockFilterChain();
        MockHttpServletResponse response = send("POST", "/points", chain);

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getHeader("Retry-After")).isEqualTo("2");
        JsonNode problem = new ObjectMapper().readTree(response.getContentAsString());
        assertThat(problem.get("type").asText()).isEqualTo("https://unicorn.store/problems/starting");
        assertThat(problem.get("status").asInt()).isEqualTo(503);
        assertThat(chain.getRequest()).as("not passed on").isNull();
    }

    @Test
    void the_probes_and_the_actuator_answer_while_starting() throws Exception {
        for (String probe : new String[] {"/readyz", "/livez", "/actuator/health"}) {
            MockFilterChain chain = new MockFilterChain();
            send("GET", probe, chain);
            assertThat(chain.getRequest()).as(probe).isNotNull();
        }
        assertThat(send("GET", "/readyzz", new MockFilterChain()).getStatus()).isEqualTo(503);
    }

    @Test
    void once_ready_every_request_passes_even_when_readiness_is_refused_again_on_shutdown() throws Exception {
        readiness.set(ReadinessState.ACCEPTING_TRAFFIC);
        MockFilterChain first = new MockFilterChain();
        send("POST", "/points", first);
        assertThat(first.getRequest()).isNotNull();

        readiness.set(ReadinessState.REFUSING_TRAFFIC);
        MockFilterChain draining = new MockFilterChain();
        send("GET", "/points/abc/balance", draining);
        assertThat(draining.getRequest()).as("the web server's graceful drain decides, not this filter").isNotNull();
    }

    private MockHttpServletResponse send(String method, String path, MockFilterChain chain) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(new MockHttpServletRequest(method, path), response, chain);
        return response;
    }

    private record Readiness(AtomicReference<ReadinessState> state) implements ApplicationAvailability {
        @Override
        public <S extends AvailabilityState> S getState(Class<S> type, S defaultState) {
            return type == ReadinessState.class ? type.cast(state.get()) : defaultState;
        }

        @Override
        public <S extends AvailabilityState> S getState(Class<S> type) {
            return getState(type, null);
        }

        @Override
        public <S extends AvailabilityState> org.springframework.boot.availability.AvailabilityChangeEvent<S> getLastChangeEvent(
                Class<S> type) {
            return null;
        }
    }
}
