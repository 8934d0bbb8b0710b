package com.unicornstore.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The operations the running platform's OpenAPI document ({@code /api-doc}) declares, as "METHOD /path/{param}". */
public final class OpenApiOperations {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    private OpenApiOperations() {}

    public static List<String> of(int port) {
        JsonNode paths = Api.anonymous(port).get("/api-doc").json().get("paths");
        List<String> operations = new ArrayList<>();
        paths.fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
            if (METHODS.contains(method)) {
                operations.add(method.toUpperCase() + " " + path.getKey());
            }
        }));
        return operations;
    }

    /** A concrete path for an operation's template: every {param} filled with {@code value}. */
    public static String[] request(String operation, String value) {
        String[] parts = operation.split(" ", 2);
        return new String[] {parts[0], parts[1].replaceAll("\\{[^}]+}", value)};
    }
}
