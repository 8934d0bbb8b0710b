package com.unicornstore.platform.security;

import com.unicornstore.platform.domain.Caller;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.camel.Exchange;

/** Who the caller is, as {@code GET /me} and the session login answer it: principal, kind, account_id, scopes. */
public final class CallerViews {

    /** {@code GET /me}: the authenticated caller of the exchange (the access rules let no one else in). */
    public Map<String, Object> me(Exchange exchange) {
        return view(Callers.of(exchange).orElseThrow(() -> new IllegalStateException("GET /me reached without a caller")));
    }

    static Map<String, Object> view(Caller caller) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("principal", caller.name());
        view.put("kind", caller.kind().name().toLowerCase(Locale.ROOT));
        if (caller.kind() == Caller.Kind.SHOPPER) {
            view.put("account_id", caller.name());
        }
        view.put("scopes", caller.scopes().stream().sorted().toList());
        return view;
    }
}
