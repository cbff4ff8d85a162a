package org.thidua.core;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;

import org.thidua.core.compile.CampaignFiles;
import org.thidua.core.read.CheckedReports;
import org.thidua.core.read.ReportChecks;

/**
 * A campaign compiled and ready to evaluate: its description, its rules, and the version (content hash) of
 * the files that made them. Immutable and thread-safe: compile once, share with every thread.
 */
public final class RuleSet {
    /** Units evaluated together in one rule session. */
    static final int CHUNK = 1_000;
    static final String JUDGE = "judge";

    /**
     * Bounds on one evaluation, so that a rule that loops is stopped and reported instead of running forever,
     * and how many threads one evaluation may use.
     *
     * @param maxFiringsPerUnit rule firings allowed per evaluated unit
     * @param timeout           wall-clock time allowed for one call of {@link #evaluate(List)}
     * @param parallelism       threads one call of {@link #evaluate(List)} may use for a batch of more than
     *                          {@value RuleSet#CHUNK} units: the caller's and helpers from the common fork-join pool;
     *                          {@code 0} (the default) means one per available processor, {@code 1} the caller's alone
     */
    public record Limits(int maxFiringsPerUnit, Duration timeout, int parallelism) {
        public static final Limits DEFAULT = new Limits(1_000, Duration.ofSeconds(30));

        public Limits {
            if (maxFiringsPerUnit < 1) {
                throw new IllegalArgumentException("maxFiringsPerUnit must be at least 1");
            }
            Objects.requireNonNull(timeout, "timeout");
            if (parallelism < 0) {
                throw new IllegalArgumentException("parallelism must be 0 (every processor) or more");
            }
        }

        /** Bounds with the default parallelism (one thread per available processor). */
        public Limits(int maxFiringsPerUnit, Duration timeout) {
            this(maxFiringsPerUnit, timeout, 0);
        }

        /** The same bounds, with another parallelism. */
        public Limits withParallelism(int threads) {
            return new Limits(maxFiringsPerUnit, timeout, threads);
        }

        int threads() {
            return parallelism == 0 ? Runtime.getRuntime().availableProcessors() : parallelism;
        }
    }

    private final RuleSessions sessions;
    private final CampaignFiles files;
    private final String version;
    private final Instant loadedAt;
    private final Limits limits;
    /** The DRL a criteria sheet became, by the path it was compiled from. */
    private final java.util.Map<String, String> generatedDrl;
    private final List<RuleProblem> warnings;

    RuleSet(RuleSessions sessions, CampaignFiles files, Instant loadedAt, Limits limits,
            java.util.Map<String, String> generatedDrl, List<RuleProblem> warnings) {
        this.sessions = sessions;
        this.files = files;
        this.version = files.version();
        this.loadedAt = loadedAt;
        this.limits = limits;
        this.generatedDrl = java.util.Map.copyOf(generatedDrl);
        this.warnings = List.copyOf(warnings);
    }

    /**
     * Loads and compiles the campaign in a folder ({@code campaign.yaml}, {@code *.drl}, {@code tests/}).
     *
     * @throws RuleSetException with every problem found, each with file, line and column
     */
    public static RuleSet load(Path campaignFolder) {
        List<RuleProblem> problems = new ArrayList<>();
        CampaignFiles files = CampaignFiles.read(campaignFolder, problems);
        if (!problems.isEmpty()) {
            throw new RuleSetException(problems);
        }
        return RuleSetCompiler.compile(files);
    }

    /** The same rules with other bounds on each evaluation. */
    public RuleSet withLimits(Limits newLimits) {
        return new RuleSet(sessions, files, loadedAt, Objects.requireNonNull(newLimits), generatedDrl, warnings);
    }

    public Campaign campaign() {
        return sessions.campaign;
    }

    /** Whether a few units at a time are evaluated in a session kept from the call before (see {@link RuleSessions}). */
    boolean keepsSessions() {
        return sessions.keepsSessions();
    }

    /** {@code sha256:…} of the campaign's rule files (description and DRL; not the tests). */
    public String version() {
        return version;
    }

    public Instant loadedAt() {
        return loadedAt;
    }

    public Limits limits() {
        return limits;
    }

    /** How many rules the campaign's DRL files hold. */
    public int ruleCount() {
        int count = 0;
        for (RuleIndex.RuleInfo ignored : sessions.rules.all()) {
            count++;
        }
        return count;
    }

    /** The rule files (description and DRL) by path relative to the campaign folder, as compiled. */
    public SortedMap<String, String> ruleFiles() {
        return Collections.unmodifiableSortedMap(files.ruleFiles());
    }

    /**
     * The DRL the campaign's criteria sheet became ({@code criteria.xlsx.drl} → its text), for reviewers: it is
     * compiled and gated with the hand-written DRL. Empty when the campaign has no sheet.
     */
    public SortedMap<String, String> generatedDrl() {
        return Collections.unmodifiableSortedMap(new java.util.TreeMap<>(generatedDrl));
    }

    /**
     * What compiles but is probably a mistake (a flat penalty that deducts from every unit, a bonus or penalty counted
     * in the maximum), at its file and line: shown by {@code check}, reload and preview, never refused.
     */
    public List<RuleProblem> warnings() {
        return warnings;
    }

    /** The campaign's rule tests ({@code tests/*.yaml}) by path. */
    public SortedMap<String, String> testFiles() {
        return Collections.unmodifiableSortedMap(files.testFiles());
    }

    /**
     * Evaluates units reported together: each against every criterion, then scored, graded and ranked among
     * themselves.
     *
     * @throws InvalidInputException when a report does not fit the campaign (a unit kind it does not evaluate,
     *                               an undeclared or out-of-range indicator, a unit id given twice); nothing is
     *                               evaluated then
     * @throws EvaluationException   when the rules fail or exceed the limits
     */
    public EvaluationResult evaluate(List<UnitReport> reports) {
        return AreaFinding.attach(campaign(), evaluateUnits(reports));
    }

    /** {@link #evaluate} without the area's scorecard, which sums every unit: a chunk's own would mislead. */
    private EvaluationResult evaluateUnits(List<UnitReport> reports) {
        Campaign campaign = sessions.campaign;
        if (!(reports instanceof CheckedReports checked && checked.checkedAgainst(campaign))) { // a request read is checked once
            List<InputProblem> problems = ReportChecks.check(campaign, reports, "reports");
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
        }
        long deadline = System.nanoTime() + limits.timeout().toNanos();
        // Officials and titles only when the request reports officials: otherwise the result is contract v1 as first published.
        boolean withMembers = anyMembers(reports);
        int chunks = (reports.size() + CHUNK - 1) / CHUNK;
        List<RuleSessions.Chunk> byChunk = ParallelChunks.map(chunks, limits.threads(), c -> sessions.evaluate(
                reports.subList(c * CHUNK, Math.min(reports.size(), (c + 1) * CHUNK)), limits, deadline, withMembers));
        List<List<Finding>> all = new ArrayList<>(reports.size());
        List<MemberResults.UnitPart> memberParts = withMembers ? new ArrayList<>(reports.size()) : null;
        for (RuleSessions.Chunk chunk : byChunk) {
            all.addAll(chunk.findings());
            if (withMembers) {
                memberParts.addAll(chunk.memberParts());
            }
        }
        EvaluationResult scored = Scoring.score(sessions.findings, campaign, version, reports, all);
        EvaluationResult attached = memberParts == null ? scored : MemberResults.attach(campaign, scored, memberParts);
        EvaluationResult ranked = RankingGroups.apply(campaign, attached);
        return sessions.findings.hasGroups() ? GroupTotal.attach(campaign, ranked) : ranked;
    }

    /**
     * Evaluates more units than should sit in memory at once, such as a million read from a file: reads
     * {@code chunkSize} reports, evaluates them as {@link #evaluate(List)} evaluates a batch, hands their result to
     * {@code results}, and only then reads the next chunk. What stays in memory between chunks is, per unit, a compact
     * score (its exact total and ranking group, about 5 bytes), from which every unit is ranked at the end: the ranks
     * returned equal those one {@code evaluate(List)} of all the units would give.
     *
     * <p>Each chunk's result is complete except for the ranks, which need every unit: its evaluations carry rank
     * {@code 0}, and no area scorecard ({@code area} is {@code null}: the area's figures sum every unit's counts, so
     * a chunk's own would mislead). Officials, titles and commendations are decided per chunk (a unit's officials are
     * always in its own chunk). A unit id given twice is refused within a chunk, not across chunks.
     *
     * @param reports   read once, in order, one chunk at a time
     * @param chunkSize units evaluated together, at least 1 (10,000 is a good size)
     * @param results   receives each chunk's result, in order; keep what it needs, the library keeps nothing
     * @return the rank of every unit, in the order read (within its ranking group when the campaign has ranking groups)
     * @throws InvalidInputException when a report of a chunk does not fit the campaign; the chunks before it have been
     *                               handed over, nothing after it is read
     * @throws EvaluationException   when the rules fail or exceed the limits (each chunk has the whole timeout), or the
     *                               campaign caps a grade ({@code gradeCap}), which needs every unit at once
     */
    public int[] evaluateInChunks(java.util.Iterator<UnitReport> reports, int chunkSize,
                                  java.util.function.Consumer<EvaluationResult> results) {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunkSize must be at least 1");
        }
        Campaign campaign = sessions.campaign;
        if (campaign.gradeCap() != null) {
            throw new EvaluationException("Chiến dịch " + campaign.id() + " giới hạn số đơn vị đạt " + campaign.gradeCap().grade()
                    + " (gradeCap): cần mọi đơn vị cùng lúc, hãy đánh giá cả danh sách một lần"
                    + " (a campaign with a grade cap needs every unit at once: use evaluate(List))");
        }
        return new StreamedRanking(campaign).evaluate(reports, chunkSize, this::evaluateUnits, results);
    }

    private static boolean anyMembers(List<UnitReport> reports) {
        for (UnitReport report : reports) {
            if (!report.members().isEmpty()) {
                return true;
            }
        }
        return false;
    }
}
