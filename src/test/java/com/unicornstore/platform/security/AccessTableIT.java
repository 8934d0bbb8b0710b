package com.unicornstore.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.unicornstore.platform.domain.Scopes;
import com.unicornstore.support.Api;
import com.unicornstore.support.OpenApiOperations;
import com.unicornstore.support.PlatformIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The README's Security table, walked through HTTP: every row with no credential, the shopper derick
 * on his own account and on alice's, an integrator holding every scope but the row's, an integrator
 * holding each of the row's scopes alone, and the operator admin. The OpenAPI document may have no
 * operation the table lacks.
 */
@PlatformIntegrationTest
class AccessTableIT {

    private static final SecurityTable TABLE = SecurityTable.fromReadme();
    private static final Set<String> SCOPES = new TreeSet<>(List.of(Scopes.POINTS_READ, Scopes.POINTS_WRITE,
            Scopes.PURCHASES_WRITE, Scopes.PURCHASES_REFUND, Scopes.CAMPAIGNS_READ, Scopes.CAMPAIGNS_ADMIN, Scopes.OPERATOR));

    @LocalServerPort
    int port;

    /** One integrator key per set of scopes the walk needs: none, each scope alone, and all but a row's. */
    @DynamicPropertySource
    static void keys(DynamicPropertyRegistry registry) {
        Set<Set<String>> needed = new java.util.LinkedHashSet<>();
        needed.add(Set.of());
        SCOPES.forEach(scope -> needed.add(Set.of(scope)));
        TABLE.rows().forEach(row -> row.scopes().forEach(scope -> needed.add(Set.of(scope)))); // channel:{name}
        TABLE.rows().forEach(row -> needed.add(without(row.scopes())));
        int i = 0;
        for (Set<String> scopes : needed) {
            String prefix = "unicorn.security.api-keys[" + i++ + "].";
            registry.add(prefix + "client-id", () -> "walk-" + Math.abs(keyOf(scopes).hashCode()));
            registry.add(prefix + "sha256", () -> sha256(keyOf(scopes)));
            if (!scopes.isEmpty()) {
                registry.add(prefix + "scopes", () -> String.join(",", scopes));
            }
        }
    }

    @Test
    void every_operation_of_the_openapi_document_is_a_row_of_the_security_table() {
        List<String> operations = OpenApiOperations.of(port);
        List<String> rows = TABLE.rows().stream().map(SecurityTable.Row::route).toList();

        assertThat(operations).as("operations in /api-doc").hasSizeGreaterThan(15);
        assertThat(rows).as("the README Security table's routes").containsAll(operations);
    }

    @Test
    void the_openapi_document_declares_the_schemes_and_each_operations_requirement_as_the_table_says() {
        JsonNode doc = Api.anonymous(port).get("/api-doc").json();
        JsonNode schemes = doc.get("components").get("securitySchemes");
        assertThat(schemes.get("ApiKey").get("type").asText()).isEqualTo("apiKey");
        assertThat(schemes.get("ApiKey").get("in").asText()).isEqualTo("header");
        assertThat(schemes.get("ApiKey").get("name").asText()).isEqualTo("X-Api-Key");
        assertThat(schemes.get("Basic").get("scheme").asText()).isEqualTo("basic");
        assertThat(schemes.get("Bearer").get("scheme").asText()).isEqualTo("bearer");
        assertThat(schemes.get("Bearer").get("bearerFormat").asText()).isEqualTo("JWT");

        List<String> wrong = new ArrayList<>();
        for (SecurityTable.Row row : TABLE.rows()) {
            JsonNode operation = doc.get("paths").path(row.path()).path(row.method().toLowerCase());
            if (operation.isMissingNode()) {
                continue; // not an operation of the REST API (actuator, images, api-doc, unknown paths)
            }
            Set<String> keyScopes = new TreeSet<>();
            Set<String> schemesUsed = new TreeSet<>();
            operation.path("security").forEach(alternative -> alternative.fields().forEachRemaining(scheme -> {
                schemesUsed.add(scheme.getKey());
                if (scheme.getKey().equals("ApiKey")) {
                    scheme.getValue().forEach(scope -> keyScopes.add(scope.asText()));
                }
            }));
            Set<String> expectedSchemes = row.anonymous().equals("yes") ? Set.of()
                    : row.shopperOwn().equals("yes") || row.operator().equals("yes") ? Set.of("ApiKey", "Basic", "Bearer")
                    : Set.of("ApiKey");
            if (!keyScopes.equals(new TreeSet<>(row.scopes())) || !schemesUsed.equals(new TreeSet<>(expectedSchemes))) {
                wrong.add(row.route() + ": declares " + operation.path("security") + ", the table says scopes "
                        + row.scopes() + " and schemes " + expectedSchemes);
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void every_caller_gets_what_the_security_table_says_on_every_route() {
        RouteProbes probes = new RouteProbes(operator(), integrator(Set.of(Scopes.POINTS_WRITE)), shopper(RouteProbes.OWN),
                shopper(RouteProbes.OTHER));
        List<String> wrong = new ArrayList<>();
        for (SecurityTable.Row row : TABLE.rows()) {
            Map<String, Object[]> callers = new LinkedHashMap<>();
            callers.put("anonymous", new Object[] {Api.anonymous(port), true, row.anonymous()});
            callers.put("shopper, own", new Object[] {shopper(RouteProbes.OWN), true, row.shopperOwn()});
            callers.put("shopper, other's", new Object[] {shopper(RouteProbes.OWN), false, row.shopperOther()});
            callers.put("integrator without " + row.scopes(), new Object[] {integrator(without(row.scopes())), true,
                    row.integratorWithout()});
            for (String scope : row.scopes().isEmpty() ? Set.of("") : row.scopes()) {
                callers.put("integrator with " + scope, new Object[] {integrator(scope.isEmpty() ? Set.of() : Set.of(scope)),
                        true, row.integratorWith()});
            }
            callers.put("operator", new Object[] {operator(), true, row.operator()});
            callers.forEach((caller, how) -> check(probes, row, caller, (Api) how[0], (boolean) how[1], (String) how[2], wrong));
        }

        assertThat(wrong).as("answers that differ from the README Security table").isEmpty();
    }

    private void check(RouteProbes probes, SecurityTable.Row row, String caller, Api api, boolean mine, String expected, List<String> wrong) {
        RouteProbes.Probe probe = probes.probe(row.route(), mine);
        if (probe == null) {
            wrong.add(row.route() + ": no probe for this route in RouteProbes");
            return;
        }
        Api.Response response = probe.body() == null ? api.send(probe.method(), probe.path(), null, Map.of())
                : api.json(probe.method(), probe.path(), probe.body());
        boolean matches = expected.equals("yes") ? probe.admitted().contains(response.status())
                : response.status() == Integer.parseInt(expected);
        if (!matches) {
            wrong.add(row.route() + " as " + caller + ": expected " + expected + (expected.equals("yes") ? " " + probe.admitted() : "")
                    + ", got " + response.status() + " " + abbreviated(response.body()));
        }
    }

    private Api shopper(String name) {
        return Api.basic(port, name, "unicorn");
    }

    private Api operator() {
        return Api.basic(port, "admin", "unicorn-admin");
    }

    private Api integrator(Set<String> scopes) {
        return Api.withKey(port, keyOf(scopes));
    }

    private static Set<String> without(Set<String> scopes) {
        Set<String> rest = new TreeSet<>(SCOPES);
        rest.removeAll(scopes);
        return scopes.isEmpty() ? Set.of() : rest;
    }

    private static String keyOf(Set<String> scopes) {
        return "walk-key-" + String.join("+", new TreeSet<>(scopes));
    }

    private static String abbreviated(String body) {
        return body == null || body.length() < 160 ? body : body.substring(0, 160) + "...";
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
