package com.unicornstore.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.unicornstore.support.Api;
import com.unicornstore.support.ApiDocumentSchemas;
import com.unicornstore.support.PlatformIntegrationTest;
import com.unicornstore.support.RecordedResponses;
import com.unicornstore.support.RecordedResponses.Recorded;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.CamelContext;
import org.apache.camel.model.Model;
import org.apache.camel.model.rest.RestDefinition;
import org.apache.camel.model.rest.VerbDefinition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code /api-doc} against the REST DSL and against what the platform really answers: every
 * operation is there with its parameters, request body and typed responses, and every answer the
 * integration tests of this JVM recorded (and this class's own tour of the API) matches its schema.
 */
@PlatformIntegrationTest
class ApiContractIT {

    private static final Logger LOG = LoggerFactory.getLogger(ApiContractIT.class);
    /** Commands named by their path alone: they take no body. */
    private static final Set<String> BODILESS = Set.of("POST /purchase/{id}/refund", "POST /points/projection/rebuild",
            "POST /sagas/{id}/retry", "POST /sagas/{id}/compensate", "POST /points/projection/parked/{parked_id}/reapply");
    private static final Set<String> WITH_BODY = Set.of("DELETE /points");
    private static final String JSON = "application/json";
    private static final String PROBLEM = "application/problem+json";

    @LocalServerPort
    int port;

    @Autowired
    CamelContext camel;

    private ApiDocumentSchemas schemas;

    @BeforeEach
    void readTheDocument() {
        schemas = ApiDocumentSchemas.of(port);
    }

    @Test
    void every_rest_operation_is_in_the_document_with_its_parameters_body_and_typed_responses() {
        List<String> problems = new ArrayList<>();
        for (String operation : restOperations()) {
            String[] parts = operation.split(" ", 2);
            JsonNode declared = schemas.document().path("paths").path(parts[1]).path(parts[0].toLowerCase(Locale.ROOT));
            if (declared.isMissingNode()) {
                problems.add(operation + ": missing from /api-doc");
                continue;
            }
            problems.addAll(describe(operation, declared));
        }
        assertThat(problems).as("operations of the REST DSL that /api-doc does not fully describe "
                + "(add them to src/main/resources/openapi/api.json)").isEmpty();
    }

    @Test
    void the_main_endpoints_have_request_and_response_schemas_with_their_limits() {
        JsonNode components = schemas.document().path("components").path("schemas");
        assertThat(components.path("PurchaseOrder").path("properties").path("quantity").path("maximum").asInt()).isEqualTo(100);
        assertThat(components.path("PointsAmount").path("required")).extracting(JsonNode::asText).contains("account_id", "amount");
        assertThat(components.path("Campaign").path("properties").path("rules").path("maxItems").asInt()).isEqualTo(50);
        Map<String, String> responses = Map.of("GET /points", "PointsBalance", "GET /points/history", "PointsHistory",
                "POST /purchase", "Purchase", "GET /campaigns", "CampaignPage", "GET /products/{id}", "Product",
                "GET /users/balance/{username}", "Wallet", "POST /points", "PointsEvent", "POST /campaigns", "Campaign");
        responses.forEach((operation, schema) -> {
            JsonNode declared = operation(operation);
            String status = operation.startsWith("POST") ? "201" : "200";
            assertThat(declared.path("responses").path(status).path("content").path(JSON).path("schema").path("$ref").asText())
                    .as(operation).isEqualTo("#/components/schemas/" + schema);
            assertThat(declared.path("responses").path("default").path("content").has(PROBLEM)).as(operation).isTrue();
        });
        Map.of("POST /purchase", "PurchaseOrder", "POST /points", "PointsAmount", "POST /campaigns", "Campaign")
                .forEach((operation, schema) -> assertThat(operation(operation).path("requestBody").path("content")
                        .path(JSON).path("schema").path("$ref").asText()).as(operation).endsWith("/" + schema));
        assertThat(names(operation("GET /points/history").path("parameters"))).containsExactly("account_id", "limit", "cursor");
        assertThat(operation("GET /points/history").path("parameters").get(1).path("schema").path("maximum").asInt()).isEqualTo(100);
    }

    @Test
    void every_recorded_answer_matches_the_schema_the_document_gives_it() {
        tourTheApi();
        List<String> violations = new ArrayList<>();
        Set<String> checked = new TreeSet<>();
        int answers = 0;
        for (Recorded answer : RecordedResponses.all()) {
            Optional<String> template = schemas.template(answer.method(), answer.path());
            if (template.isEmpty()) {
                continue; // not an API operation: /api-doc, /actuator, /login, the web store
            }
            checked.add(answer.method() + " " + template.get());
            answers++;
            violations.addAll(schemas.violations(answer.method(), template.get(), answer.status(), answer.contentType(), answer.body()));
        }
        LOG.info("checked {} recorded answers to {} operations against /api-doc", answers, checked.size());
        assertThat(violations).as("recorded answers that break /api-doc").isEmpty();
        assertThat(checked).contains("GET /points", "GET /points/history", "POST /purchase", "GET /campaigns",
                "GET /products/{id}", "GET /users/balance/{username}", "POST /points", "DELETE /points", "POST /campaigns");
    }

    @Test
    void an_answer_that_breaks_its_schema_is_reported() {
        assertThat(schemas.violations("GET", "/products/{id}", 200, JSON, "{\"id\":1}")).isNotEmpty();
        assertThat(schemas.violations("GET", "/products/{id}", 404, JSON, "{\"type\":\"x\",\"title\":\"t\",\"status\":404}"))
                .singleElement().asString().contains("Content-Type");
        assertThat(schemas.violations("POST", "/purchase", 201, JSON, "{\"purchase_id\":\"p\",\"status\":\"LOST\"}")).isNotEmpty();
        assertThat(schemas.violations("GET", "/products/{id}", 200, JSON,
                "{\"id\":\"1\",\"name\":\"n\",\"price\":1,\"stock\":1}")).isEmpty();
    }

    /** A walk through the API as its callers use it, right and wrong, so that every main answer is recorded. */
    private void tourTheApi() {
        Api integrator = new Api(port);
        Api shopper = Api.basic(port, "derick", "unicorn");
        Api operator = Api.basic(port, "admin", "unicorn-admin");
        Api anonymous = Api.anonymous(port);
        anonymous.get("/products");
        anonymous.get("/products/1");
        anonymous.get("/products/nope");
        anonymous.get("/users/balance/derick");
        shopper.get("/users/balance/derick");
        shopper.get("/users/balance/alice");
        String purchase = shopper.json("POST", "/purchase", "{\"userId\":\"derick\",\"productId\":\"1\",\"quantity\":1}").json()
                .path("purchase_id").asText();
        shopper.json("POST", "/purchase", "{\"userId\":\"derick\",\"productId\":\"1\",\"quantity\":1000}");
        shopper.json("POST", "/purchase", "{\"userId\":\"derick\",\"productId\":\"1\",\"quantity\":3}");
        shopper.get("/purchase/" + purchase);
        shopper.get("/purchases?user_id=derick&limit=5");
        integrator.json("POST", "/points", "{\"account_id\":\"derick\",\"amount\":5}");
        integrator.json("DELETE", "/points", "{\"account_id\":\"derick\",\"amount\":2}");
        integrator.json("DELETE", "/points", "{\"account_id\":\"derick\",\"amount\":1000000}");
        integrator.json("POST", "/points", "{\"account_id\":\"derick\",\"amount\":0}");
        integrator.get("/points?account_id=derick");
        integrator.get("/points/history?account_id=derick&limit=2");
        integrator.get("/points/history?account_id=derick&limit=0");
        integrator.get("/campaigns");
        integrator.get("/campaigns/1?client=UnicornStore");
        integrator.json("POST", "/campaigns", "{\"client\":\"Tour\",\"campaign_name\":\"c1\",\"rules\":[{\"variable\":\"$.amount\","
                + "\"condition\":{\"rule\":\"numeric_greater_than\",\"value\":1},\"action\":{\"command\":\"issue\",\"formula\":\"1\"}}]}");
        integrator.json("POST", "/campaigns", "{\"client\":\"Tour\"}");
        integrator.json("PATCH", "/campaigns/c1?client=Tour", "{\"priority\":2}");
        integrator.json("POST", "/campaigns/c1/evaluate?client=Tour", "{\"amount\":500}");
        integrator.send("DELETE", "/campaigns/c1?client=Tour", null, Map.of());
        integrator.get("/me");
        operator.get("/sagas?state=FAILED");
        operator.get("/sagas/nope");
        operator.get("/dead-letters?queue=nope");
        operator.json("POST", "/products", "{\"id\":\"tour\",\"name\":\"n\",\"description\":\"d\",\"price\":5,\"stock\":1,\"image\":\"/i.svg\"}");
        operator.json("PATCH", "/products/tour", "{\"price\":6}");
        operator.json("POST", "/products/tour/restock", "{\"quantity\":2}");
        operator.json("POST", "/wallets/tour/adjust", "{\"amount\":10}");
        operator.send("POST", "/points/projection/rebuild?account_id=derick", null, Map.of());
        operator.get("/points/projection/rebuild");
        operator.get("/points/projection/parked?limit=5");
        operator.send("POST", "/points/projection/parked/bm9uZS9ub25l/reapply", null, Map.of());
        operator.send("DELETE", "/points/projection/parked/bm9uZS9ub25l", null, Map.of());
        operator.send("POST", "/purchase/" + purchase + "/refund", null, Map.of());
    }

    private JsonNode operation(String operation) {
        String[] parts = operation.split(" ", 2);
        return schemas.document().path("paths").path(parts[1]).path(parts[0].toLowerCase(Locale.ROOT));
    }

    private List<String> describe(String operation, JsonNode declared) {
        List<String> problems = new ArrayList<>();
        Set<String> parameters = new TreeSet<>(names(declared.path("parameters")));
        Matcher inPath = Pattern.compile("\\{([^}]+)}").matcher(operation);
        while (inPath.find()) {
            if (!parameters.contains(inPath.group(1))) {
                problems.add(operation + ": path parameter " + inPath.group(1) + " undeclared");
            }
        }
        declared.path("parameters").forEach(parameter -> {
            if (!parameter.has("schema")) {
                problems.add(operation + ": parameter " + parameter.path("name").asText() + " has no schema");
            }
        });
        boolean takesBody = operation.startsWith("POST") || operation.startsWith("PATCH") || WITH_BODY.contains(operation);
        if (takesBody && !BODILESS.contains(operation)
                && declared.path("requestBody").path("content").findValue("schema") == null) {
            problems.add(operation + ": no request body schema");
        }
        JsonNode responses = declared.path("responses");
        List<String> statuses = new ArrayList<>();
        responses.fieldNames().forEachRemaining(statuses::add);
        if (statuses.stream().noneMatch(status -> status.startsWith("2"))) {
            problems.add(operation + ": no success response");
        }
        statuses.stream().filter(status -> status.startsWith("2") && !status.equals("204"))
                .filter(status -> !responses.path(status).path("content").path(JSON).has("schema"))
                .forEach(status -> problems.add(operation + ": response " + status + " has no application/json schema"));
        if (!responses.path("default").path("content").path(PROBLEM).has("schema")) {
            problems.add(operation + ": no problem+json schema for its failures");
        }
        return problems;
    }

    private List<String> restOperations() {
        List<String> operations = new ArrayList<>();
        for (RestDefinition rest : camel.getCamelContextExtension().getContextPlugin(Model.class).getRestDefinitions()) {
            for (VerbDefinition verb : rest.getVerbs()) {
                String path = (rest.getPath() == null ? "" : rest.getPath()) + (verb.getPath() == null ? "" : verb.getPath());
                operations.add(verb.asVerb().toUpperCase(Locale.ROOT) + " " + path);
            }
        }
        return operations;
    }

    private static List<String> names(JsonNode parameters) {
        List<String> names = new ArrayList<>();
        parameters.forEach(parameter -> names.add(parameter.path("name").asText()));
        return names;
    }
}
