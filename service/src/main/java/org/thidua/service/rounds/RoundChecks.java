package org.thidua.service.rounds;

import java.util.function.Supplier;

import org.thidua.service.store.RoundChangedException;

/** The refusals every round act shares: who may act, a reason given, a write the round changed under. */
final class RoundChecks {
    private RoundChecks() {
    }

    static void scope(Round round, String unitId, Actor actor) {
        if (!actor.speaksFor(unitId)) {
            throw RoundException.forbidden("Token '" + actor.name() + "' chỉ dùng cho đơn vị " + actor.units().stream().sorted().toList()
                    + ", không cho '" + unitId + "' (the token does not speak for this unit)");
        }
        if (actor.isUnit() && !round.isOpen()) {
            throw RoundException.forbidden("Token của đơn vị chỉ dùng trong kỳ đánh giá đang mở; kỳ " + round.id()
                    + " đã đóng (a unit's token acts in open rounds only)");
        }
    }

    static void staffOnly(Actor actor, String act) {
        if (actor.isUnit()) {
            throw RoundException.forbidden("Token của đơn vị không được " + act + " (a unit's token may not do this)");
        }
    }

    static void reason(String reason) {
        String problem = RoundRequests.textProblem(reason, RoundRequests.LONG);
        if (problem != null) {
            throw RoundException.invalid("reason", "cần lý do: " + problem + " (a reason is required)");
        }
    }

    /** A write refused because another process or instance acted on the round meanwhile: a conflict, nothing stored. */
    static <T> T stored(Supplier<T> write) {
        try {
            return write.get();
        } catch (RoundChangedException e) {
            throw RoundException.conflict(e.getMessage());
        }
    }
}
