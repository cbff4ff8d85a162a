package org.thidua.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.thidua.service.RulesFolder.CAMPAIGN;
import static org.thidua.service.RulesFolder.SATISFACTION;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thidua.core.EvaluationRequest;
import org.thidua.core.EvaluationResult;
import org.thidua.core.RuleLibrary;
import org.thidua.core.RuleSet;
import org.thidua.service.live.LiveCampaigns;

/**
 * How an edit goes live in a running service, without the HTTP around it: only an edit that compiles, passes the
 * safety gate and passes the campaign's own rule tests replaces the live rule set, atomically; whoever took the
 * old one finishes with it.
 */
class LiveCampaignsTest {
    private static final String REQUEST = Requests.request(Requests.commune("xa-binh-yen", "UBND xã Bình Yên", 5));

    @TempDir
    Path dir;
    RulesFolder rules;
    LiveCampaigns live;
    String original;

    @BeforeEach
    void load() {
        rules = RulesFolder.copy(dir.resolve("campaigns"));
        live = new LiveCampaigns(RuleLibrary.load(rules.root));
        original = live.current().ruleSets().get(CAMPAIGN).version();
    }

    private static String satisfactionMessage(EvaluationResult result) {
        return result.evaluations().get(0).finding("SATISFACTION").orElseThrow().message();
    }

    @Test
    void an_evaluation_that_took_the_rules_before_a_swap_finishes_on_the_version_it_started_with() {
        RuleLibrary before = live.current();
        EvaluationRequest inFlight = before.read(REQUEST);

        rules.editMetMessage(" (bản sửa)");
        LiveCampaigns.Reload reload = live.reload(CAMPAIGN);
        EvaluationResult finished = inFlight.evaluate();
        EvaluationResult next = live.current().read(REQUEST).evaluate();

        assertThat(reload.outcome()).isEqualTo(LiveCampaigns.Outcome.ACCEPTED);
        assertThat(reload.previousVersion()).isEqualTo(original);
        assertThat(reload.testCases()).isPositive();
        assertThat(finished.ruleSetVersion()).isEqualTo(original);
        assertThat(satisfactionMessage(finished)).doesNotContain("bản sửa");
        assertThat(next.ruleSetVersion()).isEqualTo(reload.live().version()).isNotEqualTo(original);
        assertThat(satisfactionMessage(next)).endsWith("(bản sửa)");
        assertThat(before.ruleSets().get(CAMPAIGN).version()).as("the library taken before is unchanged").isEqualTo(original);
    }

    @Test
    void evaluations_running_through_several_swaps_each_finish_whole_on_one_version() throws Exception {
        Map<String, String> markerOfVersion = new HashMap<>();
        markerOfVersion.put(original, "");
        AtomicBoolean swapping = new AtomicBoolean(true);
        ConcurrentLinkedQueue<EvaluationResult> results = new ConcurrentLinkedQueue<>();
        ExecutorService clients = Executors.newFixedThreadPool(2);
        CountDownLatch running = new CountDownLatch(2);
        List<Future<?>> done = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                done.add(clients.submit(() -> {
                    running.countDown();
                    while (swapping.get()) {
                        results.add(live.current().read(REQUEST).evaluate());
                    }
                    return null;
                }));
            }
            running.await(5, TimeUnit.SECONDS);
            for (String marker : List.of(" [A]", " [B]")) {
                rules.edit(SATISFACTION, drl -> drl.replaceAll("(đạt chỉ tiêu tối thiểu \\{targetPercent\\})( \\[[AB]\\])?\"\\)",
                        "$1" + marker.replace("[", "\\[").replace("]", "\\]") + "\")"));
                LiveCampaigns.Reload reload = live.reload(CAMPAIGN);
                assertThat(reload.outcome()).isEqualTo(LiveCampaigns.Outcome.ACCEPTED);
                markerOfVersion.put(reload.live().version(), marker.trim());
            }
        } finally {
            swapping.set(false);
            for (Future<?> f : done) {
                f.get(10, TimeUnit.SECONDS);
            }
            clients.shutdown();
        }

        assertThat(results).isNotEmpty();
        for (EvaluationResult result : results) {
            String marker = markerOfVersion.get(result.ruleSetVersion());
            assertThat(marker).as("a version that went live").isNotNull();
            String message = satisfactionMessage(result);
            assertThat(marker.isEmpty() ? !message.contains("[") : message.endsWith(marker))
                    .as("%s made by %s", message, result.ruleSetVersion()).isTrue();
        }
        assertThat(live.current().ruleSets().get(CAMPAIGN).version()).isEqualTo(
                markerOfVersion.entrySet().stream().filter(e -> e.getValue().equals("[B]")).findFirst().orElseThrow().getKey());
    }

    @Test
    void a_syntax_error_is_refused_with_its_file_and_line_and_the_live_version_keeps_serving() {
        RuleSet before = live.current().ruleSets().get(CAMPAIGN);
        rules.edit(SATISFACTION, drl -> drl.replace("\nend", "\n"));

        LiveCampaigns.Reload reload = live.reload(CAMPAIGN);

        assertThat(reload.outcome()).isEqualTo(LiveCampaigns.Outcome.REFUSED);
        assertThat(live.current().ruleSets().get(CAMPAIGN)).isSameAs(before);
        assertThat(live.current().read(REQUEST).evaluate().ruleSetVersion()).isEqualTo(original);
        LiveCampaigns.RefusedEdit refused = live.refusedEdit(CAMPAIGN).orElseThrow();
        assertThat(refused.versionAttempted()).isNull();
        assertThat(refused.liveVersion()).isEqualTo(original);
        assertThat(refused.problems()).isNotEmpty().allSatisfy(p -> assertThat(p.file()).isEqualTo(SATISFACTION));
        assertThat(refused.problems()).anySatisfy(p -> assertThat(p.line()).isPositive());
        assertThat(live.current().problems()).as("a live campaign is not listed as unavailable").isEmpty();
    }

    @Test
    void an_edit_the_safety_gate_refuses_never_goes_live() {
        rules.edit(SATISFACTION, drl -> drl.replace("then\n", "then\n    System.exit(1);\n"));

        LiveCampaigns.Reload reload = live.reload(CAMPAIGN);

        assertThat(reload.outcome()).isEqualTo(LiveCampaigns.Outcome.REFUSED);
        assertThat(reload.refused().problems()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo(SATISFACTION);
            assertThat(p.message()).contains("System");
        });
        assertThat(live.current().ruleSets().get(CAMPAIGN).version()).isEqualTo(original);
    }

    @Test
    void an_edit_that_compiles_but_fails_its_own_rule_tests_is_refused_with_the_failing_cases() {
        rules.edit(SATISFACTION, drl -> drl.replace(".atLeast(0.95)", ".atLeast(0.9)"));

        LiveCampaigns.Reload reload = live.reload(CAMPAIGN);

        assertThat(reload.outcome()).isEqualTo(LiveCampaigns.Outcome.REFUSED);
        LiveCampaigns.RefusedEdit refused = reload.refused();
        assertThat(refused.versionAttempted()).startsWith("sha256:").isNotEqualTo(original);
        assertThat(refused.problems()).isEmpty();
        assertThat(refused.failedTests()).anySatisfy(t -> {
            assertThat(t.file()).isEqualTo("tests/satisfaction.yaml");
            assertThat(t.line()).isPositive();
            assertThat(t.name()).contains("94,99%");
            assertThat(t.failures()).anySatisfy(f -> assertThat(f).contains("SATISFACTION", "NOT_MET"));
        });
        assertThat(live.current().ruleSets().get(CAMPAIGN).version()).isEqualTo(original);
    }

    @Test
    void putting_the_files_back_clears_the_refused_edit() {
        String shipped = rules.read(SATISFACTION);
        rules.edit(SATISFACTION, drl -> drl.replace("\nend", "\n"));
        live.reload(CAMPAIGN);

        rules.write(CAMPAIGN, SATISFACTION, shipped);
        LiveCampaigns.Reload reload = live.reload(CAMPAIGN);

        assertThat(reload.outcome()).isEqualTo(LiveCampaigns.Outcome.UNCHANGED);
        assertThat(live.refusedEdit(CAMPAIGN)).isEmpty();
    }

    @Test
    void the_go_live_hook_hears_the_live_versions_at_once_then_each_accepted_reload_and_no_refused_one() {
        List<String> heard = new CopyOnWriteArrayList<>();
        live.onGoLive(ruleSet -> heard.add(ruleSet.campaign().id() + " " + ruleSet.version()));
        assertThat(heard).containsExactly(CAMPAIGN + " " + original);

        String shipped = rules.read(SATISFACTION);
        rules.write(CAMPAIGN, SATISFACTION, shipped.replace("\nend", "\n"));
        assertThat(live.reload(CAMPAIGN).outcome()).isEqualTo(LiveCampaigns.Outcome.REFUSED);
        rules.write(CAMPAIGN, SATISFACTION, shipped);
        rules.editMetMessage(" (mới)");
        String accepted = live.reload(CAMPAIGN).live().version();
        live.onGoLive(ruleSet -> {
            throw new IllegalStateException("a listener that fails");
        });
        rules.edit(SATISFACTION, drl -> drl.replace(" (mới)\")", " (mới nữa)\")"));
        LiveCampaigns.Reload afterFailingListener = live.reload(CAMPAIGN);

        assertThat(afterFailingListener.outcome()).isEqualTo(LiveCampaigns.Outcome.ACCEPTED);
        assertThat(heard).containsExactly(CAMPAIGN + " " + original, CAMPAIGN + " " + accepted,
                CAMPAIGN + " " + afterFailingListener.live().version());
    }

    @Test
    void a_new_campaign_folder_goes_live_when_it_passes_and_is_listed_unavailable_when_it_does_not() throws Exception {
        String id = "thach-that-cchc-2022";
        copyCampaignAs(id);
        String broken = "hong-2022";
        copyCampaignAs(broken);
        Files.writeString(rules.campaign(broken).resolve(SATISFACTION), "rule \"SATISFACTION\" when then");

        LiveCampaigns.Reload added = live.reload(id);
        LiveCampaigns.Reload refused = live.reload(broken);

        assertThat(added.outcome()).isEqualTo(LiveCampaigns.Outcome.ACCEPTED);
        assertThat(added.previousVersion()).isNull();
        assertThat(live.current().ruleSets()).containsKeys(CAMPAIGN, id);
        assertThat(live.current().read(REQUEST.replace(CAMPAIGN, id)).evaluate().campaign()).isEqualTo(id);
        assertThat(refused.outcome()).isEqualTo(LiveCampaigns.Outcome.REFUSED);
        assertThat(live.current().problems()).containsOnlyKeys(broken);

        deleteTree(rules.campaign(broken));
        assertThat(live.reload(broken).outcome()).isEqualTo(LiveCampaigns.Outcome.UNKNOWN);
        assertThat(live.current().problems()).as("a removed folder that never went live is forgotten").isEmpty();
    }

    @Test
    void removing_a_live_campaigns_folder_does_not_take_it_down() throws Exception {
        deleteTree(rules.campaign(CAMPAIGN));

        LiveCampaigns.Reload reload = live.reload(CAMPAIGN);

        assertThat(reload.outcome()).isEqualTo(LiveCampaigns.Outcome.REFUSED);
        assertThat(live.current().read(REQUEST).evaluate().ruleSetVersion()).isEqualTo(original);
        assertThat(reload.refused().problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("đã bị xóa"));
    }

    @Test
    void an_id_that_is_no_campaign_folder_is_unknown() {
        assertThat(live.reload("khong-co").outcome()).isEqualTo(LiveCampaigns.Outcome.UNKNOWN);
        assertThat(live.reload("..").outcome()).isEqualTo(LiveCampaigns.Outcome.UNKNOWN);
        assertThat(live.reload("thidua.yaml").outcome()).isEqualTo(LiveCampaigns.Outcome.UNKNOWN);
    }

    private void copyCampaignAs(String id) throws Exception {
        Path from = rules.campaign(CAMPAIGN);
        Path to = rules.campaign(id);
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path copy = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy);
                }
            }
        }
        Path yaml = to.resolve("campaign.yaml");
        Files.writeString(yaml, Files.readString(yaml).replace("id: " + CAMPAIGN, "id: " + id));
    }

    private static void deleteTree(Path root) throws Exception {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
