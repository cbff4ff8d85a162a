package org.thidua.core.compile;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns Drools' compiler messages into plain words, Vietnamese first, keeping the original for experts. */
final class DroolsMessages {
    private record Plain(Pattern pattern, String vietnamese) {
    }

    private static final List<Plain> KNOWN = List.of(
            new Plain(Pattern.compile("Unable to resolve ObjectType '([^']+)'"), "Không biết kiểu dữ kiện '$1': kiểm tra tên và dòng import"),
            new Plain(Pattern.compile("mismatched input '([^']*)'"), "Sai cú pháp gần '$1'"),
            new Plain(Pattern.compile("missing '([^']*)'"), "Thiếu '$1'"),
            new Plain(Pattern.compile("extraneous input '([^']*)'"), "Thừa '$1'"),
            new Plain(Pattern.compile("no viable alternative at input '([^']*)'"), "Không hiểu được đoạn '$1'"),
            new Plain(Pattern.compile("Unable to Analyse Expression ([^:]+)"), "Không hiểu được biểu thức $1"),
            new Plain(Pattern.compile("Unable to find @positional field"), "Thiếu trường vị trí"),
            new Plain(Pattern.compile("The import ([\\w.]+) cannot be resolved"), "Không tìm thấy '$1' trong dòng import"),
            new Plain(Pattern.compile("([\\w.]+) cannot be resolved to a (?:type|variable)"), "Không biết tên '$1'"),
            new Plain(Pattern.compile("^([\\w.]+) cannot be resolved$"), "Không biết tên '$1'"),
            new Plain(Pattern.compile("The method (\\w+)\\(([^)]*)\\) in the type (\\w+) is not applicable for the arguments \\(([^)]*)\\)"),
                    "Phương thức $1 của $3 cần ($2) nhưng được gọi với ($4)"),
            new Plain(Pattern.compile("Type mismatch: cannot convert from (.+) to (\\S+)"), "Sai kiểu: không đổi được $1 thành $2"),
            new Plain(Pattern.compile("Syntax error, insert \"([^\"]+)\" to complete"), "Thiếu '$1' ở cuối câu lệnh"),
            new Plain(Pattern.compile("Syntax error on token \"([^\"]+)\""), "Sai cú pháp ở '$1'"),
            new Plain(Pattern.compile("Duplicate local variable (\\w+)"), "Biến '$1' được khai báo hai lần"),
            new Plain(Pattern.compile("The method (\\w+)\\(([^)]*)\\) is undefined for the type (\\w+)"),
                    "Kiểu $3 không có phương thức $1($2)"),
            new Plain(Pattern.compile("Unable to resolve method using strict-mode: \\S+\\.(\\w+)\\("),
                    "Không có phương thức '$1'"),
            new Plain(Pattern.compile("Duplicate rule name: (.+)"), "Trùng tên luật: $1"),
            new Plain(Pattern.compile("Syntax error"), "Sai cú pháp"));

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
