package com.unicornstore.points.adapter;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows of strings and whole numbers packed into one string attribute, as a JSON array of arrays
 * ({@code [["a",1,null],...]}). A list of maps costs DynamoDB (and moto, whose one thread every
 * request waits for) one value object per field on every read and write; one string costs one.
 * Used for the per-account state that is read or rewritten whole: snapshots and balance views.
 */
final class PackedRows {

    private static final JsonFactory JSON = new JsonFactory();

    private PackedRows() {}

    /** Packs rows whose fields are {@link String}, {@link Long} (or another whole number) or null. */
    static String pack(List<List<Object>> rows) {
        StringWriter out = new StringWriter(rows.size() * 64 + 2);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartArray();
            for (List<Object> row : rows) {
                json.writeStartArray();
                for (Object field : row) {
                    if (field == null) {
                        json.writeNull();
                    } else if (field instanceof Number number) {
                        json.writeNumber(number.longValue());
                    } else {
                        json.writeString(field.toString());
                    }
                }
                json.writeEndArray();
            }
            json.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The rows of a packed string; fields come back as String, Long or null. */
    static List<Row> unpack(String packed) {
        List<Row> rows = new ArrayList<>();
        try (JsonParser json = JSON.createParser(packed)) {
            expect(json.nextToken(), JsonToken.START_ARRAY);
            for (JsonToken token = json.nextToken(); token != JsonToken.END_ARRAY; token = json.nextToken()) {
                expect(token, JsonToken.START_ARRAY);
                List<Object> fields = new ArrayList<>(6);
                for (JsonToken field = json.nextToken(); field != JsonToken.END_ARRAY; field = json.nextToken()) {
                    fields.add(switch (field) {
                        case VALUE_NULL -> null;
                        case VALUE_NUMBER_INT -> json.getLongValue();
                        case VALUE_STRING -> json.getText();
                        default -> throw new IllegalArgumentException("packed rows hold only strings and numbers: " + field);
                    });
                }
                rows.add(new Row(fields));
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("packed rows are not readable: " + e.getMessage(), e);
        }
        return rows;
    }

    private static void expect(JsonToken found, JsonToken expected) {
        if (found != expected) {
            throw new IllegalArgumentException("packed rows: expected " + expected + ", found " + found);
        }
    }

    /** One unpacked row; a field beyond its end reads as null, so rows may gain fields later. */
    record Row(List<Object> fields) {

        String string(int index) {
            Object field = field(index);
            if (!(field instanceof String text)) {
                throw new IllegalArgumentException("packed field " + index + " is not a string: " + field);
            }
            return text;
        }

        String optionalString(int index) {
            return field(index) == null ? null : string(index);
        }

        long number(int index) {
            Object field = field(index);
            if (!(field instanceof Long number)) {
                throw new IllegalArgumentException("packed field " + index + " is not a whole number: " + field);
            }
            return number;
        }

        private Object field(int index) {
            return index < fields.size() ? fields.get(index) : null;
        }
    }
}
