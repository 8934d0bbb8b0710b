package com.unicornstore.load;

import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Reads every page of a paginated list ({@code {"items","next_cursor"}}) into a session attribute,
 * and judges the whole list on its last page: the last page's check passes only when {@code verdict}
 * answers {@link #OK}, so a difference is a failed check in the report, with its description.
 */
final class Pages {

    /** What a verdict answers when the list is as it must be. */
    static final String OK = "ok";
    private static final int PAGE_SIZE = 100;
    private static final int MAX_PAGES = 1000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private Pages() {}

    /**
     * GET {@code path}?{@code parameter}={@code valueAttribute}'s value, page after page, into the
     * attribute {@code into} (a list of items), then {@code verdict} on all the items.
     */
    static ChainBuilder all(String name, String path, String parameter, String valueAttribute, String into,
            BiFunction<List<JsonNode>, Session, String> verdict) {
        String page = into + ".page";
        String cursor = into + ".cursor";
        String last = into + ".last";
        String pages = into + ".pages";
        return exec(session -> session.set(into, List.of()).remove(cursor).remove(page).remove(last))
                .asLongAs(session -> !session.contains(last), pages).on(exec(
                        http(name).get(path).queryParamMap(session -> query(session, parameter, valueAttribute, cursor))
                                .check(status().is(200), bodyString().saveAs(page),
                                        bodyString().transformWithSession((body, session) ->
                                                judge(body, session, into, verdict)).is(OK)))
                        .exec(session -> next(session, into, page, cursor, last, pages)))
                .exec(session -> session.remove(last).remove(cursor));
    }

    private static Map<String, Object> query(Session session, String parameter, String valueAttribute, String cursor) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put(parameter, session.getString(valueAttribute));
        query.put("limit", PAGE_SIZE);
        if (session.contains(cursor)) {
            query.put("cursor", session.getString(cursor));
        }
        return query;
    }

    /** Adds the page's items and moves the cursor on; the last page, a failed read or too many pages end the loop. */
    private static Session next(Session session, String into, String page, String cursor, String last, String pages) {
        JsonNode body = session.contains(page) ? parse(session.getString(page)) : null;
        if (body == null || !body.hasNonNull("next_cursor") || session.getInt(pages) >= MAX_PAGES) {
            return session.set(into, withPage(session.getList(into), body)).set(last, true).remove(page);
        }
        return session.set(into, withPage(session.getList(into), body)).set(cursor, body.get("next_cursor").asText())
                .remove(page);
    }

    private static String judge(String body, Session session, String into, BiFunction<List<JsonNode>, Session, String> verdict) {
        JsonNode page = parse(body);
        if (page.hasNonNull("next_cursor")) {
            return OK;
        }
        return verdict.apply(withPage(session.getList(into), page), session);
    }

    private static List<JsonNode> withPage(List<Object> items, JsonNode page) {
        List<JsonNode> all = new ArrayList<>();
        items.forEach(item -> all.add((JsonNode) item));
        if (page != null && page.has("items")) {
            page.get("items").forEach(all::add);
        }
        return all;
    }

    static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
