package org.thidua.service.cli;

import picocli.CommandLine.Option;

/**
 * {@code --campaign ID}: the campaign a command works with, or {@code null} for the request's own or the library's
 * default. What it means differs a little by command; each command's text is in {@code Options.properties}.
 */
public final class CampaignOption {
    @Option(names = "--campaign", paramLabel = "ID", descriptionKey = "campaign",
            description = "Chiến dịch dùng để đánh giá, thay cho chiến dịch nêu trong tệp (overrides the request's campaign).")
    String id;

    /** The campaign asked for, or {@code null}. */
    String id() {
        return id;
    }
}
