package org.thidua.service.cli;

import java.util.List;
import java.util.stream.Collectors;

import org.thidua.core.Campaign;
import org.thidua.core.Commendation;
import org.thidua.core.EvaluationResult;

/** The short "Đề nghị khen thưởng" section under the ranking table: each title, how many qualify, and who. */
public final class CommendationTable {
    private static final String NL = System.lineSeparator();
    /** Names shown per title; the full list is {@code thidua commendations}. */
    private static final int SHOWN = 10;

    private final Campaign campaign;

    CommendationTable(Campaign campaign) {
        this.campaign = campaign;
    }

    String render(EvaluationResult result) {
        StringBuilder text = new StringBuilder(NL).append("Đề nghị khen thưởng (proposed commendations):").append(NL);
        for (Campaign.Title title : campaign.titles()) {
            List<Commendation> qualified = result.commendations().stream().filter(c -> c.title().equals(title.id())).toList();
            text.append("  ").append(title.label()).append(" (").append(qualified.size()).append("): ")
                    .append(qualified.isEmpty() ? "—" : qualified.stream().limit(SHOWN).map(CommendationTable::who)
                            .collect(Collectors.joining("; ")))
                    .append(qualified.size() > SHOWN ? "; … và " + (qualified.size() - SHOWN) + " nơi/người khác" : "")
                    .append(NL);
        }
        if (!result.commendations().isEmpty()) {
            text.append("Danh sách đầy đủ kèm căn cứ: thidua commendations --input … --format csv").append(NL);
        }
        return text.toString();
    }

    private static String who(Commendation commendation) {
        return commendation.memberName() == null ? commendation.unitName()
                : commendation.memberName() + " (" + commendation.unitName() + ")";
    }
}
