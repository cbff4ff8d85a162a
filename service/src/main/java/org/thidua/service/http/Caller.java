package org.thidua.service.http;

import java.util.Set;

/**
 * Who made a request: the name of their token, or {@value #ANONYMOUS} when the service runs without tokens.
 *
 * @param units the units a token with the role {@link Role#UNIT} speaks for; empty otherwise
 */
public record Caller(String name, Set<Role> roles, Set<String> units) {
    static final String ANONYMOUS = "anonymous@loopback";

    /** Without tokens, on loopback only: reading and evaluating are open, changing the rules is not. */
    static final Caller LOOPBACK = new Caller(ANONYMOUS, Set.of(Role.READ, Role.EVALUATE));

    public Caller {
        roles = Set.copyOf(roles);
        units = Set.copyOf(units);
    }

    public Caller(String name, Set<Role> roles) {
        this(name, roles, Set.of());
    }
}
