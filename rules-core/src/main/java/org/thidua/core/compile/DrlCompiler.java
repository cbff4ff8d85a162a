package org.thidua.core.compile;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.drools.drl.parser.MessageImpl;
import org.kie.api.KieBase;
import org.kie.api.builder.Message;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.CompositeKnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.builder.ResultSeverity;
import org.kie.internal.io.ResourceFactory;
import org.thidua.core.RuleProblem;

/** Compiles a campaign's DRL files at run time with the classic engine, which keeps DRL line numbers. */
public final class DrlCompiler {
    private static final AtomicLong MESSAGES = new AtomicLong();
    private static final Pattern BRACKET_POSITION = Pattern.compile("\\[\\s*Line:\\s*(\\d+),\\s*Column:\\s*(\\d+)\\s*]");
    private static final Pattern PARSER_POSITION = Pattern.compile("\\bLine (\\d+):(\\d+)\\b");
    private static final Pattern ERROR_CODE = Pattern.compile("^\\[ERR \\d+]\\s*");

    private DrlCompiler() {
    }

    /**
     * The compiled base, or {@code null} with the problems added. All files are built as one batch by a
     * {@link KnowledgeBuilder}, as {@code KieBuilder.buildAll()} does inside, without the Maven project around it
     * (a generated pom and kmodule.xml, XStream, a KieContainer): about 700 classes of a cold start, none of which
     * can go in a class-data-sharing archive (their class files predate Java 6). The messages are made the way
     * KieBuilder makes them, so every problem keeps its file, line and text.
     */
    public static KieBase compile(String campaign, Map<String, String> drlFiles, List<RuleProblem> problems) {
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
        CompositeKnowledgeBuilder batch = builder.batch();
        drlFiles.forEach((path, text) -> batch.add(ResourceFactory.newByteArrayResource(text.getBytes(StandardCharsets.UTF_8))
                .setSourcePath(path), ResourceType.DRL));
        batch.build();
        List<RuleProblem> found = new ArrayList<>();
        List<Message> errors = builder.getResults(ResultSeverity.ERROR).stream()
                .map(result -> (Message) new MessageImpl(MESSAGES.incrementAndGet(), result)).toList();
        for (Message message : errors) {
            boolean echo = message.getText() != null && message.getText().startsWith("Unable to analyze expression")
                    && errors.stream().anyMatch(o -> o != message && o.getLine() == message.getLine()
                    && java.util.Objects.equals(o.getPath(), message.getPath()));
            if (!echo) { // Drools repeats a precise message about an expression with a vague one at the same line
                toProblem(campaign, message).ifPresent(p -> found.addAll(located(p, message.getText(), drlFiles)));
            }
        }
        if (!found.isEmpty()) {
            problems.addAll(found.stream().distinct().toList());
            return null;
        }
        return builder.newKieBase();
    }

    /** Where the person must look: an action's errors each on its statement, an unknown field with the fields there are. */
    private static List<RuleProblem> located(RuleProblem problem, String droolsText, Map<String, String> drlFiles) {
        String drl = drlFiles.get(problem.file());
        if (ActionErrors.isActionError(droolsText)) {
            return ActionErrors.locate(problem.campaign(), problem.file(), drl, problem.line(), droolsText);
        }
        return List.of(UnknownFields.explain(problem, droolsText, drl).orElse(problem));
    }

    private static java.util.Optional<RuleProblem> toProblem(String campaign, Message message) {
        String text = message.getText() == null ? "" : message.getText().trim();
        if (text.startsWith("Parser returned a null Package")) {
            return java.util.Optional.empty(); // Drools' echo of a syntax error it has already reported
        }
        int line = Math.max(message.getLine(), 0);
        int column = 0;
        Matcher bracket = BRACKET_POSITION.matcher(text);
        Matcher parser = PARSER_POSITION.matcher(text);
        // Drools counts columns from 0 in both forms; a RuleProblem counts from 1 (0 is unknown)
        if (bracket.find()) {
            line = line > 0 ? line : Integer.parseInt(bracket.group(1));
            column = Integer.parseInt(bracket.group(2)) + 1;
        } else if (parser.find()) {
            line = Integer.parseInt(parser.group(1));
            column = Integer.parseInt(parser.group(2)) + 1;
        }
        String path = message.getPath() == null ? "?" : message.getPath().replaceFirst("^src/main/resources/", "");
        return java.util.Optional.of(new RuleProblem(campaign, path, line, column, DroolsMessages.plain(text)));
    }
}
