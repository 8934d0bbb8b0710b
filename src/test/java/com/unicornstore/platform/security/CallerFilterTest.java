package com.unicornstore.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/** Rate limits per kind of caller come from configuration: each role's own number a minute, per principal. */
class CallerFilterTest {

    private final CallerFilter filter = new CallerFilter(new SecurityProperties.RateLimits(100, 2, 100, 3, 10, 30, 100),
            new ServletProblems(new ObjectMapper()));

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void a_shopper_and_an_operator_each_get_their_roles_configured_limit() throws Exception {
        assertThat(statuses("derick", AccessRules.SHOPPER, 4)).containsExactly(200, 200, 429, 429);
        assertThat(statuses("alice", AccessRules.SHOPPER, 3)).as("another shopper has a bucket of her own")
                .containsExactly(200, 200, 429);
        assertThat(statuses("admin", AccessRules.OPERATOR_ROLE, 4)).containsExactly(200, 200, 200, 429);
    }

    private List<Integer> statuses(String user, String authority, int requests) throws Exception {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                    user, null, AuthorityUtils.createAuthorityList(authority)));
            MockHttpServletResponse response = new MockHttpServletResponse();
            filter.doFilter(new MockHttpServletRequest("GET", "/points"), response, new MockFilterChain());
            statuses.add(response.getStatus());
            if (response.getStatus() == 429) {
                assertThat(response.getHeader("Retry-After")).isNotNull();
            }
        }
        return statuses;
    }
}
