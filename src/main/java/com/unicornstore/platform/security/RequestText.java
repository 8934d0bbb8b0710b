package com.unicornstore.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * The two checks of a request's text that Tomcat and Spring Security would otherwise make only
 * when a route reads it, on a thread where the failure can only become a 500: the body decodes in
 * its charset (Tomcat's reader refuses malformed input), and the URL and every query parameter name
 * and value pass the firewall the security chain applies (whose own refusal of a URL is Spring's
 * error JSON, not a problem document).
 */
final class RequestText {

    private static final StrictHttpFirewall FIREWALL = new StrictHttpFirewall();

    private RequestText() {}

    /** Why the URL or a query parameter is refused, or null. */
    static String parameterRefusal(HttpServletRequest request) {
        try {
            FIREWALL.getFirewalledRequest(request).getParameterMap().forEach((name, values) -> { });
            return null;
        } catch (RequestRejectedException rejected) {
            return rejected.getMessage();
        }
    }

    /** Why the body is refused, or null. */
    static String bodyRefusal(HttpServletRequest request, byte[] body) {
        Charset charset;
        try {
            charset = charset(request);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException unknown) {
            return "The charset " + request.getCharacterEncoding() + " is not supported: send UTF-8.";
        }
        try {
            charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body));
            return null;
        } catch (CharacterCodingException malformed) {
            return "The body is not " + charset.name() + " text.";
        }
    }

    /** The body's declared charset; UTF-8, JSON's, when none is declared. */
    static Charset charset(HttpServletRequest request) {
        String declared = request.getCharacterEncoding();
        return declared == null ? StandardCharsets.UTF_8 : Charset.forName(declared);
    }
}
