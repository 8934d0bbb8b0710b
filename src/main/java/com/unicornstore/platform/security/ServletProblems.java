package com.unicornstore.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.unicornstore.platform.web.Problem;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/** Writes a problem document straight to the servlet response, for refusals made before any route runs. */
public final class ServletProblems {

    private final ObjectMapper json;

    public ServletProblems(ObjectMapper json) {
        this.json = json;
    }

    public void write(HttpServletResponse response, Problem problem, Map<String, String> headers) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(problem.status());
        headers.forEach(response::setHeader);
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem.asMap());
    }

    public static Problem unauthorized() {
        return Problem.of(401, "unauthorized", "Unauthorized",
                "Authenticate with an X-Api-Key header (integrators), HTTP Basic or a session (shoppers, operators).");
    }

    public static Problem forbidden() {
        return Problem.of(403, "forbidden", "Forbidden", "Your credentials do not allow this operation.");
    }
}
