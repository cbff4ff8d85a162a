package org.thidua.service.store;

import java.util.List;
import java.util.Optional;

import org.thidua.core.RuleSet;
import org.thidua.service.imports.ImportedUnit;
import org.thidua.service.imports.Period;

/**
 * The service's memory of evaluations. The HTTP layer sees only this interface, so another database can be
 * added later without touching it.
 *
 * <p>Implementations must be thread-safe, and {@link #save} must return only once the request's evaluations are
 * durable (committed): an acknowledged evaluation survives a crash of the process.
 */
public interface EvaluationStore extends AutoCloseable {

    /**
     * Stores the evaluations of one request, all or none, and gives them their ids; with the request's rule set, when
     * it carries one and that version is not stored yet, in the same transaction.
     */
    StoredRequest save(NewRequest request);

    /**
     * As {@link #save(NewRequest)}, given each unit's report and result already encoded as {@link NewRequest#utf8()}
     * encodes them: a store that binds bytes does not encode them again, and the caller writes its answer from the same
     * bytes. A store that binds text ignores them.
     */
    default StoredRequest save(NewRequest request, byte[][] utf8) {
        return save(request);
    }

    Optional<StoredEvaluation> find(String evaluationId);

    /** A unit's evaluations, newest first; {@code campaign} {@code null} means every campaign. */
    Page<StoredEvaluation> history(String unitId, String campaign, int limit, int offset);

    /**
     * A unit's evaluations, newest first, read by keyset: at most {@code limit} after the position {@code after}
     * ({@code null}: from the newest), with the next position when more follow. A position is the store's own text,
     * given back in {@link CursorPage#next()}; one the store did not give throws {@link IllegalArgumentException}.
     * Evaluations stored meanwhile do not shift the pages already read.
     */
    CursorPage<StoredEvaluation> historyAfter(String unitId, String campaign, String after, int limit);

    /**
     * The latest evaluation of each unit evaluated for a campaign, in the order they were stored (oldest first; the
     * units of one request in the order they were reported): the campaign's standing. Evaluations an assessment round
     * made (self-assessments, appraisals) are not part of it: they stand in their round's results.
     */
    List<StoredEvaluation> latestPerUnit(String campaign);

    /**
     * As {@link #latestPerUnit}, without the bodies: each row's {@code reportJson} and {@code resultJson} are
     * {@code null}. Enough to rank and count a campaign of tens of thousands of units; read the bodies of the units a
     * page shows with {@link #evaluations}.
     */
    List<StoredEvaluation> latestStandings(String campaign);

    /** The evaluations with these ids, whole, in the order of the ids; an id not stored is left out. */
    List<StoredEvaluation> evaluations(List<String> evaluationIds);

    /**
     * Keeps a rule-set version that went live, with its files, unless it is kept already: idempotent, and the first
     * time a version is recorded stays its {@code firstLiveAt}. Returns the version as stored.
     */
    RuleSetVersion recordRuleSet(RuleSet ruleSet);

    /** A rule-set version kept by {@link #recordRuleSet} (or with the evaluations it made), with its files. */
    Optional<RuleSetVersion> ruleSet(String version);

    /** Stores the counts of one import, all or none; durable when it returns. */
    StoredImport saveFigures(NewFigures figures);

    /**
     * The figures in force for a measure ({@code dossiers} or {@code satisfaction}) and period: for each unit, those of
     * its latest import of exactly that period; in order of unit id.
     */
    List<ImportedUnit> figures(String measure, Period period);

    /** Whether any evaluation is stored. */
    boolean isEmpty();

    /** Throws when the database does not answer a trivial query. */
    void check();

    @Override
    void close();
}
