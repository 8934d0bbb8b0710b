package com.unicornstore.platform.health;

import java.util.Map;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The deployment's probes, public and status-only: {@code /livez} (ECS restarts a task that fails
 * it) and {@code /readyz} (the load balancer routes on it; refused while the instance starts or
 * drains). They read Spring's application availability and hold no backend check, so a DynamoDB
 * blip replaces no task. They are not actuator health groups because groups are listed in every
 * {@code /actuator/health} answer, which shows anyone its status and nothing else.
 */
@RestController
public class ProbesController {

    public static final String LIVENESS = "/livez";
    public static final String READINESS = "/readyz";

    private final ApplicationAvailability availability;

    public ProbesController(ApplicationAvailability availability) {
        this.availability = availability;
    }

    @GetMapping(path = LIVENESS, produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, String>> liveness() {
        return status(availability.getLivenessState() == LivenessState.CORRECT);
    }

    @GetMapping(path = READINESS, produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, String>> readiness() {
        return status(availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC);
    }

    private static ResponseEntity<Map<String, String>> status(boolean up) {
        return ResponseEntity.status(up ? 200 : 503).body(Map.of("status", up ? "UP" : "OUT_OF_SERVICE"));
    }
}
