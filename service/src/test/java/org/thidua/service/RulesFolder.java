package org.thidua.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * A rules directory in a temp folder, copied from the bundled campaigns ({@code rules/campaigns}), that a test
 * edits as staff would: whole files written in place, in UTF-8. Only the 2021 campaign is kept, so that each
 * service starts fast, with its criteria as the hand-written DRL they were before they moved into its criteria
 * sheet ({@link #asDrl}): these tests edit a rule as DRL.
 */
final class RulesFolder {
    static final String CAMPAIGN = Requests.CAMPAIGN;
    static final String SATISFACTION = "criteria/satisfaction.drl";
    /** The 2021 satisfaction rule's message when met, as shipped. */
    static final String MET_MESSAGE = ".whenMet(\"{part}/{whole} người được khảo sát hài lòng ({percent}), đạt chỉ tiêu tối thiểu {targetPercent}\")";

    final Path root;

    private RulesFolder(Path root) {
        this.root = root;
    }

    static RulesFolder copy(Path target) {
        try {
            Path root = UnavailableCampaignTest.copyOfBundledCampaigns(target);
            for (String otherCampaign : java.util.List.of("par-index-xa-2023", "chi-so-cchc-xa-2025")) {
                try (Stream<Path> other = Files.walk(root.resolve(otherCampaign))) {
                    for (Path path : other.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(path);
                    }
                }
            }
            asDrl(root.resolve(CAMPAIGN));
            return new RulesFolder(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The 2021 criteria as hand-written DRL (src/test/resources/drl-2021), as they were before criteria.csv. */
    static final Path DRL_2021 = Path.of("src/test/resources/drl-2021");

    /**
     * Puts the 2021 criteria back as hand-written DRL into a copy of the campaign: criteria.csv out, criteria/*.drl in,
     * their declarations into campaign.yaml where they stood (before the grades), or at its end. It judges as the
     * sheet does, with the same rule names.
     */
    static void asDrl(Path campaign) throws IOException {
        Files.delete(campaign.resolve("criteria.csv"));
        try (Stream<Path> drl = Files.list(DRL_2021.resolve("criteria"))) {
            for (Path file : drl.toList()) {
                Files.copy(file, campaign.resolve("criteria").resolve(file.getFileName().toString()));
            }
        }
        String yaml = Files.readString(campaign.resolve("campaign.yaml"), StandardCharsets.UTF_8);
        String criteria = Files.readString(DRL_2021.resolve("criteria.yaml"), StandardCharsets.UTF_8);
        String grades = "\n# Xếp loại theo điểm";
        Files.writeString(campaign.resolve("campaign.yaml"), yaml.contains(grades)
                ? yaml.replace(grades, criteria + grades) : yaml + "\n" + criteria, StandardCharsets.UTF_8);
    }

    Path campaign(String id) {
        return root.resolve(id);
    }

    String read(String file) {
        try {
            return Files.readString(campaign(CAMPAIGN).resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rewrites a file of the 2021 campaign; fails when the edit changes nothing (the text it looks for is gone). */
    void edit(String file, UnaryOperator<String> change) {
        String before = read(file);
        String after = change.apply(before);
        if (after.equals(before)) {
            throw new AssertionError("the edit of " + file + " changes nothing");
        }
        write(CAMPAIGN, file, after);
    }

    void write(String campaign, String file, String text) {
        try {
            Path path = campaign(campaign).resolve(file);
            Files.createDirectories(path.getParent());
            Files.writeString(path, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The satisfaction rule with its met message ending in {@code suffix}: compiles and passes its tests. */
    void editMetMessage(String suffix) {
        edit(SATISFACTION, drl -> drl.replace(MET_MESSAGE, MET_MESSAGE.replace("{targetPercent}\")", "{targetPercent}" + suffix + "\")")));
    }

    /**
     * Asks {@code probe} again (every 50 ms) until its answer passes {@code done}, for at most {@code limit}: the
     * bounded wait for a background reload.
     */
    static <T> T poll(Supplier<T> probe, Predicate<T> done, Duration limit, String what) {
        long deadline = System.nanoTime() + limit.toNanos();
        T answer = probe.get();
        while (!done.test(answer)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + limit.toMillis() + " ms for " + what + "; last answer: " + answer);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            answer = probe.get();
        }
        return answer;
    }
}
