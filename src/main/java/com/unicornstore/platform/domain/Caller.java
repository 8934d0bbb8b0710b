package com.unicornstore.platform.domain;

import java.util.Set;

/**
 * Who is asking: a shopper acting on their own account, an integrator (a partner system or a
 * channel, by API key) acting within its scopes and accounts, or an operator. The name is what
 * the platform records as the principal of every change.
 */
public record Caller(String name, Kind kind, Set<String> scopes, Set<String> accounts) {

    /** The three kinds of users of the platform. */
    public enum Kind { SHOPPER, INTEGRATOR, OPERATOR }

    public Caller {
        scopes = Set.copyOf(scopes);
        accounts = Set.copyOf(accounts);
    }

    public static Caller shopper(String name) {
        return new Caller(name, Kind.SHOPPER, Set.of(), Set.of(name));
    }

    public boolean has(String scope) {
        return scopes.contains(scope);
    }

    /**
     * True when the caller may read or act on {@code accountId}: a shopper only on their own, an
     * integrator on any account unless its key is limited to some, an operator on every one.
     */
    public boolean mayActOn(String accountId) {
        return switch (kind) {
            case SHOPPER -> name.equals(accountId);
            case INTEGRATOR -> accounts.isEmpty() || accounts.contains(accountId);
            case OPERATOR -> true;
        };
    }
}
