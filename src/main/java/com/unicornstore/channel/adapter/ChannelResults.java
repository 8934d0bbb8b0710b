package com.unicornstore.channel.adapter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.unicornstore.platform.web.Problem;
import com.unicornstore.platform.web.ProblemMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;

/**
 * Result lines of channels that answer in files (one JSON object per input line): {@code ok} with
 * the transaction or purchase id, or {@code error} with the problem's code, detail and bad fields.
 * Written here, so no value from the input can break a line's JSON.
 */
public final class ChannelResults {

    private final ObjectMapper json;
    private final ProblemMapper problems;

    public ChannelResults(ObjectMapper json, ProblemMapper problems) {
        this.json = json;
        this.problems = problems;
    }

    /** The line of an input line the entry point answered (its JSON answer in the body). */
    public String resultLine(Exchange exchange) throws JsonProcessingException {
        JsonNode answer = json.readTree(exchange.getMessage().getBody(String.class));
        Map<String, Object> line = start(exchange, "ok");
        line.put("id", answer.has("id") ? answer.get("id").asText() : answer.path("purchase_id").asText(null));
        return json.writeValueAsString(line);
    }

    /** The line of an input line the platform refused, with the reason. */
    public String failureLine(Exchange exchange) throws JsonProcessingException {
        Problem problem = problems.toProblem(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class));
        Map<String, Object> line = start(exchange, "error");
        line.put("error", problem.type().substring(problem.type().lastIndexOf('/') + 1));
        line.put("detail", problem.detail());
        Object errors = problem.extensions().get("errors");
        if (errors != null) {
            line.put("errors", errors);
        }
        return json.writeValueAsString(line);
    }

    /** The results file: the result lines in input order, blank input lines left out. */
    public String resultsFile(List<?> lines) {
        return lines.stream().filter(Objects::nonNull).map(Object::toString).filter(line -> line.startsWith("{"))
                .collect(Collectors.joining("\n", "", "\n"));
    }

    private static Map<String, Object> start(Exchange exchange, String status) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("line", exchange.getProperty(Exchange.SPLIT_INDEX, 0, Integer.class) + 1);
        line.put("status", status);
        return line;
    }
}
