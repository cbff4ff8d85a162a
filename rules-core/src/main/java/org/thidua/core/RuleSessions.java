package org.thidua.core;

import java.util.ArrayList;
import java.util.List;

import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;

/**
 * The campaign's compiled rules at work: one chunk of units evaluated in one rule session taken from a pool, the
 * rules fired within the {@link RuleSet.Limits}, then each unit's findings decided. Thread-safe: each call has its own
 * session and context.
 */
final class RuleSessions {
    final Campaign campaign;
    final RuleIndex rules;
    final Findings findings;
    /** Sessions are reset and reused: making one costs more than evaluating a unit. */
    private final KieSessionsPool pool;

    RuleSessions(Campaign campaign, RuleIndex rules, Findings findings, KieSessionsPool pool) {
        this.campaign = campaign;
        this.rules = rules;
        this.findings = findings;
        this.pool = pool;
    }

    /** One chunk's findings per unit, in order, and its officials' results and titles when asked for. */
    record Chunk(List<List<Finding>> findings, List<MemberResults.UnitPart> memberParts) {
    }

    /**
     * @param withMembers whether to decide the officials' results and titles too, after a second round of rules that
     *                    sees each unit's and official's {@link Standing}
     * @throws EvaluationException when the rules fail or exceed the limits
     */
    Chunk evaluate(List<UnitReport> chunk, RuleSet.Limits limits, long deadline, boolean withMembers) {
        EvaluationContext context = new EvaluationContext(campaign, findings.positions(), rules, chunk, deadline);
        KieSession session = pool.newKieSession();
        try {
            session.setGlobal(RuleSet.JUDGE, new Judge(context));
            session.addEventListener(context);
            // every official counts as one more subject of the evaluation: their criteria and titles fire rules too
            long subjects = chunk.size();
            for (UnitReport report : chunk) {
                subjects += report.members().size();
                session.insert(report);
            }
            long allowed = (long) limits.maxFiringsPerUnit() * subjects;
            long fired = session.fireAllRules((int) Math.min(Integer.MAX_VALUE, allowed));
            if (withMembers && fired < allowed && !context.timedOut() && context.errors().isEmpty()) {
                MemberResults.insertStandings(session, campaign, chunk, context, unitFindings(chunk, context));
                fired += session.fireAllRules((int) Math.min(Integer.MAX_VALUE, allowed - fired));
            }
            if (context.timedOut()) {
                throw new EvaluationException("Đánh giá vượt quá thời gian cho phép " + limits.timeout().toMillis()
                        + " ms; luật đang chạy: " + context.lastRule() + " (evaluation exceeded its time limit)");
            }
            if (fired >= allowed) {
                throw new EvaluationException("Các luật đã kích hoạt " + fired + " lần cho " + chunk.size()
                        + " đơn vị, vượt giới hạn " + limits.maxFiringsPerUnit() + " lần mỗi đơn vị; luật kích hoạt sau cùng: "
                        + context.lastRule() + ". Có thể một luật tự kích hoạt lại mãi (rules fired too often: a rule may loop)");
            }
        } catch (StackOverflowError | OutOfMemoryError e) {
            throw new EvaluationException("Luật " + context.lastRule() + " dùng quá nhiều bộ nhớ hoặc đệ quy quá sâu ("
                    + e.getClass().getSimpleName() + ") (a rule exhausted memory or the stack)", e);
        } catch (RuntimeException e) {
            if (e instanceof EvaluationException) {
                throw e;
            }
            throw new EvaluationException("Luật " + context.lastRule() + " gặp lỗi khi chạy: " + rootMessage(e)
                    + " (a rule failed while running)", e);
        } finally {
            session.removeEventListener(context);
            session.dispose(); // back to the pool, reset: no fact, no global, nothing on the agenda
        }
        if (!context.errors().isEmpty()) {
            throw new EvaluationException(String.join("; ", context.errors()));
        }
        List<List<Finding>> unitFindings = unitFindings(chunk, context);
        return new Chunk(unitFindings, withMembers ? MemberResults.of(campaign, chunk, context) : List.of());
    }

    private List<List<Finding>> unitFindings(List<UnitReport> chunk, EvaluationContext context) {
        List<List<Finding>> found = new ArrayList<>(chunk.size());
        for (int i = 0; i < chunk.size(); i++) {
            found.add(findings.of(chunk.get(i), context, i));
        }
        return found;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
