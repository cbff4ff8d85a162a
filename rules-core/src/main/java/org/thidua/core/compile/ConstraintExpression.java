package org.thidua.core.compile;

import java.util.Optional;
import java.util.Set;

import org.thidua.core.Discipline;
import org.thidua.core.Member;
import org.thidua.core.UnitReport;

/**
 * A constraint of a pattern ({@code dossiers != null}, {@code disciplinedAtLeast(Discipline.CANH_CAO)}), a
 * {@code from} source or an accumulate argument, checked word by word. Drools hands these to MVEL, which resolves
 * names at run time, so the allow-list is on the names: every word must be a member that is safe on every allowed
 * type ({@link RuleVocabulary#CONSTRAINT_NAMES}), a name the rule binds, an allowed type, or a literal; and the
 * only symbols are those of comparisons, arithmetic and calls. No {@code new}, no brackets, no assignment, no
 * {@code matches}/{@code soundslike} (a regular expression can run for minutes on a short name).
 */
final class ConstraintExpression {
    /** What a constraint may say besides names: literals and the operators DRL constraints use. */
    private static final Set<String> KEYWORDS = Set.of("null", "true", "false", "this", "not", "in", "contains",
            "memberOf", "excludes");
    /** Words that mean something to MVEL or Java, or name what lies outside the fact model: never a misspelling. */
    private static final Set<String> LANGUAGE_WORDS = Set.of("new", "judge", "drools", "kcontext", "java", "javax", "jdk",
            "sun", "com", "org", "net", "io", "jakarta", "with", "def", "function", "import", "foreach", "for", "while", "do",
            "if", "else", "until", "return", "assert", "typeof", "isdef", "instanceof", "matches", "soundslike", "str",
            "class", "super", "var", "nil", "empty");
    private static final Set<String> SYMBOLS = Set.of("==", "!=", "<=", ">=", "&&", "||", "!.", "<", ">", "!", "+", "-",
            "*", "/", "%", "(", ")", ",", ".", ":", "?");

    /** The first word or symbol that is off the allow-list, with its offset in the expression. */
    record Refusal(int offset, String vietnamese, String english) {
    }

    private ConstraintExpression() {
    }

    static Optional<Refusal> check(String expression, Set<String> bound) {
        if (expression == null) {
            return Optional.empty();
        }
        int i = 0;
        int n = expression.length();
        while (i < n) {
            char c = expression.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"' || c == '\'') {
                int end = i + 1;
                while (end < n && expression.charAt(end) != c) {
                    end += expression.charAt(end) == '\\' ? 2 : 1;
                }
                i = end + 1;
            } else if (Character.isDigit(c)) {
                while (i < n && (Character.isLetterOrDigit(expression.charAt(i)) || expression.charAt(i) == '.'
                        || expression.charAt(i) == '_')) {
                    i++;
                }
            } else if (Character.isJavaIdentifierStart(c)) {
                int start = i;
                while (i < n && Character.isJavaIdentifierPart(expression.charAt(i))) {
                    i++;
                }
                String word = expression.substring(start, i);
                if (!allowed(word, bound) && !misspelt(word)) {
                    return Optional.of(refusedWord(start, word));
                }
            } else {
                String symbol = i + 1 < n && SYMBOLS.contains(expression.substring(i, i + 2)) ? expression.substring(i, i + 2)
                        : String.valueOf(c);
                if (c == '@') {
                    String name = DrlAnnotations.nameAt(expression, i);
                    return Optional.of(new Refusal(i, DrlAnnotations.vietnamese(name, "trong điều kiện"),
                            DrlAnnotations.english(name, "in a constraint")));
                }
                if (!SYMBOLS.contains(symbol)) {
                    return Optional.of(new Refusal(i, "Không được dùng ký hiệu '" + symbol + "' trong điều kiện: chỉ so sánh"
                            + " (==, !=, <, >, <=, >=), tính toán (+, -, *, /), &&, ||, ! và gọi thuộc tính của dữ kiện",
                            "symbol '" + symbol + "' is off the allow-list"));
                }
                i += symbol.length();
            }
        }
        return Optional.empty();
    }

    private static boolean allowed(String word, Set<String> bound) {
        // a $-name is a binding (declared here, "$n : qualified", or before): MVEL resolves it to nothing else
        return KEYWORDS.contains(word) || bound.contains(word) || word.startsWith("$") || RuleVocabulary.CONSTRAINT_NAMES.contains(word)
                || RuleVocabulary.type(word).isPresent();
    }

    /**
     * A lower-case word that is no member of any type on the list, nor of MVEL's language: a misspelt field, which
     * MVEL cannot resolve either. Left to the compiler, which refuses it with the fields there are.
     */
    private static boolean misspelt(String word) {
        return Character.isLowerCase(word.charAt(0)) && !RuleVocabulary.REFUSED_NAMES.contains(word)
                && !LANGUAGE_WORDS.contains(word);
    }

    private static Refusal refusedWord(int offset, String word) {
        String instead = switch (word) {
            case "matches", "soundslike" -> "so sánh bằng ==, startsWith, contains thay cho biểu thức chính quy";
            case "new" -> "không tạo đối tượng trong điều kiện";
            default -> "chỉ dùng thuộc tính của dữ kiện (UnitReport, Member…), biến đã gán ($r…) và hằng số";
        };
        return new Refusal(offset, "Không được dùng '" + word + "' trong điều kiện: " + instead,
                "'" + word + "' is not a member of the fact model");
    }
}
