package org.thidua.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A command as a markdown file shows it: every line of a {@code ```sh} block (continued by {@code \} or an open
 * quote, {@code #} comments dropped, {@code a && b} as two commands), and every {@code $ java -jar …} line of a plain
 * block (a transcript). A block right after {@code <!-- docs-test: skip … -->} is not read: it says why.
 *
 * <p>Words are split as a POSIX shell splits them: single quotes literal, double quotes with {@code $NAME}, and
 * {@code NAME=$(curl … | jq -r .path)}, the one command substitution the documents use.
 *
 * @param source    {@code file:line}, for failures
 * @param words     the command's words, variables not yet expanded ({@code $NAME} kept)
 * @param assign    the variable a {@code NAME=$(…)} line sets, or {@code null}
 * @param jqPath    the path of {@code jq -r PATH} that picks the value, or {@code null}
 */
record DocumentedCommand(String source, List<String> words, String assign, String jqPath) {
    private static final Pattern ASSIGNMENT = Pattern.compile("(\\w+)=\\$\\((.*) \\| jq -r '?([^' ]+)'?\\)");
    private static final Pattern VARIABLE = Pattern.compile("\\$(\\w+)");
    static final String SKIP = "<!-- docs-test: skip";

    /** @param name the file as failures name it ({@code service/README.md}) */
    static List<DocumentedCommand> in(Path markdown, String name) throws IOException {
        List<String> lines = Files.readAllLines(markdown);
        List<DocumentedCommand> commands = new ArrayList<>();
        String fence = null;
        boolean skipped = false;
        StringBuilder pending = new StringBuilder();
        int pendingLine = 0;
        String previous = "";
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("```")) {
                fence = fence == null ? line.substring(3).trim() : null;
                skipped = fence != null && previous.startsWith(SKIP);
                continue;
            }
            if (!line.isBlank()) {
                previous = line.strip();
            }
            if (fence == null || skipped) {
                continue;
            }
            String where = name + ":" + (i + 1);
            if (fence.isEmpty() && line.startsWith("$ java -jar ")) {
                commands.add(parse(where, line.substring(2)));
            } else if (fence.equals("sh")) {
                if (pending.length() == 0) {
                    pendingLine = i + 1;
                }
                if (line.endsWith("\\")) {
                    pending.append(line, 0, line.length() - 1).append(' ');
                    continue;
                }
                pending.append(line);
                if (endsInsideQuotes(pending)) {
                    pending.append('\n');
                    continue;
                }
                for (String part : pending.toString().split(" && ")) {
                    DocumentedCommand command = parse(name + ":" + pendingLine, part);
                    if (!command.words().isEmpty()) {
                        commands.add(command);
                    }
                }
                pending.setLength(0);
            }
        }
        return commands;
    }

    /** The words with each {@code $NAME} replaced by its value. */
    List<String> expanded(Map<String, String> variables) {
        return words.stream().map(word -> {
            Matcher m = VARIABLE.matcher(word);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                if (!variables.containsKey(m.group(1))) {
                    throw new IllegalStateException(source + ": $" + m.group(1) + " is set by no command before it");
                }
                m.appendReplacement(out, Matcher.quoteReplacement(variables.get(m.group(1))));
            }
            return m.appendTail(out).toString();
        }).toList();
    }

    private static DocumentedCommand parse(String source, String text) {
        Matcher assignment = ASSIGNMENT.matcher(text.strip());
        if (assignment.matches()) {
            return new DocumentedCommand(source, words(assignment.group(2)), assignment.group(1), assignment.group(3));
        }
        return new DocumentedCommand(source, words(text), null, null);
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (quote == '"' && c == '\\' && i + 1 < text.length() && "\"\\$".indexOf(text.charAt(i + 1)) >= 0) {
                    word.append(text.charAt(++i));
                } else {
                    word.append(c);
                }
            } else if (Character.isWhitespace(c)) {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
            } else if (c == '#' && word == null) {
                break;
            } else {
                word = word == null ? new StringBuilder() : word;
                if (c == '\'' || c == '"') {
                    quote = c;
                } else {
                    word.append(c);
                }
            }
        }
        if (word != null) {
            words.add(word.toString());
        }
        return words;
    }

    private static boolean endsInsideQuotes(CharSequence text) {
        char quote = 0;
        boolean wordStart = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '#' && wordStart) {
                while (i < text.length() && text.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            }
            wordStart = quote == 0 && Character.isWhitespace(c);
        }
        return quote != 0;
    }
}
