package org.thidua.core;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import org.drools.base.base.EnabledBoolean;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.rule.Pattern;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.api.runtime.rule.FactHandle;

/**
 * The campaign's compiled rules at work: one chunk of units evaluated in one rule session taken from a pool, the
 * rules fired within the {@link RuleSet.Limits}, then each unit's findings decided. Thread-safe: each call has its own
 * session and context.
 *
 * <p>A session that evaluated a few units ({@value #KEPT_UP_TO} at most: one per call, say) without a failure is
 * emptied and kept for the next call: its facts (the reports, and what rules and {@link MemberResults} inserted) are
 * deleted, which undoes what they did in Drools' node memories, instead of Drools' reset of every node memory when a
 * pooled session is given back (the larger cost for a few units; for a chunk of a thousand, deleting them would cost
 * more than the reset, so those sessions still come from Drools' pool). The judge global is set again for every call
 * (and an idle one in between), and rules fired to the end leave nothing on the agenda.
 *
 * <p>That leaves the session as a fresh one would be only when every rule matches facts inserted into the session and
 * its agenda state is none (see {@link #emptiedIsAsFresh}): a rule that can match without any fact ({@code not},
 * {@code exists}, {@code forall}, {@code accumulate} or {@code from} first) fires once in a fresh session and not again
 * in one kept, and agenda control — agenda and rule-flow groups, focus, activation groups, timers, calendars, dates,
 * {@code enabled}, a computed salience, {@code lock-on-active} — is state Drools keeps in the session beside the facts.
 * The safety gate refuses all of that agenda control but {@code lock-on-active}; a campaign with any of it, or with such
 * a rule, goes through Drools' pool and its full reset, as before. A kept session that failed is disposed of.
 */
final class RuleSessions {
    final Campaign campaign;
    final RuleIndex rules;
    final Findings findings;
    /** Chunks of at most this many units are evaluated in a kept session. */
    static final int KEPT_UP_TO = 32;
    /** At most this many emptied sessions are kept (one per thread evaluating at once is the usual need). */
    private static final int MAX_KEPT = 64;
    /** The judge an idle session holds, so that it holds no evaluation's units. */
    private static final Judge IDLE = new Judge(null);

    private final KieBase base;
    /** Sessions are reused: making one costs more than evaluating a unit. */
    private final KieSessionsPool pool;
    /** Whether an emptied session is as a fresh one (see above): then sessions are kept in {@link #emptied}. */
    private final boolean keepsEmptied;
    private final ConcurrentLinkedQueue<KieSession> emptied = new ConcurrentLinkedQueue<>();
    private final AtomicInteger kept = new AtomicInteger();

    RuleSessions(Campaign campaign, RuleIndex rules, Findings findings, KieBase base) {
        this.campaign = campaign;
        this.rules = rules;
        this.findings = findings;
        this.base = base;
        this.pool = base.newKieSessionsPool(1);
        this.keepsEmptied = emptiedIsAsFresh(base);
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
        boolean keep = keepsEmptied && chunk.size() <= KEPT_UP_TO;
        KieSession session = keep ? takeKept() : pool.newKieSession();
        boolean done = false;
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
            done = true;
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
            if (keep) {
                giveBack(session, done);
            } else {
                session.dispose(); // back to Drools' pool, reset: no fact, no global, nothing on the agenda
            }
        }
        if (!context.errors().isEmpty()) {
            throw new EvaluationException(String.join("; ", context.errors()));
        }
        List<List<Finding>> unitFindings = unitFindings(chunk, context);
        return new Chunk(unitFindings, withMembers ? MemberResults.of(campaign, chunk, context) : List.of());
    }

    /** Whether chunks of a few units are evaluated in kept sessions ({@link #emptiedIsAsFresh}). */
    boolean keepsSessions() {
        return keepsEmptied;
    }

    private KieSession takeKept() {
        KieSession session = emptied.poll();
        if (session == null) {
            return base.newKieSession();
        }
        kept.decrementAndGet();
        return session;
    }

    /** @param done whether the rules ran to the end without a failure */
    private void giveBack(KieSession session, boolean done) {
        if (done && kept.get() < MAX_KEPT && empty(session)) { // two threads at once may keep one more: harmless
            session.setGlobal(RuleSet.JUDGE, IDLE);
            kept.incrementAndGet();
            emptied.offer(session);
        } else {
            session.dispose();
        }
    }

    /**
     * Deletes every fact; whether the session then holds none. A session whose facts cannot all be deleted is not
     * empty: it is disposed of, and the call's own result or failure stands (a failure here, in the call's
     * {@code finally}, would replace it and leave the session neither kept nor disposed of).
     */
    static boolean empty(KieSession session) {
        try {
            // the handles first, then the deletes (the session's collection is a view of its store), in one array of the
            // right size: copying that collection into a list makes three, about 180 bytes of a one-unit call
            FactHandle[] handles = new FactHandle[(int) session.getFactCount()];
            int count = 0;
            for (Object handle : session.getFactHandles()) {
                if (count == handles.length) {
                    return false; // more handles than facts: not a session to reuse
                }
                handles[count++] = (FactHandle) handle;
            }
            for (int i = 0; i < count; i++) {
                session.delete(handles[i]);
            }
            return session.getFactCount() == 0;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * Whether a session emptied of its facts is as a fresh one for these rules: every rule's first condition is a fact
     * inserted into the session, and no rule has agenda state of its own (a group other than the main one, focus, an
     * activation group, a timer, calendars, dates, {@code enabled}, a computed salience, {@code lock-on-active}).
     * Integer salience and {@code no-loop} hold no state between calls.
     */
    static boolean emptiedIsAsFresh(KieBase base) {
        for (KiePackage pkg : base.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                if (!(rule instanceof RuleImpl impl) || impl.isQuery() || !startsWithAFact(impl) || hasAgendaState(impl)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean startsWithAFact(RuleImpl rule) {
        return rule.getLhs().isAnd() && !rule.getLhs().getChildren().isEmpty()
                && rule.getLhs().getChildren().get(0) instanceof Pattern first && first.getSource() == null;
    }

    private static boolean hasAgendaState(RuleImpl rule) {
        return !rule.isMainAgendaGroup() || rule.getAutoFocus() || rule.getActivationGroup() != null
                || rule.isLockOnActive() || rule.getTimer() != null || rule.getCalendars() != null
                || rule.getDateEffective() != null || rule.getDateExpires() != null
                || rule.getEnabled() != EnabledBoolean.ENABLED_TRUE || rule.getSalience().isDynamic();
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
