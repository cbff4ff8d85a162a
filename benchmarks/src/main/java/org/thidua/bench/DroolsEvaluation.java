package org.thidua.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.StatelessKieSession;
import org.thidua.core.UnitReport;

/**
 * The five criteria as plain DRL ({@code peers/criteria.drl}) on Drools used directly: compiled with KieServices at
 * run time, no thidua in between. Each unit's report and statuses go into a stateless session: one session per unit,
 * or one per {@code unitsPerSession} units. On the calling thread.
 */
public final class DroolsEvaluation {
    private static final String RULES_FILE = "peers/criteria.drl";

    private final StatelessKieSession session;
    private final int unitsPerSession;
    private final Function<UnitReport, UnitStatuses> before;

    public DroolsEvaluation(int unitsPerSession, Function<UnitReport, UnitStatuses> before) {
        this.session = compile().newStatelessKieSession();
        this.unitsPerSession = unitsPerSession;
        this.before = before;
    }

    private static KieBase compile() {
        KieServices services = KieServices.Factory.get();
        ReleaseId release = services.newReleaseId("org.thidua.bench", "peers-" + UUID.randomUUID(), "1.0.0");
        KieFileSystem files = services.newKieFileSystem();
        files.generateAndWritePomXML(release);
        files.write("src/main/resources/" + RULES_FILE, ClassPathText.read(RULES_FILE));
        KieBuilder builder = services.newKieBuilder(files).buildAll();
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        if (!errors.isEmpty()) {
            throw new IllegalStateException(RULES_FILE + " does not compile: " + errors);
        }
        return services.newKieContainer(release).getKieBase();
    }

    public List<UnitStatuses> evaluate(List<UnitReport> reports) {
        List<UnitStatuses> out = new ArrayList<>(reports.size());
        List<Object> facts = new ArrayList<>(2 * unitsPerSession);
        for (UnitReport report : reports) {
            UnitStatuses statuses = before.apply(report);
            facts.add(report);
            facts.add(statuses);
            out.add(statuses);
            if (facts.size() == 2 * unitsPerSession) {
                session.execute(facts);
                facts.clear();
            }
        }
        if (!facts.isEmpty()) {
            session.execute(facts);
        }
        return out;
    }
}
