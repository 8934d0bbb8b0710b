package com.unicornstore.platform.security;

import com.unicornstore.platform.health.ProbesController;
import com.unicornstore.platform.web.HttpProblemResponder;
import com.unicornstore.platform.web.Problem;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Until the platform is first ready, answers every request but the probes 503 "starting",
 * with Retry-After. Tomcat accepts connections before Camel has started and registered its REST
 * routes, so a request sent then would otherwise fall through to the static resources and be
 * answered 404 "No static resource points": a client would take a valid path for a wrong one.
 * Readiness is Spring Boot's: accepting traffic once the application has started and its runners
 * ran. Only the start is gated; once ready, a graceful shutdown's drain is the web server's.
 */
final class StartingFilter extends OncePerRequestFilter {

    private final ApplicationAvailability availability;
    private final ServletProblems problems;
    private volatile boolean started;

    StartingFilter(ApplicationAvailability availability, ServletProblems problems) {
        this.availability = availability;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!started) {
            started = availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC;
            if (!started && !isProbe(request.getRequestURI())) {
                problems.write(response, Problem.of(503, "starting", "Service Unavailable",
                        "The platform is starting and does not take requests yet; retry after Retry-After seconds."),
                        Map.of("Retry-After", HttpProblemResponder.RETRY_AFTER));
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** The deployment's probes and the actuator answer while starting: that is what they are for. */
    private static boolean isProbe(String path) {
        return path.equals(ProbesController.LIVENESS) || path.equals(ProbesController.READINESS)
                || path.startsWith("/actuator/");
    }
}
