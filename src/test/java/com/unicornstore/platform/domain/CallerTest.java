package com.unicornstore.platform.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class CallerTest {

    @Test
    void a_shopper_acts_only_on_their_own_account() {
        Caller derick = Caller.shopper("derick");

        assertThat(derick.mayActOn("derick")).isTrue();
        assertThat(derick.mayActOn("alice")).isFalse();
    }

    @Test
    void an_integrator_key_limited_to_accounts_acts_on_those_only_and_an_unlimited_one_on_all() {
        Caller limited = new Caller("partner", Caller.Kind.INTEGRATOR, Set.of("points:read"), Set.of("alice"));
        Caller unlimited = new Caller("partner", Caller.Kind.INTEGRATOR, Set.of("points:read"), Set.of());

        assertThat(limited.mayActOn("alice")).isTrue();
        assertThat(limited.mayActOn("bob")).isFalse();
        assertThat(unlimited.mayActOn("bob")).isTrue();
    }

    @Test
    void scopes_are_known_by_name_and_channels_by_their_prefix() {
        assertThat(Scopes.isKnown("points:write")).isTrue();
        assertThat(Scopes.isKnown("channel:partner-orders")).isTrue();
        assertThat(Scopes.isKnown("channel:")).isFalse();
        assertThat(Scopes.isKnown("root")).isFalse();
    }
}
