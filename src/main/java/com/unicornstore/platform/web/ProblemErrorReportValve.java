package com.unicornstore.platform.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;

/**
 * Tomcat's own error answers (a request line or headers over the limit, a malformed request that
 * never reaches Spring) as problem documents instead of Tomcat's HTML page, so that every error
 * of the platform is {@code application/problem+json}.
 */
public final class ProblemErrorReportValve extends ErrorReportValve {

    public ProblemErrorReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable failure) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        String code = status == 400 ? "invalid-request" : status >= 500 ? "internal-error" : "http-" + status;
        String body = "{\"type\":\"https://unicorn.store/problems/" + code + "\",\"title\":\"" + title
                + "\",\"status\":" + status + ",\"detail\":\"The server refused the request before reading it: "
                + title + ".\"}";
        try {
            response.setContentType(Problem.MEDIA_TYPE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException ignored) {
            // the client is gone, or the response was taken over: nothing more to say
        }
    }
}
