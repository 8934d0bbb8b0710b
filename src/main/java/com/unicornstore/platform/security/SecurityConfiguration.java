package com.unicornstore.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.unicornstore.campaign.application.CampaignValidation;
import com.unicornstore.platform.domain.Scopes;
import org.springframework.security.authorization.AuthorizationDecision;
import jakarta.servlet.DispatcherType;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * The platform's security: API keys for integrators, HTTP Basic and the web store's session login
 * ({@link SessionLogin}, with CSRF) for shoppers and operators in local, JWT bearer tokens in aws,
 * the {@link AccessRules} table, problem+json 401/403, request limits, rate limits, CORS and headers.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    private static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            + "script-src 'self'; connect-src %s; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    /**
     * The web store's policy: scripts and connections from the store's own origin, and, when it logs
     * in at an identity provider, connections to the issuer (discovery document) and its token endpoint.
     */
    static String contentSecurityPolicy(JwtProperties jwt, WebClientProperties client) {
        Set<String> sources = new LinkedHashSet<>(List.of("'self'"));
        if (jwt.enabled() && client.enabled()) {
            for (String url : new String[] {jwt.issuerUri(), client.tokenEndpoint()}) {
                if (url != null && !url.isBlank()) {
                    URI uri = URI.create(url);
                    sources.add(uri.getScheme() + "://" + uri.getAuthority());
                }
            }
        }
        return String.format(CSP, String.join(" ", sources));
    }

    /** Registered on the context itself, so every route, REST routes included, names its HTTP caller. */
    @Bean
    org.apache.camel.spring.boot.CamelContextConfiguration callerRoutePolicy() {
        return new org.apache.camel.spring.boot.CamelContextConfiguration() {
            @Override
            public void beforeApplicationStart(org.apache.camel.CamelContext camel) {
                camel.addRoutePolicyFactory(new CallerRoutePolicy());
            }

            @Override
            public void afterApplicationStart(org.apache.camel.CamelContext camel) {
                // nothing to do once started
            }
        };
    }

    /** The security schemes and each operation's requirement in /api-doc, derived from {@link AccessRules}. */
    @Bean
    org.apache.camel.spring.boot.CamelContextConfiguration openApiSecurity() {
        return new OpenApiSecurity();
    }

    /**
     * No observation (with its span and tags) of each filter of the chain, of each authentication and
     * of each authorization, on every request: a profile's second hot spot after Camel's exchange
     * event notifier. The request keeps its own span and timer (http.server.requests), and Camel's.
     */
    @Bean
    static org.springframework.security.config.observation.SecurityObservationSettings securityObservationSettings() {
        return org.springframework.security.config.observation.SecurityObservationSettings.noObservations();
    }

    @Bean
    ServletProblems servletProblems(ObjectMapper json) {
        return new ServletProblems(json);
    }

    @Bean
    ApiKeys apiKeys(SecurityProperties properties, Environment environment, Optional<ApiKeyDirectory> directory) {
        ApiKeys keys = new ApiKeys(properties.apiKeys(), directory);
        if (environment.acceptsProfiles(Profiles.of("aws")) && (keys.anyClient(id -> id.startsWith(ApiKeys.DEMO_PREFIX))
                || !properties.users().isEmpty())) {
            throw new IllegalStateException("The aws profile refuses to start with demo users or local-* API keys "
                    + "configured (unicorn.security.users / api-keys): they exist only in the local profile.");
        }
        long campaignMinimum = 4L * CampaignValidation.MAX_DOCUMENT_CHARS; // UTF-8: up to four bytes a character
        if (properties.limits().maxCampaignBody().toBytes() < campaignMinimum) {
            throw new IllegalStateException("unicorn.security.limits.max-campaign-body must be at least "
                    + campaignMinimum + " bytes, or valid campaigns would be refused");
        }
        return keys;
    }

    @Bean
    UserDetailsService users(SecurityProperties properties) {
        List<UserDetails> users = new ArrayList<>();
        for (SecurityProperties.User user : properties.users()) {
            List<String> authorities = switch (user.role()) {
                case "operator" -> AccessRules.operatorAuthorities();
                case "shopper" -> List.of(AccessRules.SHOPPER);
                default -> throw new IllegalStateException("user " + user.username() + ": role must be shopper or operator");
            };
            users.add(User.withUsername(user.username()).password(user.passwordHash())
                    .authorities(authorities.toArray(String[]::new)).build());
        }
        return new InMemoryUserDetailsManager(users);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** First of all: nothing but the actuator is served before the platform has started (see StartingFilter). */
    @Bean
    FilterRegistrationBean<StartingFilter> starting(ApplicationAvailability availability, ServletProblems problems) {
        var registration = new FilterRegistrationBean<>(new StartingFilter(availability, problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
        return registration;
    }

    /** Before any other filter, the security chain included: hostile sizes and media types never reach it. */
    @Bean
    FilterRegistrationBean<RequestLimitsFilter> requestLimits(SecurityProperties properties, ServletProblems problems) {
        var registration = new FilterRegistrationBean<>(new RequestLimitsFilter(properties.limits(), problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, SecurityProperties properties, JwtProperties jwt,
            WebClientProperties webClient, ApiKeys keys, ServletProblems problems, SessionLogin sessionLogin,
            Environment environment) throws Exception {
        requireIssuerInAws(jwt, environment);
        AuthenticationEntryPoint unauthorized = new Unauthorized(problems, !properties.users().isEmpty(), jwt.enabled());
        AccessDeniedHandler forbidden = (request, response, denied) -> problems.write(response,
                denied instanceof CsrfException ? SessionLogin.csrfRefused() : ServletProblems.forbidden(), Map.of());
        if (jwt.enabled()) {
            http.oauth2ResourceServer(server -> server.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden)
                    .jwt(token -> token.decoder(JwtCallers.decoder(jwt)).jwtAuthenticationConverter(new JwtCallers(jwt))));
        }
        sessionLogin.applyTo(http);
        http.cors(cors -> cors.configurationSource(cors(properties.corsOrigins())))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy(jwt, webClient)))
                        .frameOptions(frame -> frame.deny()))
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthorized).realmName(Unauthorized.REALM))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
                .addFilterBefore(new ApiKeyAuthenticationFilter(keys, unauthorized, problems), BasicAuthenticationFilter.class)
                .addFilterBefore(new LoginThrottle(properties.rateLimits(), problems), UsernamePasswordAuthenticationFilter.class)
                .addFilterAfter(new CallerFilter(properties.rateLimits(), problems), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(this::rules);
        return http.build();
    }

    static void requireIssuerInAws(JwtProperties jwt, Environment environment) {
        if (environment.acceptsProfiles(Profiles.of("aws")) && !jwt.enabled()) {
            throw new IllegalStateException("The aws profile needs unicorn.security.jwt.issuer-uri (the Cognito user "
                    + "pool's issuer, https://cognito-idp.<region>.amazonaws.com/<pool id>): shoppers log in with its tokens.");
        }
    }

    private void rules(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry authorize) {
        // the async and error dispatches of a request already authorized on its way in
        authorize.dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll();
        for (AccessRules.Rule rule : AccessRules.all()) {
            var matcher = rule.method() == null ? authorize.requestMatchers(rule.pattern())
                    : authorize.requestMatchers(rule.method(), rule.pattern());
            if (rule.open()) {
                matcher.permitAll();
            } else if (rule.pattern().equals(AccessRules.CHANNEL_ORDERS)) {
                matcher.access((authentication, request) -> new AuthorizationDecision(authentication.get()
                        .getAuthorities().stream().anyMatch(granted -> granted.getAuthority().equals(AccessRules
                                .scopeAuthority(Scopes.CHANNEL_PREFIX + request.getVariables().get("name"))))));
            } else {
                matcher.hasAnyAuthority(rule.authorities());
            }
        }
        authorize.requestMatchers(AccessRules::isWebStorePage).permitAll();
        authorize.anyRequest().authenticated();
    }

    private static UrlBasedCorsConfigurationSource cors(List<String> origins) {
        CorsConfiguration configuration = new CorsConfiguration();
        configuration.setAllowedOrigins(origins);
        configuration.setAllowedMethods(List.of("GET", "POST", "PATCH", "DELETE"));
        configuration.setAllowedHeaders(List.of("Content-Type", "Authorization", "X-Api-Key", "Idempotency-Key",
                "X-XSRF-TOKEN", "If-Match"));
        configuration.setExposedHeaders(List.of("Retry-After", "Idempotency-Replayed", "Location", "ETag"));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", configuration);
        return source;
    }
}
