package com.unicornstore.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The platform's OpenAPI document as a validator (networknt json-schema-validator, JSON Schema
 * 2020-12 as OpenAPI 3.1 uses it): finds the operation of a request and checks an answer's
 * status, content type and body against what the document declares for it.
 */
public final class ApiDocumentSchemas {

    private static final String IRI = "https://unicorn.store/api-doc";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode document;
    private final SchemaRegistry registry;
    private final Map<String, Pattern> templates = new LinkedHashMap<>();

    public ApiDocumentSchemas(JsonNode document) {
        this.document = document;
        SchemaRegistryConfig config = SchemaRegistryConfig.builder().formatAssertionsEnabled(false).locale(Locale.ENGLISH).build();
        this.registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaRegistryConfig(config).schemas(Map.of(IRI, document.toString())));
        document.path("paths").fieldNames().forEachRemaining(path -> templates.put(path,
                Pattern.compile(path.replaceAll("\\{[^}]+}", "[^/]+"))));
    }

    public static ApiDocumentSchemas of(int port) {
        return new ApiDocumentSchemas(Api.anonymous(port).get("/api-doc").json());
    }

    public JsonNode document() {
        return document;
    }

    /** The document's path template a concrete path falls under, preferring literal segments. */
    public Optional<String> template(String method, String path) {
        return templates.entrySet().stream()
                .filter(entry -> entry.getValue().matcher(path).matches())
                .filter(entry -> document.path("paths").path(entry.getKey()).has(method.toLowerCase(Locale.ROOT)))
                .map(Map.Entry::getKey)
                .min(Comparator.comparingInt(template -> template.split("\\{").length));
    }

    /** What is wrong with this answer to {@code method path} by the document; empty when it conforms. */
    public List<String> violations(String method, String template, int status, String contentType, String body) {
        String where = method + " " + template + " " + status;
        JsonNode responses = document.path("paths").path(template).path(method.toLowerCase(Locale.ROOT)).path("responses");
        JsonNode response = responses.has(String.valueOf(status)) ? responses.get(String.valueOf(status)) : responses.get("default");
        if (response == null) {
            return List.of(where + ": status not documented");
        }
        JsonNode content = response.path("content");
        if (content.isEmpty()) {
            return body == null || body.isEmpty() ? List.of() : List.of(where + ": a body where none is documented");
        }
        String mediaType = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!content.has(mediaType)) {
            return List.of(where + ": Content-Type " + contentType + " is not among " + content.properties().stream().map(Map.Entry::getKey).toList());
        }
        String ref = content.get(mediaType).path("schema").path("$ref").asText("");
        if (!ref.startsWith("#/")) {
            return List.of(where + ": the schema is not a reference to the document's components");
        }
        return validate(ref, body).stream().map(error -> where + ": " + error).toList();
    }

    /** The errors of a JSON text against the schema at a JSON pointer of the document. */
    public List<String> validate(String pointer, String body) {
        JsonNode instance;
        try {
            instance = JSON.readTree(body == null ? "" : body);
        } catch (IOException e) {
            return List.of("not JSON: " + e.getMessage());
        }
        if (instance == null || instance.isMissingNode()) {
            return List.of("no body");
        }
        Schema schema = registry.getSchema(SchemaLocation.of(IRI + pointer));
        List<String> errors = new ArrayList<>();
        for (Error error : schema.validate(instance)) {
            errors.add(error.toString());
        }
        return errors;
    }

    /** The errors of a JSON text against a named schema of the document's components. */
    public List<String> validateSchema(String name, String body) {
        return validate("#/components/schemas/" + name, body);
    }

}
