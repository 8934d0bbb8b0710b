package com.unicornstore.platform.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.unicornstore.support.Api;
import com.unicornstore.support.PlatformIntegrationTest;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The probes the deployment uses (ProbesController): the load balancer routes on readiness, ECS restarts on liveness
 * (through {@link LivenessProbe}, run inside the container). Both are public and show the status only.
 */
@PlatformIntegrationTest
class HealthProbesIT {

    @LocalServerPort
    int port;

    @ParameterizedTest
    @ValueSource(strings = {"/livez", "/readyz"})
    void a_probe_answers_anyone_with_its_status_and_nothing_else(String path) {
        Api.Response response = Api.anonymous(port).get(path);

        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        List<String> fields = new ArrayList<>();
        body.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("status");
        assertThat(body.path("status").asText()).isEqualTo("UP");
    }

    @Test
    void the_container_liveness_check_passes_against_the_running_platform() {
        assertThat(LivenessProbe.check(URI.create("http://localhost:" + port + "/livez")))
                .isZero();
    }

    @Test
    void the_container_liveness_check_fails_when_nothing_answers() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        assertThat(LivenessProbe.check(URI.create("http://localhost:" + closed + "/livez")))
                .isEqualTo(1);
    }

    @Test
    void the_container_liveness_check_fails_on_a_non_200_answer() {
        assertThat(LivenessProbe.check(URI.create("http://localhost:" + port + "/actuator/health/nothing-here")))
                .isEqualTo(1);
    }
}
