package org.thidua.service.live;

import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thidua.core.RuleLibrary;
import org.thidua.core.RuleProblem;
import org.thidua.core.RuleSet;
import org.thidua.core.RuleSetException;
import org.thidua.core.RuleTests;

/**
 * The campaigns a running service evaluates with, and the one way an edit of their files goes live.
 *
 * <p>The live campaigns are an immutable {@link RuleLibrary} in an {@link AtomicReference}: a request takes the
 * library once ({@link #current()}), its campaign's {@link RuleSet} once from it, and finishes on that rule set
 * whatever is reloaded meanwhile. {@link #reload} re-reads one campaign folder, compiles it (with the safety gate),
 * runs the campaign's own rule tests, and only when all of that passes swaps a new library in. A refused edit
 * leaves the live version serving and is kept, with its problems, for {@code GET /api/v1/campaigns/{id}}.
 *
 * <p>{@link #onGoLive} is the hook for whoever wants to record each version that goes live.
 */
public final class LiveCampaigns implements AutoCloseable {
    /** How long the files must be quiet before a burst of edits is reloaded. */
    static final Duration QUIET = Duration.ofMillis(400);
    static final String CAMPAIGN_FILE = "campaign.yaml";
    /** The rules directory's own settings file: not a campaign. */
    static final String SETTINGS_FILE = "thidua.yaml";
    private static final Logger LOG = LoggerFactory.getLogger(LiveCampaigns.class);
    /** A campaign id as a folder name: no separators, no {@code ..}. */
    private static final Pattern CAMPAIGN_ID = Pattern.compile("[\\p{L}\\p{N}_][\\p{L}\\p{N}._-]*");

    public enum Outcome {
        /** The edit compiled, passed the gate and its rule tests, and is live now. */
        ACCEPTED,
        /** The rule files are those of the live version: nothing to do. */
        UNCHANGED,
        /** The edit was refused; the live version (if any) keeps serving. */
        REFUSED,
        /** No such campaign: no folder with a campaign.yaml, and nothing live. */
        UNKNOWN
    }

    /** A rule test case that failed, at {@code file:line}. */
    public record FailedTest(String file, int line, String name, List<String> failures) {
        public FailedTest {
            failures = List.copyOf(failures);
        }
    }

    /**
     * An edit that did not go live.
     *
     * @param versionAttempted the version of the refused files; {@code null} when they did not compile
     * @param liveVersion      the version still serving; {@code null} when the campaign has none
     * @param problems         what kept the files from compiling or from running their tests, {@code file:line:column}
     * @param failedTests      the campaign's own rule tests that the edit fails
     */
    public record RefusedEdit(Instant at, String versionAttempted, String liveVersion, List<RuleProblem> problems,
                       List<FailedTest> failedTests) {
        public RefusedEdit {
            problems = List.copyOf(problems);
            failedTests = List.copyOf(failedTests);
        }
    }

    /**
     * What a reload did.
     *
     * @param live            the version serving now; {@code null} when the campaign has none
     * @param previousVersion the version that served before; {@code null} when there was none
     * @param refused         the refused edit, for {@link Outcome#REFUSED}
     * @param testCases       rule test cases run and passed, for {@link Outcome#ACCEPTED}
     */
    public record Reload(String campaign, Outcome outcome, RuleSet live, String previousVersion, RefusedEdit refused, int testCases) {
    }

    private final Path directory;
    private final AtomicReference<RuleLibrary> current;
    private final ConcurrentMap<String, RefusedEdit> refused = new ConcurrentHashMap<>();
    private final List<Consumer<RuleSet>> goLive = new CopyOnWriteArrayList<>();
    /** One reload at a time: the watcher's and those asked over HTTP. */
    private final Object reloading = new Object();
    private volatile CampaignWatcher watcher;

    /** The campaigns of a library, reloaded from the directory it was read from. */
    public LiveCampaigns(RuleLibrary library) {
        this.directory = library.source();
        this.current = new AtomicReference<>(library);
    }

    /** The live campaigns now. Take it once per request: it does not change under whoever holds it. */
    public RuleLibrary current() {
        return current.get();
    }

    /** The last refused edit of a campaign, until an edit goes live or the files are back to the live version. */
    public Optional<RefusedEdit> refusedEdit(String campaignId) {
        return Optional.ofNullable(refused.get(campaignId));
    }

    /**
     * The go-live hook: {@code listener} is called at once with every rule set live now, then with each version that
     * goes live (an accepted reload, a new campaign), never with a refused one. Called on the reloading thread; a
     * listener that throws is logged and does not stop the version going live. For example, to keep every version:
     * {@code live.onGoLive(store::recordRuleSet)}.
     */
    public void onGoLive(Consumer<RuleSet> listener) {
        synchronized (reloading) {
            goLive.add(listener);
            current.get().ruleSets().values().forEach(ruleSet -> tell(listener, ruleSet));
        }
    }

    /**
     * Watches the directory and reloads a campaign after its files have been quiet for {@link #QUIET}. Only a
     * rules directory on disk is watched (not the campaigns bundled in a jar).
     *
     * @return whether the directory is watched
     */
    public boolean watch() {
        if (directory.getFileSystem() != FileSystems.getDefault()) {
            return false;
        }
        synchronized (reloading) {
            if (watcher == null) {
                watcher = CampaignWatcher.start(directory, QUIET, this::reloadInBackground);
            }
        }
        return true;
    }

    private void reloadInBackground(String campaignId) {
        Reload reload = reload(campaignId);
        if (reload.outcome() == Outcome.UNKNOWN) {
            LOG.debug("{} không phải thư mục chiến dịch, bỏ qua (not a campaign folder)", campaignId);
        }
    }

    /**
     * Re-reads one campaign folder; puts it live when it compiles, passes the safety gate and passes its own rule
     * tests. Synchronous; one reload at a time.
     */
    public Reload reload(String campaignId) {
        synchronized (reloading) {
            RuleLibrary library = current.get();
            RuleSet live = library.ruleSets().get(campaignId);
            String liveVersion = live == null ? null : live.version();
            // A live campaign's id came from its folder's name; any other id must be one a folder can have.
            Path folder = live != null ? directory.resolve(campaignId) : folder(campaignId);
            if (live == null && (folder == null || !Files.isRegularFile(folder.resolve(CAMPAIGN_FILE)))) {
                forget(campaignId);
                return new Reload(campaignId, Outcome.UNKNOWN, null, null, null, 0);
            }
            if (!Files.isDirectory(folder)) {
                return refuse(campaignId, null, live, List.of(new RuleProblem(campaignId, CAMPAIGN_FILE, 0, 0,
                        "Thư mục chiến dịch đã bị xóa; phiên bản đang chạy vẫn phục vụ đến khi khởi động lại dịch vụ"
                                + " (the campaign folder was removed; the live version serves until the service restarts)")),
                        List.of());
            }
            RuleSet loaded;
            try {
                loaded = RuleSet.load(folder);
            } catch (RuleSetException e) {
                return refuse(campaignId, null, live, e.problems(), List.of());
            } catch (UncheckedIOException e) {
                return refuse(campaignId, null, live, List.of(new RuleProblem(campaignId, ".", 0, 0,
                        "Không đọc được thư mục chiến dịch, có thể tệp đang được ghi: " + e.getCause().getMessage()
                                + " (cannot read the campaign folder, a file may be being written)")), List.of());
            }
            if (loaded.version().equals(liveVersion)) {
                if (refused.remove(campaignId) != null) {
                    LOG.info("Chiến dịch {}: tệp luật đã trở lại phiên bản đang chạy {} (files are back to the live version)",
                            campaignId, liveVersion);
                }
                return new Reload(campaignId, Outcome.UNCHANGED, live, liveVersion, null, 0);
            }
            RuleTests.Report tests = RuleTests.run(loaded);
            if (!tests.passed()) {
                List<FailedTest> failed = tests.cases().stream().filter(c -> !c.passed())
                        .map(c -> new FailedTest(c.file(), c.line(), c.name(), c.failures())).toList();
                return refuse(campaignId, loaded.version(), live, tests.problems(), failed);
            }
            current.set(library.with(loaded));
            refused.remove(campaignId);
            LOG.info("Chiến dịch {}: phiên bản {} đã vào phục vụ, thay {}; {} ca kiểm thử đạt (now live, replacing {}; {} rule tests passed)",
                    campaignId, loaded.version(), liveVersion == null ? "(chưa có)" : liveVersion, tests.cases().size(),
                    liveVersion == null ? "none" : liveVersion, tests.cases().size());
            goLive.forEach(listener -> tell(listener, loaded));
            return new Reload(campaignId, Outcome.ACCEPTED, loaded, liveVersion, null, tests.cases().size());
        }
    }

    private Reload refuse(String campaignId, String versionAttempted, RuleSet live, List<RuleProblem> problems,
                          List<FailedTest> failedTests) {
        RefusedEdit edit = new RefusedEdit(Instant.now(), versionAttempted, live == null ? null : live.version(), problems,
                failedTests);
        refused.put(campaignId, edit);
        if (live == null) {
            // Not live: listed among the campaigns that do not load, as at start.
            List<RuleProblem> all = new ArrayList<>(problems);
            failedTests.forEach(t -> all.add(new RuleProblem(campaignId, t.file(), t.line(), 0,
                    t.name() + ": " + String.join("; ", t.failures()))));
            current.set(current.get().withProblems(campaignId, all));
        }
        LOG.warn("Chiến dịch {}: bản sửa bị từ chối, {} (edit refused, {}):", campaignId,
                live == null ? "chưa có phiên bản nào phục vụ" : "phiên bản " + live.version() + " vẫn phục vụ",
                live == null ? "nothing live" : "the live version keeps serving");
        edit.problems().forEach(p -> LOG.warn("  {}:{}:{}: {}", shown(campaignId, p.file()), p.line(), p.column(), p.message()));
        edit.failedTests().forEach(t -> LOG.warn("  {}:{}: ca kiểm thử không đạt (test failed) {}: {}",
                shown(campaignId, t.file()), t.line(), t.name(), String.join("; ", t.failures())));
        return new Reload(campaignId, Outcome.REFUSED, live, live == null ? null : live.version(), edit, 0);
    }

    /** A folder that is gone and never went live leaves no trace. */
    private void forget(String campaignId) {
        refused.remove(campaignId);
        RuleLibrary library = current.get();
        if (!SETTINGS_FILE.equals(campaignId) && library.problems().containsKey(campaignId)) {
            current.set(library.withProblems(campaignId, List.of()));
        }
    }

    /** The folder of a campaign id, or {@code null} for an id that cannot be a folder name in the directory. */
    private Path folder(String campaignId) {
        if (campaignId == null || !CAMPAIGN_ID.matcher(campaignId).matches() || campaignId.equals(SETTINGS_FILE)) {
            return null;
        }
        return directory.resolve(campaignId);
    }

    private String shown(String campaignId, String file) {
        return directory.resolve(campaignId).resolve(file).toString();
    }

    private static void tell(Consumer<RuleSet> listener, RuleSet ruleSet) {
        try {
            listener.accept(ruleSet);
        } catch (RuntimeException e) {
            LOG.error("Không ghi nhận được phiên bản {} của {} đi vào phục vụ (a go-live listener failed)", ruleSet.version(),
                    ruleSet.campaign().id(), e);
        }
    }

    /** Stops watching. */
    @Override
    public void close() {
        CampaignWatcher w = watcher;
        if (w != null) {
            w.close();
        }
    }
}
