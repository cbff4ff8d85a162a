package org.thidua.service.http;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.javalin.http.Context;
import io.javalin.security.RouteRole;

/**
 * Checks each request against the role its route needs. With tokens configured, every API request needs
 * {@code Authorization: Bearer <token>}; without tokens (allowed on loopback only), reading and evaluating are
 * open and changing the rules is closed.
 */
public final class AccessControl {
    static final String CALLER = "thidua.caller";

    private final AccessTokens tokens;

    public AccessControl(AccessTokens tokens) {
        this.tokens = tokens;
    }

    /** Runs before every matched route: sets the caller, or refuses with 401/403. */
    public void authorize(Context ctx) {
        Set<RouteRole> needed = ctx.routeRoles();
        if (needed.isEmpty()) {
            return;
        }
        Caller caller = tokens.isEmpty() ? Caller.LOOPBACK : authenticate(ctx);
        if (needed.stream().noneMatch(caller.roles()::contains)) {
            throw new ProblemException(403, "forbidden", "Không đủ quyền (forbidden)",
                    (tokens.isEmpty()
                            ? "Chưa cấu hình token: thao tác này cần token có quyền "
                            : "Token '" + caller.name() + "' không có quyền ")
                            + needed.stream().map(r -> ((Role) r).id()).sorted().toList() + " (the token lacks the role)");
        }
        ctx.attribute(CALLER, caller);
    }

    private Caller authenticate(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || header.isBlank()) {
            throw unauthorized("Cần token: gửi tiêu đề Authorization: Bearer <token> (a bearer token is required)", null);
        }
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7) || header.substring(7).isBlank()) {
            throw unauthorized("Tiêu đề Authorization phải có dạng Bearer <token> (expected a bearer token)", "invalid_request");
        }
        Optional<Caller> caller = tokens.authenticate(header.substring(7).trim());
        return caller.orElseThrow(() -> unauthorized("Token không hợp lệ (unknown token)", "invalid_token"));
    }

    private static ProblemException unauthorized(String detail, String error) {
        return new ProblemException(401, "unauthorized", "Chưa xác thực (unauthorized)", detail, List.of(),
                ProblemResponses.bearerChallenge(error));
    }

    public static Caller caller(Context ctx) {
        Caller caller = ctx.attribute(CALLER);
        if (caller == null) {
            throw new IllegalStateException("a route that needs a caller was registered without a role");
        }
        return caller;
    }
}
