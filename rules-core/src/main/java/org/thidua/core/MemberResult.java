package org.thidua.core;

import java.util.List;
import java.util.Optional;

/** One official's result: a finding per individual criterion of the campaign, and the titles they qualify for or not. */
public record MemberResult(String memberId, String name, MemberRole role, List<Finding> findings, List<TitleResult> titles) {
    public MemberResult {
        findings = List.copyOf(findings);
        titles = List.copyOf(titles);
    }

    public Optional<Finding> finding(String criterion) {
        return findings.stream().filter(f -> f.criterion().equals(criterion)).findFirst();
    }

    public Optional<TitleResult> title(String titleId) {
        return titles.stream().filter(t -> t.title().equals(titleId)).findFirst();
    }
}
