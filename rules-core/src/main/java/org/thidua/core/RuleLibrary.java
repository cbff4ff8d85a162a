package org.thidua.core;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;

import org.thidua.core.compile.CampaignReader;
import org.thidua.core.compile.YamlNode;
import org.thidua.core.read.RequestReader;


/**
 * A rules directory: a folder of campaign folders, each compiled. Campaigns that fail to compile are kept
 * with their problems, so one bad campaign does not hide the good ones.
 *
 * <p>A rules directory may hold {@code thidua.yaml} with {@code defaultCampaign: ID}: the campaign used when a
 * request names none. Without it, a directory of one campaign makes that one the default.
 */
public final class RuleLibrary {
    /** Where the {@code thidua-rules} jar keeps the bundled campaigns. */
    public static final String BUNDLED_ROOT = "thidua/campaigns";
    static final String SETTINGS = "thidua.yaml";

    private final Path source;
    private final Map<String, RuleSet> ruleSets;
    private final Map<String, List<RuleProblem>> problems;
    private final String defaultCampaign;

    private RuleLibrary(Path source, Map<String, RuleSet> ruleSets, Map<String, List<RuleProblem>> problems, String defaultCampaign) {
        this.source = source;
        this.ruleSets = Collections.unmodifiableMap(ruleSets);
        this.problems = Collections.unmodifiableMap(problems);
        this.defaultCampaign = defaultCampaign;
    }

    /** Loads and compiles every campaign folder in a rules directory. */
    public static RuleLibrary load(Path rulesDirectory) {
        return load(rulesDirectory, ruleSet -> null).library();
    }

    /**
     * A library and what {@code then} made of each of its rule sets, by campaign id in the order of
     * {@link #ruleSets()}.
     */
    record Loaded<T>(RuleLibrary library, Map<String, T> then) {
    }

    /**
     * Loads and compiles every campaign folder in a rules directory, and runs {@code then} on each rule set as soon as
     * it has compiled, on the thread that compiled it (see {@link CampaignCompiles#compileAll}).
     */
    static <T> Loaded<T> load(Path rulesDirectory, Function<RuleSet, T> then) {
        if (!Files.isDirectory(rulesDirectory)) {
            throw new IllegalArgumentException("Không có thư mục luật " + rulesDirectory + " (no such rules directory)");
        }
        Map<String, RuleSet> ruleSets = new TreeMap<>();
        Map<String, List<RuleProblem>> problems = new TreeMap<>();
        Map<String, T> thens = new TreeMap<>();
        List<Path> folders;
        try (Stream<Path> children = Files.list(rulesDirectory)) {
            folders = children.filter(Files::isDirectory)
                    .filter(p -> Files.exists(p.resolve(CampaignReader.FILE)))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list rules directory " + rulesDirectory, e);
        }
        List<CampaignCompiles.Compiled<T>> compiled = CampaignCompiles.compileAll(folders, then);
        for (int i = 0; i < folders.size(); i++) {
            String id = folders.get(i).getFileName().toString().replaceAll("/$", "");
            CampaignCompiles.Compiled<T> one = compiled.get(i);
            if (one.ruleSet() != null) {
                ruleSets.put(id, one.ruleSet());
                thens.put(id, one.then());
            } else {
                problems.put(id, one.refused().problems());
            }
        }
        String defaultCampaign = readDefault(rulesDirectory, ruleSets, problems);
        return new Loaded<>(new RuleLibrary(rulesDirectory, ruleSets, problems, defaultCampaign), thens);
    }

    /** The campaigns bundled in the {@code thidua-rules} jar on the class path. */
    public static RuleLibrary bundled() {
        return bundled(ruleSet -> null).library();
    }

    /** The bundled campaigns, loaded as {@link #load(Path, Function)} loads a rules directory. */
    static <T> Loaded<T> bundled(Function<RuleSet, T> then) {
        URL marker = RuleLibrary.class.getClassLoader().getResource(BUNDLED_ROOT + "/" + SETTINGS);
        if (marker == null) {
            throw new IllegalStateException("Không thấy bộ luật mặc định trên classpath (" + BUNDLED_ROOT
                    + "): thêm thư viện thidua-rules, hoặc chỉ rõ thư mục luật (--rules DIR)");
        }
        try {
            URI uri = marker.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem jar;
                try {
                    jar = FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    jar = FileSystems.getFileSystem(uri);
                }
                return load(jar.getPath("/" + BUNDLED_ROOT), then);
            }
            return load(Path.of(uri).getParent(), then);
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("Cannot open the bundled campaigns at " + marker, e);
        }
    }

    private static String readDefault(Path directory, Map<String, RuleSet> ruleSets, Map<String, List<RuleProblem>> problems) {
        Path settings = directory.resolve(SETTINGS);
        if (Files.exists(settings)) {
            YamlNode.Problems found = new YamlNode.Problems(null, SETTINGS);
            try {
                String text = Files.readString(settings, StandardCharsets.UTF_8);
                Optional<String> id = YamlNode.parse(text, found).flatMap(root -> root.fields(SETTINGS).flatMap(f -> {
                    Optional<String> value = f.required("defaultCampaign").flatMap(n -> {
                        Optional<String> named = n.text("defaultCampaign");
                        named.filter(c -> !ruleSets.containsKey(c) && !problems.containsKey(c))
                                .ifPresent(c -> n.problem("Không có chiến dịch '" + c + "' trong thư mục luật (no such campaign)"));
                        return named;
                    });
                    f.rest(List.of("defaultCampaign"));
                    return value;
                }));
                if (!found.list.isEmpty()) {
                    problems.put(SETTINGS, found.list);
                    return null;
                }
                return id.orElse(null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        List<String> all = new ArrayList<>(ruleSets.keySet());
        all.addAll(problems.keySet());
        return all.size() == 1 ? all.get(0) : null;
    }

    /**
     * The same library with one campaign's rule set added or replaced: how a running service puts a reloaded
     * campaign live without touching the others. The campaign's problems, if it had any, are gone. The library
     * itself is not changed (it is immutable), so whoever holds it keeps evaluating with the rule sets it had.
     */
    public RuleLibrary with(RuleSet ruleSet) {
        String id = ruleSet.campaign().id();
        Map<String, RuleSet> sets = new TreeMap<>(ruleSets);
        sets.put(id, ruleSet);
        Map<String, List<RuleProblem>> left = new TreeMap<>(problems);
        left.remove(id);
        return new RuleLibrary(source, sets, left, defaultCampaign);
    }

    /**
     * The same library with a campaign that does not load, listed with its problems; with an empty list, the
     * campaign is no longer listed at all. A campaign that has a rule set is not taken down this way.
     *
     * @throws IllegalArgumentException when the campaign has a rule set
     */
    public RuleLibrary withProblems(String campaignId, List<RuleProblem> campaignProblems) {
        if (ruleSets.containsKey(campaignId)) {
            throw new IllegalArgumentException("Campaign " + campaignId + " has a rule set: a failed reload leaves it serving");
        }
        Map<String, List<RuleProblem>> all = new TreeMap<>(problems);
        if (campaignProblems.isEmpty()) {
            all.remove(campaignId);
        } else {
            all.put(campaignId, List.copyOf(campaignProblems));
        }
        return new RuleLibrary(source, ruleSets, all, defaultCampaign);
    }

    /** Where the campaigns were read from. */
    public Path source() {
        return source;
    }

    /** The campaigns that compiled, by id. */
    public Map<String, RuleSet> ruleSets() {
        return ruleSets;
    }

    /** The problems of each campaign (or of {@code thidua.yaml}) that did not load. Empty when all is well. */
    public Map<String, List<RuleProblem>> problems() {
        return problems;
    }

    /** Every problem of the directory, in campaign order. */
    public List<RuleProblem> allProblems() {
        return problems.values().stream().flatMap(List::stream).toList();
    }

    public Optional<String> defaultCampaign() {
        return Optional.ofNullable(defaultCampaign);
    }

    /**
     * The rule set of a campaign; {@code null} id means the default campaign.
     *
     * @throws RuleSetException      when that campaign did not compile
     * @throws InvalidInputException when there is no such campaign (path {@code campaign})
     */
    public RuleSet ruleSet(String campaignId) {
        List<InputProblem> found = new ArrayList<>();
        RuleSet ruleSet = resolve(campaignId, found);
        if (ruleSet == null) {
            throw new InvalidInputException(found);
        }
        return ruleSet;
    }

    private RuleSet resolve(String campaignId, List<InputProblem> found) {
        String id = campaignId != null ? campaignId : defaultCampaign;
        if (id == null) {
            found.add(new InputProblem("campaign", "cần nêu chiến dịch: thư mục luật có nhiều chiến dịch " + known()
                    + " mà không có chiến dịch mặc định (campaign is required)"));
            return null;
        }
        if (problems.containsKey(id)) {
            throw new RuleSetException(problems.get(id));
        }
        RuleSet ruleSet = ruleSets.get(id);
        if (ruleSet == null) {
            found.add(new InputProblem("campaign", "không có chiến dịch '" + id + "'; các chiến dịch: " + known()
                    + " (unknown campaign)"));
        }
        return ruleSet;
    }

    private List<String> known() {
        List<String> ids = new ArrayList<>(ruleSets.keySet());
        ids.addAll(problems.keySet());
        ids.remove(SETTINGS);
        return ids.stream().sorted().toList();
    }

    /**
     * Reads a request in JSON contract v1 and checks it against its campaign: every problem at once.
     *
     * @param campaignOverride a campaign id that replaces the request's own, or {@code null}
     * @throws MalformedInputException when the body is not JSON
     * @throws InvalidInputException   with every refused value and its path
     * @throws RuleSetException        when the campaign's rules did not compile
     */
    public EvaluationRequest read(InputStream json, String campaignOverride) {
        return RequestReader.request(this, RequestReader.parse(json), campaignOverride);
    }

    public EvaluationRequest read(InputStream json) {
        return read(json, null);
    }

    public EvaluationRequest read(String json) {
        return read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), null);
    }

    @Override
    public String toString() {
        Map<String, String> summary = new LinkedHashMap<>();
        ruleSets.forEach((id, set) -> summary.put(id, set.version()));
        problems.forEach((id, list) -> summary.put(id, list.size() + " problems"));
        return "RuleLibrary" + summary;
    }
}
