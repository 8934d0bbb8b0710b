package com.unicornstore.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Failed session logins are limited per user name and per client address; a login that succeeds does not count. */
class LoginThrottleTest {

    private final LoginThrottle throttle = new LoginThrottle(new SecurityProperties.RateLimits(100, 100, 100, 100, 2, 3, 100),
            new ServletProblems(new ObjectMapper()));

    @Test
    void guessing_one_users_password_is_refused_with_429_and_retry_after_past_the_users_limit() throws Exception {
        assertThat(attempts("derick", "10.0.0.1", 401, 3)).containsExactly(401, 401, 429);
        assertThat(attempts("DERICK ", "10.0.0.9", 401, 1)).as("the same name, however written, from elsewhere").containsExactly(429);
    }

    @Test
    void guessing_many_users_passwords_from_one_address_is_refused_past_the_addresss_limit() throws Exception {
        List<Integer> statuses = new ArrayList<>();
        for (String user : List.of("u1", "u2", "u3", "u4")) {
            statuses.addAll(attempts(user, "10.0.0.2", 401, 1));
        }
        assertThat(statuses).containsExactly(401, 401, 401, 429);
        assertThat(attempts("u5", "10.0.0.3", 401, 1)).as("another address").containsExactly(401);
    }

    @Test
    void logins_that_succeed_do_not_count_against_the_limits() throws Exception {
        assertThat(attempts("alice", "10.0.0.4", 200, 6)).containsOnly(200);
    }

    @Test
    void other_requests_are_not_counted() throws Exception {
        for (int i = 0; i < 5; i++) {
            MockHttpServletResponse response = new MockHttpServletResponse();
            throttle.doFilter(new MockHttpServletRequest("GET", "/login"), response, new MockFilterChain());
            assertThat(response.getStatus()).isEqualTo(200);
        }
    }

    private List<Integer> attempts(String user, String address, int answer, int count) throws Exception {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            MockHttpServletRequest request = new MockHttpServletRequest("POST", SessionLogin.LOGIN);
            request.setRemoteAddr(address);
            request.setParameter("username", user);
            MockHttpServletResponse response = new MockHttpServletResponse();
            throttle.doFilter(request, response, (req, res) -> ((MockHttpServletResponse) res).setStatus(answer));
            statuses.add(response.getStatus());
            if (response.getStatus() == 429) {
                assertThat(response.getHeader("Retry-After")).isNotNull();
                assertThat(response.getContentType()).startsWith("application/problem+json");
            }
        }
        return statuses;
    }
}
