package com.unicornstore.platform.security;

import com.unicornstore.platform.domain.Scopes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.camel.CamelContext;
import org.apache.camel.model.Model;
import org.apache.camel.model.rest.RestDefinition;
import org.apache.camel.model.rest.SecurityDefinition;
import org.apache.camel.model.rest.VerbDefinition;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.http.HttpMethod;

/**
 * Declares in the REST DSL, and so in {@code /api-doc}, the security schemes (API key header
 * {@code X-Api-Key}, HTTP Basic, bearer JWT) and each operation's requirement, derived from
 * {@link AccessRules} so the document cannot drift from what is enforced: one alternative per
 * scope that lets an integrator in, and Basic or a bearer token where shoppers or operators may
 * call. A public operation declares none.
 */
final class OpenApiSecurity implements CamelContextConfiguration {

    static final String API_KEY = "ApiKey";
    static final String BASIC = "Basic";
    static final String BEARER = "Bearer";

    /** The REST definitions are in the model by now, and the OpenAPI document is rendered when the context starts. */
    @Override
    public void beforeApplicationStart(CamelContext camel) {
        List<RestDefinition> rests = camel.getCamelContextExtension().getContextPlugin(Model.class).getRestDefinitions();
        if (rests.isEmpty()) {
            return;
        }
        rests.get(0).securityDefinitions()
                .apiKey(API_KEY, "Integrators: the API key, bound to a client id and scopes").withHeader(ApiKeyAuthenticationFilter.HEADER).end()
                .basicAuth(BASIC, "Shoppers and operators of the local profile")
                .bearerToken(BEARER, "Shoppers and operators of the aws profile: a Cognito token", "JWT")
                .end();
        for (RestDefinition rest : rests) {
            for (VerbDefinition verb : rest.getVerbs()) {
                String path = (rest.getPath() == null ? "" : rest.getPath()) + (verb.getPath() == null ? "" : verb.getPath());
                HttpMethod method = HttpMethod.valueOf(verb.asVerb().toUpperCase(Locale.ROOT));
                verb.setSecurity(requirements(AccessRules.ruleFor(method, path.replaceAll("\\{[^}]+}", "x"))));
            }
        }
    }

    @Override
    public void afterApplicationStart(CamelContext camel) {
        // nothing to do once started
    }

    /** The alternatives that let a caller in (OpenAPI: any one of them suffices); none for a public rule. */
    static List<SecurityDefinition> requirements(AccessRules.Rule rule) {
        List<SecurityDefinition> alternatives = new ArrayList<>();
        if (rule != null && rule.open()) {
            return alternatives;
        }
        List<String> scopes = rule == null ? List.of() : rule.scopes();
        if (scopes.isEmpty()) {
            alternatives.add(requirement(API_KEY, null));
        }
        scopes.forEach(scope -> alternatives.add(requirement(API_KEY, scope)));
        boolean logins = rule == null || rule.shoppers() || scopes.contains(Scopes.OPERATOR) || scopes.contains(Scopes.CAMPAIGNS_ADMIN);
        if (logins) {
            alternatives.add(requirement(BASIC, null));
            alternatives.add(requirement(BEARER, null));
        }
        return alternatives;
    }

    private static SecurityDefinition requirement(String scheme, String scope) {
        SecurityDefinition requirement = new SecurityDefinition();
        requirement.setKey(scheme);
        requirement.setScopes(scope);
        return requirement;
    }
}
