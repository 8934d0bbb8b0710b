package com.unicornstore.platform.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The REST contract beyond what the REST DSL declares ({@code openapi/api.json}): each operation's
 * parameters, request body and responses, and the schemas they name, some of them the very JSON
 * Schema files the platform validates with ({@code "$file"}). {@link #complete} writes them into
 * the document camel-openapi renders from the REST DSL, which keeps paths, ids and security.
 */
public final class ApiContract {

    static final String RESOURCE = "/openapi/api.json";
    private static final String OPENAPI_VERSION = "3.1.0";
    private static final String JSON = "application/json";
    private static final String PROBLEM = "application/problem+json";
    private static final String SCHEMAS = "#/components/schemas/";

    private final ObjectMapper json;
    private final JsonNode contract;
    private final ObjectNode schemas;

    public ApiContract(ObjectMapper json) {
        this.json = json;
        this.contract = read(RESOURCE);
        this.schemas = json.createObjectNode();
        contract.get("schemas").fields().forEachRemaining(entry -> addSchema(entry.getKey(), entry.getValue()));
    }

    /** The camel-openapi document with every operation's parameters, bodies, responses and the schemas. */
    public ObjectNode complete(ObjectNode document) {
        document.put("openapi", OPENAPI_VERSION);
        document.set("servers", json.createArrayNode().add(json.createObjectNode().put("url", "/")));
        ObjectNode components = document.withObjectProperty("components");
        components.set("schemas", schemas.deepCopy());
        JsonNode paths = document.path("paths");
        contract.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(verb -> {
            JsonNode operation = paths.path(path.getKey()).path(verb.getKey());
            if (operation instanceof ObjectNode found) {
                describe(found, verb.getValue());
            }
        }));
        return document;
    }

    private void describe(ObjectNode operation, JsonNode described) {
        ArrayNode parameters = json.createArrayNode();
        described.path("$params").forEach(name -> parameters.add(parameter(name.asText())));
        if (!parameters.isEmpty()) {
            operation.set("parameters", parameters);
        } else {
            operation.remove("parameters");
        }
        if (described.has("$body")) {
            String name = described.get("$body").asText();
            ObjectNode media = json.createObjectNode();
            media.set("schema", ref(name));
            copyExample(schemas.get(name), media);
            ObjectNode body = json.createObjectNode().put("required", !described.path("$bodyOptional").asBoolean());
            if (described.has("$bodyTypes")) {
                described.get("$bodyTypes").forEach(type -> body.withObjectProperty("content").set(type.asText(), media.deepCopy()));
            } else {
                body.withObjectProperty("content").set(JSON, media);
            }
            operation.set("requestBody", body);
        }
        ObjectNode responses = json.createObjectNode();
        described.get("responses").fields().forEachRemaining(entry -> responses.set(entry.getKey(), response(entry.getValue())));
        responses.set("default", problem("any other failure, e.g. 401 unauthorized, 403 forbidden, 406, 413, 415, "
                + "429 with Retry-After, 503 backend-unavailable or starting with Retry-After"));
        operation.set("responses", responses);
    }

    private JsonNode parameter(String name) {
        JsonNode parameter = contract.path("parameters").get(name);
        if (parameter == null) {
            throw new IllegalStateException(RESOURCE + " names an undeclared parameter " + name);
        }
        return parameter.deepCopy();
    }

    private JsonNode response(JsonNode described) {
        if (described.has("$problem")) {
            return problem(described.get("$problem").asText());
        }
        ObjectNode response = json.createObjectNode().put("description", described.path("description").asText("OK"));
        if (described.has("$ok")) {
            String name = described.get("$ok").asText();
            response.put("description", name);
            ObjectNode media = response.withObjectProperty("content").withObjectProperty(JSON);
            media.set("schema", ref(name));
            copyExample(schemas.get(name), media);
        }
        described.path("$headers").forEach(header ->
                response.withObjectProperty("headers").set(header.asText(), contract.path("headers").get(header.asText()).deepCopy()));
        return response;
    }

    private ObjectNode problem(String codes) {
        ObjectNode response = json.createObjectNode().put("description", codes);
        response.withObjectProperty("content").withObjectProperty(PROBLEM).set("schema", ref("Problem"));
        return response;
    }

    private ObjectNode ref(String schema) {
        if (!schemas.has(schema)) {
            throw new IllegalStateException(RESOURCE + " names an undeclared schema " + schema);
        }
        return json.createObjectNode().put("$ref", SCHEMAS + schema);
    }

    private static void copyExample(JsonNode schema, ObjectNode media) {
        if (schema != null && schema.has("example")) {
            media.set("example", schema.get("example").deepCopy());
        }
    }

    /** A schema of the contract, or a JSON Schema file whose {@code $defs} become schemas of their own. */
    private void addSchema(String name, JsonNode schema) {
        if (!schema.has("$file")) {
            schemas.set(name, schema.deepCopy());
            return;
        }
        ObjectNode file = (ObjectNode) read(schema.get("$file").asText());
        file.remove(List.of("$schema", "$id"));
        JsonNode defs = file.remove("$defs");
        String prefix = "#/$defs/";
        String local = SCHEMAS + name + "_";
        rewriteRefs(file, prefix, local);
        if (defs != null) {
            defs.fields().forEachRemaining(def -> {
                rewriteRefs(def.getValue(), prefix, local);
                schemas.set(name + "_" + def.getKey(), def.getValue());
            });
        }
        if (schema.has("example")) {
            file.set("example", schema.get("example").deepCopy());
        }
        schemas.set(name, file);
    }

    private static void rewriteRefs(JsonNode node, String from, String to) {
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().startsWith(from)) {
                object.put("$ref", to + ref.asText().substring(from.length()));
            }
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                rewriteRefs(field.getValue(), from, to);
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(item -> rewriteRefs(item, from, to));
        }
    }

    private JsonNode read(String resource) {
        try (InputStream in = ApiContract.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the class path");
            }
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(resource + " is unreadable", e);
        }
    }
}
