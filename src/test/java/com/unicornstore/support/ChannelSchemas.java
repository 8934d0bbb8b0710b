package com.unicornstore.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

/**
 * A channel body schema of {@code docs/schemas/} (networknt json-schema-validator, JSON Schema
 * 2020-12): its documented {@code examples}, and documents that each break one constraint it
 * states (a required field missing, a value of the wrong type, out of range, too long or too short,
 * off its pattern or enum), made from its first example. Each example is checked valid and each
 * breach invalid by the schema itself, so a test that feeds them to the code checks the code
 * against the schema, not against a guess.
 */
public final class ChannelSchemas {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern MAX_LENGTH = Pattern.compile("\\{(\\d+),(\\d+)}\\$$");

    private final String name;
    private final JsonNode document;
    private final Schema schema;

    private ChannelSchemas(String name, JsonNode document) {
        this.name = name;
        this.document = document;
        SchemaRegistryConfig config = SchemaRegistryConfig.builder().locale(Locale.ENGLISH).build();
        this.schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaRegistryConfig(config)).getSchema(document.toString(), InputFormat.JSON);
    }

    /** docs/schemas/{name}.schema.json, read from the project's folder. */
    public static ChannelSchemas load(String name) {
        Path file = Path.of("docs", "schemas", name + ".schema.json");
        try {
            return new ChannelSchemas(name, JSON.readTree(Files.readString(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(file.toString(), e);
        }
    }

    /** What the schema finds wrong with a document; empty when it conforms. */
    public List<String> errors(JsonNode instance) {
        return schema.validate(instance).stream().map(Error::toString).toList();
    }

    /** The schema's documented examples, each valid by the schema (else this throws). */
    public List<ObjectNode> examples() {
        List<ObjectNode> examples = StreamSupport.stream(document.path("examples").spliterator(), false)
                .map(example -> (ObjectNode) example).toList();
        if (examples.isEmpty()) {
            throw new IllegalStateException(name + " documents no examples");
        }
        for (ObjectNode example : examples) {
            if (!errors(example).isEmpty()) {
                throw new IllegalStateException(name + " example " + example + " breaks its schema: " + errors(example));
            }
        }
        return examples;
    }

    /** A document breaking one constraint of one field. */
    public record Breach(String field, String constraint, ObjectNode document) {
        @Override
        public String toString() {
            return field + " " + constraint + ": " + document;
        }
    }

    /** One document per constraint the schema states, each invalid by the schema (else this throws). */
    public List<Breach> breaches() {
        ObjectNode base = examples().get(0);
        List<Breach> breaches = new ArrayList<>();
        document.path("required").forEach(field -> breaches.add(
                new Breach(field.asText(), "missing", without(base, field.asText()))));
        for (Map.Entry<String, JsonNode> property : document.path("properties").properties()) {
            String field = property.getKey();
            JsonNode rules = property.getValue();
            String type = rules.path("type").asText();
            if (type.equals("string")) {
                breaches.add(with(base, field, "of the wrong type", JSON.valueToTree(5)));
                stringLengths(base, field, rules.path("pattern").asText(), breaches);
            } else if (type.equals("integer")) {
                breaches.add(with(base, field, "of the wrong type", JSON.valueToTree("1")));
                breaches.add(with(base, field, "not a whole number", JSON.valueToTree(1.5)));
                if (rules.has("minimum")) {
                    breaches.add(with(base, field, "below its minimum", JSON.valueToTree(rules.get("minimum").asLong() - 1)));
                }
                if (rules.has("maximum")) {
                    breaches.add(with(base, field, "above its maximum", JSON.valueToTree(rules.get("maximum").asLong() + 1)));
                }
            } else if (rules.has("enum")) {
                breaches.add(with(base, field, "outside its enum", JSON.valueToTree("Unknown")));
            }
        }
        for (Breach breach : breaches) {
            if (errors(breach.document()).isEmpty()) {
                throw new IllegalStateException(name + ": the schema accepts the breach " + breach);
            }
        }
        return breaches;
    }

    /** Too long and too short by a pattern's {@code {min,max}$} length, and one character off its pattern. */
    private static void stringLengths(ObjectNode base, String field, String pattern, List<Breach> breaches) {
        Matcher length = MAX_LENGTH.matcher(pattern);
        if (length.find()) {
            int min = Integer.parseInt(length.group(1));
            int max = Integer.parseInt(length.group(2));
            breaches.add(with(base, field, "too long", JSON.valueToTree("a".repeat(max + 1))));
            if (min > 0) {
                breaches.add(with(base, field, "too short", JSON.valueToTree("a".repeat(min - 1))));
            }
        }
        if (!pattern.isEmpty()) {
            breaches.add(with(base, field, "off its pattern", JSON.valueToTree("a b")));
        }
    }

    private static ObjectNode without(ObjectNode base, String field) {
        ObjectNode copy = base.deepCopy();
        copy.remove(field);
        return copy;
    }

    private static Breach with(ObjectNode base, String field, String constraint, JsonNode value) {
        ObjectNode copy = base.deepCopy();
        copy.set(field, value);
        return new Breach(field, constraint, copy);
    }
}
