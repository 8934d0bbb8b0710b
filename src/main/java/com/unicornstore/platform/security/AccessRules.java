package com.unicornstore.platform.security;

import static com.unicornstore.platform.domain.Scopes.CAMPAIGNS_ADMIN;
import static com.unicornstore.platform.domain.Scopes.CAMPAIGNS_READ;
import static com.unicornstore.platform.domain.Scopes.OPERATOR;
import static com.unicornstore.platform.domain.Scopes.POINTS_READ;
import static com.unicornstore.platform.domain.Scopes.POINTS_WRITE;
import static com.unicornstore.platform.domain.Scopes.PURCHASES_REFUND;
import static com.unicornstore.platform.domain.Scopes.PURCHASES_WRITE;

import com.unicornstore.platform.domain.Scopes;
import com.unicornstore.platform.web.ApiPaths;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.util.AntPathMatcher;

/**
 * The whole rule set of who may call what, in one table (the README's Security table is this
 * one). A rule names a method and path pattern and who passes: the public, shoppers (on their own
 * account only: the routes check the account), and the scopes that let an integrator or operator
 * in. Then the web store's pages are public; whatever else no rule names needs an authenticated caller.
 */
public final class AccessRules {

    /** Authority of a logged-in shopper. */
    public static final String SHOPPER = "ROLE_SHOPPER";
    /** Authority of an operator (beside the operator's scopes). */
    public static final String OPERATOR_ROLE = "ROLE_OPERATOR";

    /** One row: {@code method} null means every method; an empty {@code scopes} with {@code shoppers} false and {@code open} false is operator-only. */
    public record Rule(HttpMethod method, String pattern, boolean open, boolean shoppers, List<String> scopes) {

        /** The Spring authorities that pass this rule. */
        public String[] authorities() {
            List<String> authorities = new ArrayList<>();
            if (shoppers) {
                authorities.add(SHOPPER);
            }
            scopes.forEach(scope -> authorities.add(scopeAuthority(scope)));
            return authorities.toArray(String[]::new);
        }
    }

    /** The webhook channel's path; its rule needs the scope of the channel the path names. */
    public static final String CHANNEL_ORDERS = "/channels/{name}/orders";

    private AccessRules() {}

    public static String scopeAuthority(String scope) {
        return "SCOPE_" + scope;
    }

    /** What an operator holds, however logged in: the operator role and the scopes operator and campaigns:admin. */
    public static List<String> operatorAuthorities() {
        return List.of(OPERATOR_ROLE, scopeAuthority(OPERATOR), scopeAuthority(CAMPAIGNS_ADMIN));
    }

    public static List<Rule> all() {
        return List.of(
                scoped(HttpMethod.POST, "/products", OPERATOR),
                scoped(HttpMethod.PATCH, "/products/*", OPERATOR),
                scoped(HttpMethod.POST, "/products/*/restock", OPERATOR),
                scoped(HttpMethod.POST, "/wallets/*/adjust", OPERATOR),
                open(HttpMethod.GET, "/products"),
                open(HttpMethod.GET, "/products/*"),
                open(HttpMethod.GET, "/images/**"),
                open(HttpMethod.GET, "/actuator/health"),
                open(HttpMethod.GET, "/actuator/health/*"),
                open(HttpMethod.GET, "/livez"),
                open(HttpMethod.GET, "/readyz"),
                open(HttpMethod.GET, "/api-doc"),
                open(HttpMethod.GET, "/api-doc/ui/**"),
                open(HttpMethod.GET, "/auth/config"),
                scoped(null, "/actuator/**", OPERATOR),
                shoppersAnd(HttpMethod.GET, "/users/balance/*", PURCHASES_WRITE, OPERATOR),
                scoped(null, "/points/projection/**", OPERATOR),
                shoppersAnd(HttpMethod.GET, "/points", POINTS_READ, OPERATOR),
                shoppersAnd(HttpMethod.GET, "/points/history", POINTS_READ, OPERATOR),
                scoped(HttpMethod.POST, "/points", POINTS_WRITE),
                shoppersAnd(HttpMethod.DELETE, "/points", POINTS_WRITE),
                scoped(HttpMethod.POST, "/purchase/*/refund", PURCHASES_REFUND, OPERATOR),
                shoppersAnd(HttpMethod.POST, "/purchase", PURCHASES_WRITE),
                shoppersAnd(HttpMethod.GET, "/purchase/*", PURCHASES_WRITE, PURCHASES_REFUND, OPERATOR),
                shoppersAnd(HttpMethod.GET, "/purchases", PURCHASES_WRITE, PURCHASES_REFUND, OPERATOR),
                scoped(HttpMethod.POST, "/campaigns/*/evaluate", CAMPAIGNS_READ, CAMPAIGNS_ADMIN),
                scoped(HttpMethod.GET, "/campaigns", CAMPAIGNS_READ, CAMPAIGNS_ADMIN),
                scoped(HttpMethod.GET, "/campaigns/*", CAMPAIGNS_READ, CAMPAIGNS_ADMIN),
                scoped(null, "/campaigns/**", CAMPAIGNS_ADMIN),
                scoped(null, "/campaigns", CAMPAIGNS_ADMIN),
                scoped(HttpMethod.GET, "/sagas", OPERATOR),
                scoped(null, "/sagas/**", OPERATOR),
                scoped(null, "/dead-letters/**", OPERATOR),
                scoped(null, "/dead-letters", OPERATOR),
                // the channel's own scope, channel:{name} (SecurityConfiguration reads the path's name)
                scoped(HttpMethod.POST, CHANNEL_ORDERS, Scopes.CHANNEL_PREFIX + "{name}"));
    }

    /**
     * A page of the web store, public: any GET outside the API paths (the SPA's files, and its deep
     * links, which fall back to index.html). Checked after every rule of {@link #all()}.
     */
    public static boolean isWebStorePage(HttpServletRequest request) {
        return "GET".equals(request.getMethod()) && !ApiPaths.isApi(request.getRequestURI());
    }

    /** The first rule naming this request (as Spring Security picks it), or null: any authenticated caller. */
    public static Rule ruleFor(HttpMethod method, String path) {
        AntPathMatcher paths = new AntPathMatcher();
        return all().stream().filter(rule -> (rule.method() == null || rule.method().equals(method))
                && paths.match(rule.pattern(), path)).findFirst().orElse(null);
    }

    private static Rule open(HttpMethod method, String pattern) {
        return new Rule(method, pattern, true, false, List.of());
    }

    private static Rule scoped(HttpMethod method, String pattern, String... scopes) {
        return new Rule(method, pattern, false, false, List.of(scopes));
    }

    private static Rule shoppersAnd(HttpMethod method, String pattern, String... scopes) {
        return new Rule(method, pattern, false, true, List.of(scopes));
    }
}
