package org.thidua.service.http;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import io.javalin.security.RouteRole;

/** What a caller may do. A route names the role it needs; a token carries the roles it was given. */
public enum Role implements RouteRole {
    /** Read evaluations, histories, campaigns and rankings. */
    READ,
    /** Run evaluations (and so store them). */
    EVALUATE,
    /** Change the rules (the rule management to come). Never open without a token. */
    RULES,
    /** Submit and read the round records of the units the token names ({@code unit:ID} in the tokens file), in open rounds. */
    UNIT,
    /** Appraise a round: correct a unit's figures, reject its evidence, always with a reason. */
    APPRAISE;

    /** The roles as the tokens file and {@code thidua token} name them. */
    public static final String KNOWN = "read, evaluate, rules, appraise, unit:ID";

    String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> of(String id) {
        return Arrays.stream(values()).filter(r -> r.id().equals(id.trim().toLowerCase(Locale.ROOT))).findFirst();
    }
}
