package org.thidua.service.store;

import java.time.Instant;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

import org.thidua.core.RuleSet;

/**
 * One version of a campaign's rules as the history keeps it: the files that made it, so any stored evaluation
 * can be traced to the exact rules behind it.
 *
 * @param version     {@code sha256:…} of the rule files (see {@link RuleSet#version()})
 * @param firstLiveAt when this version first went live; {@code null} before it is stored
 * @param files       the rule files (campaign.yaml and the DRL files) by path relative to the campaign folder
 * @param tests       the campaign's rule tests as they were when the version first went live
 */
public record RuleSetVersion(String version, String campaign, Instant firstLiveAt, SortedMap<String, String> files,
                      SortedMap<String, String> tests) {
    public RuleSetVersion {
        files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
        tests = Collections.unmodifiableSortedMap(new TreeMap<>(tests));
    }

    /** The files of a compiled rule set, not yet stored. */
    public static RuleSetVersion of(RuleSet ruleSet) {
        return new RuleSetVersion(ruleSet.version(), ruleSet.campaign().id(), null, ruleSet.ruleFiles(), ruleSet.testFiles());
    }
}
