package org.thidua.core.compile;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.thidua.core.RuleProblem;

/**
 * Puts the Java compiler's errors in a rule's action ({@code then … end}) on the statement's own line. Drools
 * reports them all in one message at the {@code rule} line; each error's words name what is wrong (a method, a
 * variable, a type, a token), and that name is searched in the action's code, in order, since the compiler
 * reports errors in source order. An error whose words name nothing findable stays on the {@code then} line.
 */
final class ActionErrors {
    static final String PREFIX = "Rule Compilation error";

    /** How to find the code an error is about: a regular expression made from the error's words. */
    private record Clue(Pattern error, Function<Matcher, String> needle, int skip) {
        Clue(String error, Function<Matcher, String> needle) {
            this(Pattern.compile(error), needle, 0);
        }
    }

    private static final List<Clue> CLUES = List.of(
            new Clue("The method (\\w+)\\(", m -> call(m.group(1))),
            new Clue("Cannot invoke (\\w+)\\(", m -> call(m.group(1))),
            new Clue("The constructor ([\\w.]+)\\(", m -> "\\bnew\\s+" + name(m.group(1)) + "\\s*[(<]"),
            new Clue("^(\\w+) cannot be resolved or is not a field", m -> "\\.\\s*" + word(m.group(1))),
            new Clue("^([\\w$.]+) cannot be resolved", m -> word(name(m.group(1)))),
            new Clue("Type mismatch: cannot convert from .+ to ([\\w.$]+)", m -> word(name(m.group(1))) + "(?:<[^=;]*>)?\\s+[\\w$]+\\s*="),
            new Clue("The field [\\w.]+\\.(\\w+) is not visible", m -> "\\.\\s*" + word(m.group(1))),
            new Clue("Syntax error on token \"([^\"]+)\"", m -> Pattern.quote(m.group(1))),
            new Clue("The operator (\\S+) is undefined", m -> "(?<![=!<>+\\-*/&|])" + Pattern.quote(m.group(1)) + "(?![=+\\-&|])"),
            new Clue(Pattern.compile("^Duplicate local variable (\\w+)"), m -> word(m.group(1)) + "\\s*[=;]", 1),
            new Clue(Pattern.compile("^The local variable (\\w+) may not have been initialized"), m -> word(m.group(1)), 1));

    private static final Pattern MISSING_TOKEN = Pattern.compile("^Syntax error, insert \"([^\"]+)\" to complete");
    private static final Pattern THEN = Pattern.compile("\\bthen\\b");
    private static final Pattern END = Pattern.compile("(?m)^\\s*end\\b");
    private static final Pattern RULE = Pattern.compile("\\brule\\s+(\"[^\"]*\"|'[^']*'|\\S+)");

    private ActionErrors() {
    }

    static boolean isActionError(String droolsText) {
        return droolsText != null && droolsText.startsWith(PREFIX);
    }

    /**
     * One problem per compiler error in the action of the rule reported at {@code ruleLine}, each at its own line
     * and column where found.
     */
    static List<RuleProblem> locate(String campaign, String file, String drlText, int ruleLine, String droolsText) {
        DrlText drl = DrlText.of(drlText == null ? "" : drlText);
        String code = drl.code();
        int ruleStart = drl.lineStart(ruleLine);
        Matcher rule = RULE.matcher(code);
        String ruleName = rule.find(ruleStart) ? drl.original().substring(rule.start(1), rule.end(1)).replaceAll("^[\"']|[\"']$", "") : "?";
        Matcher then = THEN.matcher(code);
        boolean hasThen = then.find(ruleStart);
        int thenOffset = hasThen ? then.start() : ruleStart;
        int actionStart = hasThen ? then.end() : ruleStart;
        Matcher end = END.matcher(code);
        int actionEnd = end.find(actionStart) ? end.start() : code.length();

        List<RuleProblem> problems = new ArrayList<>();
        int cursor = actionStart;
        for (String error : droolsText.substring(PREFIX.length()).trim().split("\\R")) {
            error = error.trim();
            if (error.isEmpty()) {
                continue;
            }
            int found = find(error, code, actionStart, actionEnd, cursor);
            int at = found >= 0 ? found : thenOffset;
            if (found >= 0) {
                cursor = found + 1;
            }
            problems.add(new RuleProblem(campaign, file, drl.line(at), drl.column(at),
                    "Luật \"" + ruleName + "\", phần then (rule action): " + DroolsMessages.plain(error)));
        }
        return problems;
    }

    /** The offset the error is about, or -1. */
    private static int find(String error, String code, int from, int to, int cursor) {
        Matcher missing = MISSING_TOKEN.matcher(error);
        if (missing.find()) {
            return unfinishedStatement(code, Math.max(from, lineStartOf(code, cursor)), to);
        }
        for (Clue clue : CLUES) {
            Matcher words = clue.error().matcher(error);
            if (words.find()) {
                Pattern needle = Pattern.compile(clue.needle().apply(words));
                int found = nth(needle, code, Math.max(from, cursor - 1), to, clue.skip());
                return found >= 0 ? found : nth(needle, code, from, to, clue.skip());
            }
        }
        return -1;
    }

    private static int nth(Pattern needle, String code, int from, int to, int skip) {
        Matcher matcher = needle.matcher(code).region(from, to);
        int seen = 0;
        while (matcher.find()) {
            if (seen++ == skip) {
                return matcher.start();
            }
        }
        return -1;
    }

    /** Where a statement stops without its {@code ;}: the end of the first code line that neither ends nor continues. */
    private static int unfinishedStatement(String code, int from, int to) {
        String[] lines = code.substring(from, to).split("\n", -1);
        int offset = from;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].stripTrailing();
            String next = "";
            for (int j = i + 1; j < lines.length && next.isEmpty(); j++) {
                next = lines[j].strip();
            }
            boolean ends = line.isBlank() || line.matches(".*[;{}(,\\[+\\-*/=&|?:.]$");
            boolean continues = next.isEmpty() || next.matches("^[.+\\-*/&|?:)\\],].*");
            if (!ends && !continues) {
                return offset + line.length();
            }
            offset += lines[i].length() + 1;
        }
        return -1;
    }

    private static int lineStartOf(String code, int offset) {
        return code.lastIndexOf('\n', Math.max(0, offset - 1)) + 1;
    }

    private static String call(String method) {
        return word(method) + "\\s*\\(";
    }

    private static String word(String name) {
        return "(?<![\\w$])" + name.replace("$", "\\$").replace(".", "\\s*\\.\\s*") + "(?![\\w$])";
    }

    private static String name(String qualified) {
        return qualified.substring(qualified.lastIndexOf('.') + 1);
    }
}
