package org.thidua.core.compile;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.thidua.core.CommuneOfficials;
import org.thidua.core.Dossiers;
import org.thidua.core.RuleProblem;
import org.thidua.core.Satisfaction;
import org.thidua.core.StaffTraining;
import org.thidua.core.Unit;
import org.thidua.core.UnitReport;

/**
 * When a pattern uses a field its fact type does not have ({@code Dossiers( totl > 0 )}), says which fields the
 * type does have and which one was probably meant, at the column of the misspelt word.
 */
final class UnknownFields {
    private static final List<Class<?>> FACTS = List.of(UnitReport.class, Unit.class, Satisfaction.class, Dossiers.class,
            StaffTraining.class, CommuneOfficials.class);
    private static final Map<String, Class<?>> BY_NAME = Stream.concat(
                    FACTS.stream().collect(Collectors.toMap(Class::getName, Function.identity())).entrySet().stream(),
                    FACTS.stream().collect(Collectors.toMap(Class::getSimpleName, Function.identity())).entrySet().stream())
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));

    private static final Pattern STRICT_MODE = Pattern.compile("unable to resolve method using strict-mode: ([\\w.$]+)\\.(\\w+)\\([^)]*\\)");
    private static final Pattern FIELD_READER = Pattern.compile("Field Reader does not exist for declaration '[^']*' in '[^':]*:\\s*([\\w$]+)");
    private static final Pattern PATTERN_TYPE = Pattern.compile("([A-Z][\\w$]*)\\s*\\(");

    private UnknownFields() {
    }

    /** The problem reworded when Drools' message is about an unknown field of a fact type; otherwise empty. */
    static Optional<RuleProblem> explain(RuleProblem problem, String droolsText, String drlText) {
        String lineText = lineText(drlText, problem.line());
        Matcher strict = STRICT_MODE.matcher(droolsText);
        if (strict.find() && BY_NAME.containsKey(strict.group(1))) {
            return Optional.of(reworded(problem, BY_NAME.get(strict.group(1)), strict.group(2), drlText));
        }
        Matcher reader = FIELD_READER.matcher(droolsText);
        if (reader.find()) {
            String field = reader.group(1);
            int at = lineText.indexOf(field);
            Matcher type = PATTERN_TYPE.matcher(at < 0 ? lineText : lineText.substring(0, at));
            String simpleName = null;
            while (type.find()) {
                simpleName = type.group(1);
            }
            if (simpleName != null && BY_NAME.containsKey(simpleName)) {
                return Optional.of(reworded(problem, BY_NAME.get(simpleName), field, drlText));
            }
        }
        return Optional.empty();
    }

    private static RuleProblem reworded(RuleProblem problem, Class<?> type, String field, String drlText) {
        List<String> fields = fields(type);
        String suggestion = closest(field, fields).map(f -> " Có phải ý là '" + f + "'?").orElse("");
        String english = closest(field, fields).map(f -> "; did you mean '" + f + "'?").orElse("");
        // Drools reports the line where the pattern starts; the word may be on a later line of the same pattern.
        DrlText drl = DrlText.of(drlText == null ? "" : drlText);
        int from = drl.lineStart(problem.line());
        Matcher then = Pattern.compile("\\bthen\\b").matcher(drl.code());
        int to = then.find(from) ? then.start() : drl.code().length();
        Matcher word = Pattern.compile("(?<![\\w$.])" + Pattern.quote(field) + "(?![\\w$])").matcher(drl.code()).region(from, to);
        Matcher nested = Pattern.compile("(?<![\\w$])" + Pattern.quote(field) + "(?![\\w$])").matcher(drl.code()).region(from, to);
        int at = word.find() ? word.start() : nested.find() ? nested.start() : -1;
        int line = at < 0 ? problem.line() : drl.line(at);
        int column = at < 0 ? problem.column() : drl.column(at);
        String name = type.getSimpleName();
        return new RuleProblem(problem.campaign(), problem.file(), line, column,
                name + " không có trường '" + field + "'; các trường có: " + String.join(", ", fields) + "." + suggestion
                        + " (" + name + " has no field '" + field + "'; its fields are: " + String.join(", ", fields) + english + ")");
    }

    /** What a pattern can read on a fact type: record components, then other getters, and lookups such as indicator("…"). */
    static List<String> fields(Class<?> type) {
        Set<String> fields = new LinkedHashSet<>();
        if (type.isRecord()) {
            Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).forEach(fields::add);
        }
        List<Method> methods = new ArrayList<>(Arrays.asList(type.getDeclaredMethods()));
        methods.sort(Comparator.comparing(Method::getName));
        for (Method method : methods) {
            boolean readable = Modifier.isPublic(method.getModifiers()) && !Modifier.isStatic(method.getModifiers())
                    && method.getReturnType() != void.class && !method.getName().startsWith("with")
                    && !List.of("equals", "hashCode", "toString").contains(method.getName());
            if (readable && method.getParameterCount() == 0) {
                fields.add(propertyName(method.getName()));
            } else if (readable && method.getParameterCount() == 1 && method.getParameterTypes()[0] == String.class) {
                fields.add(method.getName() + "(\"…\")");
            }
        }
        return List.copyOf(fields);
    }

    private static String propertyName(String method) {
        for (String prefix : List.of("get", "is")) {
            if (method.startsWith(prefix) && method.length() > prefix.length() && Character.isUpperCase(method.charAt(prefix.length()))) {
                return Character.toLowerCase(method.charAt(prefix.length())) + method.substring(prefix.length() + 1);
            }
        }
        return method;
    }

    /** The known name nearest to a misspelt one, when it is near enough to be a typo. */
    static Optional<String> closest(String wrong, List<String> known) {
        return known.stream()
                .map(k -> Map.entry(k, distance(wrong.toLowerCase(java.util.Locale.ROOT),
                        k.replaceFirst("\\(.*", "").toLowerCase(java.util.Locale.ROOT))))
                .filter(e -> e.getValue() <= Math.max(2, wrong.length() / 3))
                .min(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey);
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static String lineText(String text, int line) {
        if (text == null || line < 1) {
            return "";
        }
        String[] lines = text.split("\\R", -1);
        return line <= lines.length ? lines[line - 1] : "";
    }
}
