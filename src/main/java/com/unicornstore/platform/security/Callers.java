package com.unicornstore.platform.security;

import com.unicornstore.platform.domain.Caller;
import com.unicornstore.platform.domain.Rejection;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.component.platform.http.PlatformHttpEndpoint;
import org.apache.camel.component.platform.http.springboot.PlatformHttpMessage;

/**
 * The caller of an exchange, for the routes. An HTTP exchange carries the caller the security
 * filters authenticated; exchanges from queues, timers and sagas are the platform's own and have
 * none. Checks that a caller may act on an account are made here, in one place.
 */
public final class Callers {

    /** Exchange property holding the {@link Caller} of an HTTP request. */
    public static final String PROPERTY = "unicorn.caller";

    private Callers() {}

    /**
     * The caller of an HTTP exchange: read from the request the security filters authenticated
     * (routes run on other threads than theirs), then kept on the exchange.
     */
    public static Optional<Caller> of(Exchange exchange) {
        Caller known = exchange.getProperty(PROPERTY, Caller.class);
        if (known == null && exchange.getIn() instanceof PlatformHttpMessage http && http.getRequest() != null
                && http.getRequest().getAttribute(CallerFilter.ATTRIBUTE) instanceof Caller caller) {
            exchange.setProperty(PROPERTY, caller);
            known = caller;
        }
        return Optional.ofNullable(known);
    }

    /** The caller's name to record as the principal of a change; {@code system} for the platform's own work. */
    public static String principal(Exchange exchange) {
        return of(exchange).map(Caller::name).orElse("system");
    }

    /**
     * Refuses (403) an HTTP caller that may not act on {@code accountId}: a shopper naming someone
     * else's account, or a key limited to other accounts. The platform's own exchanges pass.
     */
    public static void requireAccount(Exchange exchange, String accountId) {
        if (!isHttp(exchange)) {
            return;
        }
        Caller caller = of(exchange).orElse(null);
        if (caller == null || !caller.mayActOn(accountId)) {
            throw new Rejection(Rejection.Kind.FORBIDDEN, "forbidden",
                    "Your credentials do not allow acting on account " + accountId + ".");
        }
    }

    /** True when an HTTP caller may see something that belongs to {@code accountId}; used to answer 404 rather than 403. */
    public static boolean maySee(Exchange exchange, String accountId) {
        return !isHttp(exchange) || of(exchange).map(caller -> caller.mayActOn(accountId)).orElse(false);
    }

    private static boolean isHttp(Exchange exchange) {
        return exchange.getFromEndpoint() instanceof PlatformHttpEndpoint;
    }
}
