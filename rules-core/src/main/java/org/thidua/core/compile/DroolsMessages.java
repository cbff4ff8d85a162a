package org.thidua.core.compile;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns Drools' compiler messages into plain words, Vietnamese first, keeping the original for experts. */
final class DroolsMessages {
    private record Plain(Pattern pattern, String vietnamese) {
    }

    /** Drools' words → ours ({@code $1} is the first group), the first match wins. */
    private static final List<Plain> KNOWN = """
            Unable to resolve ObjectType '([^']+)'                   → Không biết kiểu dữ kiện '$1': kiểm tra tên và dòng import
            mismatched input '([^']*)'                               → Sai cú pháp gần '$1'
            missing '([^']*)'                                        → Thiếu '$1'
            extraneous input '([^']*)'                               → Thừa '$1'
            no viable alternative at input '([^']*)'                 → Không hiểu được đoạn '$1'
            Unable to Analyse Expression ([^:]+)                     → Không hiểu được biểu thức $1
            Unable to find @positional field                         → Thiếu trường vị trí
            The import ([\\w.]+) cannot be resolved                  → Không tìm thấy '$1' trong dòng import
            ([\\w.]+) cannot be resolved to a (?:type|variable)      → Không biết tên '$1'
            ^([\\w.]+) cannot be resolved$                           → Không biết tên '$1'
            The method (\\w+)\\(([^)]*)\\) in the type (\\w+) is not applicable for the arguments \\(([^)]*)\\) → Phương thức $1 của $3 cần ($2) nhưng được gọi với ($4)
            Type mismatch: cannot convert from (.+) to (\\S+)        → Sai kiểu: không đổi được $1 thành $2
            Syntax error, insert "([^"]+)" to complete               → Thiếu '$1' ở cuối câu lệnh
            Syntax error on token "([^"]+)"                          → Sai cú pháp ở '$1'
            Duplicate local variable (\\w+)                          → Biến '$1' được khai báo hai lần
            The method (\\w+)\\(([^)]*)\\) is undefined for the type (\\w+) → Kiểu $3 không có phương thức $1($2)
            Unable to resolve method using strict-mode: \\S+\\.(\\w+)\\( → Không có phương thức '$1'
            Duplicate rule name: (.+)                                → Trùng tên luật: $1
            Syntax error                                             → Sai cú pháp
            """.lines().map(line -> line.split(" +→ ", 2)).map(p -> new Plain(Pattern.compile(p[0]), p[1])).toList();

    private DroolsMessages() {
    }

    static String plain(String droolsText) {
        String original = droolsText.replaceFirst("^\\[ERR \\d+]\\s*", "")
                .replaceAll("\\[\\s*Line:\\s*\\d+,\\s*Column:\\s*\\d+\\s*]", "")
                .replaceAll("\\bLine \\d+:\\d+\\s*", "")
                .replaceAll("\\s+", " ").trim();
        for (Plain plain : KNOWN) {
            Matcher matcher = plain.pattern().matcher(original);
            if (matcher.find()) {
                StringBuilder vietnamese = new StringBuilder();
                matcher.appendReplacement(vietnamese, plain.vietnamese());
                return vietnamese.substring(matcher.start()) + " (" + original + ")";
            }
        }
        return original;
    }
}
