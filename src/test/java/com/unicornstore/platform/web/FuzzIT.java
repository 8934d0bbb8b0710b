package com.unicornstore.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.unicornstore.support.Api;
import com.unicornstore.support.PlatformIntegrationTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Schemathesis, from the build's pinned virtualenv, against the running platform's own
 * {@code /api-doc}: generated bodies, parameters and headers, once per role, with a fixed seed and
 * a bounded number of cases ({@code fuzz/schemathesis.toml} also caps the destructive operations).
 * Every answer must be no 5xx, and match the document in status, content type and schema.
 */
@PlatformIntegrationTest
@TestPropertySource(properties = {
        // the fuzzer's principals are flooders by design: a limit would only turn its cases into 429s
        "unicorn.security.rate-limits.anonymous-per-minute=1000000",
        "unicorn.security.rate-limits.shopper-per-minute=1000000",
        "unicorn.security.rate-limits.integrator-per-minute=1000000",
        "unicorn.security.rate-limits.operator-per-minute=1000000"})
class FuzzIT {

    private static final Logger LOG = LoggerFactory.getLogger(FuzzIT.class);
    static final long SEED = 13;
    private static final long RUN_TIMEOUT_SECONDS = 120;
    private static final String CHECKS = "not_a_server_error,response_schema_conformance,status_code_conformance,"
            + "content_type_conformance";
    private static final String OPERATOR = "Basic " + java.util.Base64.getEncoder().encodeToString(
            "admin:unicorn-admin".getBytes(StandardCharsets.UTF_8));
    private static final Pattern CASES = Pattern.compile("(\\d+) generated");
    private static final Pattern DURATION = Pattern.compile(" in ([0-9.]+)s =+\\s*$");

    /**
     * The four kinds of caller, each with the local profile's demo credential. The coverage sweep
     * (every boundary and wrong type of every field) runs once, as the integrator, whose demo key
     * holds every scope; the others run the document's examples and one generated case per operation.
     */
    enum Role {
        ANONYMOUS(SHORT),
        SHOPPER(SHORT, "--auth", "derick:unicorn"),
        INTEGRATOR(FULL, "--header", "X-Api-Key: local-demo-key"),
        OPERATOR(SHORT, "--auth", "admin:unicorn-admin");

        final String phases;
        final List<String> credential;

        Role(String phases, String... credential) {
            this.phases = phases;
            this.credential = List.of(credential);
        }
    }

    private static final String SHORT = "examples,fuzzing";
    private static final String FULL = "examples,coverage,fuzzing";

    @LocalServerPort
    int port;

    @ParameterizedTest
    @EnumSource(Role.class)
    void every_generated_request_is_answered_without_a_server_error_and_as_the_document_says(Role role)
            throws IOException, InterruptedException {
        Path dir = Path.of("target", "fuzz", role.name().toLowerCase());
        Files.createDirectories(dir);
        Path log = dir.resolve("schemathesis.log");
        List<String> command = new ArrayList<>(List.of(schemathesis().toString(),
                "--no-color", "--config-file", config().toString(), "run", "http://127.0.0.1:" + port + "/api-doc",
                "--url", "http://127.0.0.1:" + port, "--seed", String.valueOf(SEED), "--checks", CHECKS,
                "--phases", role.phases, "--workers", "1", "--no-shrink", "--request-timeout", "10", "--max-failures", "20",
                "--report", "junit", "--report-dir", dir.toAbsolutePath().toString()));
        command.addAll(role.credential);
        if (!FULL.equals(role.phases)) {
            // the other roles mostly meet the same validation, then their own 401s and 403s: one generated
            // case per operation each, beside the examples, keeps the suite within its budget
            command.addAll(List.of("--max-examples", "1"));
        }
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        boolean finished = process.waitFor(RUN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        LOG.info("schemathesis as {}: {} cases in {} s, seed {} (report {})", role, find(CASES, output),
                find(DURATION, output), SEED, log);
        assertThat(finished).as("schemathesis ended within %d s", RUN_TIMEOUT_SECONDS).isTrue();
        assertThat(process.exitValue()).as("schemathesis exit code; its report:%n%s", tail(output)).isZero();
        assertThat(find(CASES, output)).as("cases generated").isNotEqualTo("?");
    }

    // What the fuzzer found, pinned: each of these answered 500 (or an HTML page) before it was fixed.

    @Test
    void a_body_that_is_not_utf8_is_refused_as_a_bad_request_not_a_server_error() throws Exception {
        byte[] invalid = {'{', (byte) 0xff, '}'};
        assertProblem(send("POST", "/points", invalid, "X-Api-Key", Api.DEMO_KEY), 400, "invalid-request");
        assertProblem(send("PATCH", "/products/1", invalid, "Authorization", OPERATOR), 400, "invalid-request");
        assertProblem(send("POST", "/dead-letters/any/redrive", invalid, "Authorization", OPERATOR), 400, "invalid-request");
    }

    @Test
    void a_query_parameter_name_the_firewall_refuses_is_a_problem_document_not_a_server_error() {
        Api integrator = new Api(port);
        assertProblem(integrator.get("/points?account_id=derick&%1B=x"), 400, "invalid-request");
        assertProblem(integrator.get("/points/history?account_id=derick&%0A=x"), 400, "invalid-request");
        assertProblem(integrator.get("/sagas?%C2%9A=x&state=FAILED"), 400, "invalid-request");
    }

    @Test
    void a_path_the_firewall_refuses_is_a_problem_document_not_springs_error_json() {
        assertProblem(Api.anonymous(port).get("/users/balance/N%0AC"), 400, "invalid-request");
    }

    @Test
    void a_request_line_over_the_servers_limit_is_a_problem_document_not_tomcats_html_page() {
        assertProblem(new Api(port).get("/campaigns?cursor=" + "a".repeat(10_000)), 400, "invalid-request");
    }

    @Test
    void a_chunked_body_reaches_the_route() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/points"))
                .header("X-Api-Key", Api.DEMO_KEY).header("Content-Type", "application/json")
                // no length: the client sends it chunked
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofString(
                        "{\"account_id\":\"derick\",\"amount\":5}")))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(response.body()).contains("\"amount\":5");
    }

    private Api.Response send(String method, String path, byte[] body, String header, String value) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header(header, value).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body)).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        return new Api.Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                response.body(), response);
    }

    private static void assertProblem(Api.Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("type").asText()).isEqualTo("https://unicorn.store/problems/" + code);
    }

    private static Path schemathesis() {
        Path st = Path.of(System.getProperty("unicorn.fuzz.schemathesis", ".venv/bin/st"));
        assertThat(st).as("schemathesis from the build's virtualenv (infra/local/requirements.txt)").isExecutable();
        return st.toAbsolutePath();
    }

    private static Path config() {
        return Path.of("src", "test", "resources", "fuzz", "schemathesis.toml").toAbsolutePath();
    }

    private static String find(Pattern pattern, String output) {
        Matcher matcher = pattern.matcher(output);
        String last = "?";
        while (matcher.find()) {
            last = matcher.group(1);
        }
        return last;
    }

    private static String tail(String output) {
        return output.length() <= 20_000 ? output : output.substring(output.length() - 20_000);
    }
}
