package org.thidua.service.http;

import java.util.function.Supplier;

import org.thidua.core.RuleLibrary;
import org.thidua.service.sheets.UnitSheetTemplate;

import io.javalin.http.Context;

/**
 * {@code GET /api/v1/templates/units.xlsx} and {@code units.csv}: the blank unit-figures sheet of the default campaign
 * (for the bundled campaigns, the bytes shipped in the jar as {@code thidua/templates/so-lieu-don-vi.*}), or with
 * {@code ?campaign=} of that campaign, its indicator columns included: byte for byte what {@code thidua template}
 * writes.
 */
final class TemplateApi {
    /** The live campaigns, taken once per request: a reload meanwhile does not change a request's rules. */
    private final Supplier<RuleLibrary> campaigns;

    TemplateApi(Supplier<RuleLibrary> campaigns) {
        this.campaigns = campaigns;
    }

    void csv(Context ctx) {
        send(ctx, false);
    }

    void xlsx(Context ctx) {
        send(ctx, true);
    }

    private void send(Context ctx, boolean excel) {
        RuleLibrary library = campaigns.get();
        String campaign = EvaluationApi.blankToNull(ctx.queryParam("campaign"));
        if (campaign != null && !library.ruleSets().containsKey(campaign)) {
            throw ProblemException.notFound("Không có chiến dịch '" + campaign + "'; các chiến dịch: " + library.ruleSets().keySet()
                    + " (no such campaign)");
        }
        UnitSheetTemplate template = new UnitSheetTemplate(library.ruleSet(campaign).campaign());
        byte[] body = ReportApi.bytes(out -> template.write(out, excel));
        ctx.status(200);
        ctx.contentType(excel ? RequestBody.XLSX_TYPE : "text/csv; charset=utf-8");
        ReportApi.attachment(ctx, "so-lieu-don-vi" + (campaign == null ? "" : "-" + campaign) + (excel ? ".xlsx" : ".csv"));
        ctx.result(body);
    }
}
