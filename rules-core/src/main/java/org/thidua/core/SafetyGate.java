package org.thidua.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The safety gate: DRL is code, and a campaign's rules may only read the fact model and call the judge. Every
 * DRL file passes this gate before Drools sees it (compiling can already run code: rule metadata and dynamic
 * salience are evaluated), and a refused file is not compiled at all.
 *
 * <p>The design, in the order the checks run. Comments and the content of string literals are blanked first
 * ({@link DrlText}), so that a word in a Vietnamese message is never mistaken for code, and code is never
 * hidden in a comment.
 * <ol>
 *   <li><b>Text tricks are refused</b>: {@code \u005Cu} escapes (Java decodes them before anything else, so
 *       {@code \u005Cu0053ystem} is {@code System}) and string literals that do not close on their line.</li>
 *   <li><b>Allow-list of imports</b>: {@code import} names one of {@link #ALLOWED_TYPES}, one by one; no
 *       wildcards, no {@code import static}, {@code import function}, {@code import accumulate}.</li>
 *   <li><b>Allow-list of qualified names</b>: a name that starts with a package root ({@code java.}, {@code org.},
 *       {@code com.} …) must be an allowed type or one of its members ({@code java.math.BigDecimal.ZERO}); so
 *       {@code java.lang.System.exit(0)} is refused like {@code System.exit(0)}.</li>
 *   <li><b>Java dialect only</b>: {@code dialect "mvel"} is refused (MVEL resolves properties and classes by
 *       name at run time, which a word scan cannot follow); pattern constraints are still scanned.</li>
 *   <li><b>Package</b>: a campaign's package may not be one of the platform's ({@code org.thidua}, {@code java},
 *       {@code org.drools} …), where generated code would see their package-private classes.</li>
 *   <li><b>Deny-list of words</b> ({@link #DENIED}): the types and members that lead out of the fact model —
 *       system and processes, threads, files, network, reflection and class loading, the engine's own
 *       {@code drools}/{@code kcontext} — wherever they appear, in patterns, {@code eval(…)}, actions, functions
 *       or metadata. Loops ({@code for}, {@code while}, {@code do}) are refused too: an action that never
 *       returns could not be stopped by the evaluation's time limit, which is checked between rule firings.</li>
 * </ol>
 * Each refusal is a {@link RuleProblem} at the file, line and column of the word, in plain words.
 */
final class SafetyGate {
    /** The types DRL may import or name in full: the fact model, the judge, and plain values. */
    static final Set<String> ALLOWED_TYPES = Set.of(
            "org.thidua.core.UnitReport", "org.thidua.core.Unit", "org.thidua.core.UnitKind",
            "org.thidua.core.Satisfaction", "org.thidua.core.Dossiers", "org.thidua.core.StaffTraining",
            "org.thidua.core.CommuneOfficials", "org.thidua.core.Status",
            "org.thidua.core.Member", "org.thidua.core.MemberDossiers", "org.thidua.core.MemberRole",
            "org.thidua.core.TaskGrade", "org.thidua.core.Discipline", "org.thidua.core.MemberOrder",
            "org.thidua.core.TitleDecision", "org.thidua.core.Standing", "org.thidua.core.TitleJudgement",
            "org.thidua.core.Judge", "org.thidua.core.Judgement",
            "java.math.BigDecimal", "java.math.RoundingMode",
            "java.util.List", "java.util.Map", "java.util.Set", "java.util.ArrayList", "java.util.HashMap",
            "java.util.HashSet", "java.util.Collection",
            "java.lang.String", "java.lang.Integer", "java.lang.Long", "java.lang.Double", "java.lang.Boolean",
            "java.lang.Number", "java.lang.Math", "java.lang.Object");

    private static final Set<String> PACKAGE_ROOTS = Set.of(
            "java", "javax", "jdk", "sun", "com", "org", "net", "io", "jakarta", "kotlin", "groovy", "scala");
    private static final List<String> RESERVED_PACKAGES = List.of(
            "java", "javax", "jdk", "sun", "com.sun", "org.thidua", "org.drools", "org.kie", "org.mvel2");

    /** What a denied word would reach, in Vietnamese and English. */
    record Reach(String vietnamese, String english) {
    }

    private static final Reach SYSTEM = new Reach("hệ thống và tiến trình", "the system and processes");
    private static final Reach THREADS = new Reach("luồng chạy song song", "threads");
    private static final Reach FILES = new Reach("tệp trên máy", "files");
    private static final Reach NETWORK = new Reach("mạng", "the network");
    private static final Reach REFLECTION = new Reach("phản chiếu và nạp lớp", "reflection and class loading");
    private static final Reach ENGINE = new Reach("bộ máy luật bên trong (dùng insert/update/modify/delete trực tiếp)",
            "the engine's internals (use insert/update/modify/delete)");
    private static final Reach LOOPS = new Reach("vòng lặp: vòng lặp không dừng thì không ngắt được; hãy viết điều kiện (pattern)",
            "loops: an endless one could not be stopped; write a pattern instead");

    /** Words that lead outside the fact model, with what they would reach. */
    static final Map<String, Reach> DENIED = denied();

    private static Map<String, Reach> denied() {
        Map<String, Reach> denied = new LinkedHashMap<>();
        for (String word : List.of("System", "Runtime", "ProcessBuilder", "Process", "ProcessHandle", "getRuntime", "exec",
                "getenv", "getProperty", "setProperty", "getInteger", "getLong", "getBoolean", "SecurityManager")) {
            denied.put(word, SYSTEM);
        }
        for (String word : List.of("Thread", "ThreadGroup", "ThreadLocal", "InheritableThreadLocal", "Runnable", "Executors",
                "ExecutorService", "ForkJoinPool", "CompletableFuture", "Timer", "wait", "notify", "notifyAll", "synchronized")) {
            denied.put(word, THREADS);
        }
        for (String word : List.of("File", "Files", "Path", "Paths", "FileInputStream", "FileOutputStream", "FileReader",
                "FileWriter", "RandomAccessFile")) {
            denied.put(word, FILES);
        }
        for (String word : List.of("Socket", "ServerSocket", "DatagramSocket", "URL", "URI", "URLConnection", "HttpClient",
                "InetAddress")) {
            denied.put(word, NETWORK);
        }
        for (String word : List.of("Class", "class", "getClass", "forName", "ClassLoader", "getClassLoader", "classLoader",
                "getContextClassLoader", "contextClassLoader", "loadClass", "defineClass", "Module", "ModuleLayer",
                "StackWalker", "Package", "getMethod", "getMethods", "getDeclaredMethod", "getDeclaredMethods", "getField",
                "getFields", "getDeclaredField", "getDeclaredFields", "getConstructor", "getConstructors",
                "getDeclaredConstructor", "getDeclaredConstructors", "newInstance", "invoke", "invokeExact",
                "setAccessible", "Method", "Field", "Constructor", "Proxy", "MethodHandle", "MethodHandles")) {
            denied.put(word, REFLECTION);
        }
        denied.put("drools", ENGINE);
        denied.put("kcontext", ENGINE);
        for (String word : List.of("for", "while", "do")) {
            denied.put(word, LOOPS);
        }
        return Map.copyOf(denied);
    }

    private static final Pattern UNICODE_ESCAPE = Pattern.compile("\\\\u+[0-9a-fA-F]{0,4}");
    private static final Pattern IMPORT = Pattern.compile("\\bimport\\s+(?:(static|function|accumulate)\\s+)?([\\w$.*\\s]*?)\\s*(?=;|$|\\n)");
    private static final Pattern PACKAGE = Pattern.compile("\\bpackage\\s+([\\w$.\\s]+?)\\s*(?=;|\\n|$)");
    private static final Pattern DIALECT = Pattern.compile("\\bdialect\\s+([\"'])([^\"'\\n]*)\\1");
    private static final Pattern QUALIFIED = Pattern.compile(
            "(?<![\\w$.])([A-Za-z_$][\\w$]*(?:\\s*\\.\\s*[A-Za-z_$][\\w$]*)+)");
    private static final Pattern WORD = Pattern.compile("(?<![\\w$])[A-Za-z_$][\\w$]*");

    private SafetyGate() {
    }

    /** Every refusal in a campaign's DRL files; empty when they may be compiled. */
    static List<RuleProblem> check(String campaign, Map<String, String> drlFiles) {
        List<RuleProblem> refused = new ArrayList<>();
        drlFiles.forEach((file, text) -> refused.addAll(check(campaign, file, text)));
        return refused;
    }

    static List<RuleProblem> check(String campaign, String file, String text) {
        DrlText drl = DrlText.of(text);
        List<RuleProblem> refused = new ArrayList<>();
        Refusals at = (offset, message) -> refused.add(new RuleProblem(campaign, file, drl.line(offset), drl.column(offset),
                message));

        Matcher escape = UNICODE_ESCAPE.matcher(drl.withStrings());
        while (escape.find()) {
            at.refuse(escape.start(), "Không dùng mã thoát '" + escape.group() + "': hãy gõ thẳng ký tự (kể cả tiếng Việt có dấu)"
                    + " (unicode escapes are refused: type the character itself)");
        }
        if (drl.unclosedString() >= 0) {
            at.refuse(drl.unclosedString(), "Chuỗi ký tự mở bằng dấu nháy nhưng không đóng trên cùng dòng"
                    + " (a string literal must close on the line where it opens)");
        }

        String code = drl.code();
        List<int[]> checkedSpans = new ArrayList<>();
        Matcher pkg = PACKAGE.matcher(code);
        while (pkg.find()) {
            String name = pkg.group(1).replaceAll("\\s", "");
            checkedSpans.add(new int[] {pkg.start(), pkg.end()});
            RESERVED_PACKAGES.stream().filter(r -> name.equals(r) || name.startsWith(r + ".")).findFirst().ifPresent(r ->
                    at.refuse(pkg.start(1), "Gói (package) '" + name + "' dành riêng cho hệ thống; đặt tên như thidua.<mã_chiến_dịch>"
                            + " (package " + name + " is reserved)"));
        }
        Matcher imports = IMPORT.matcher(code);
        while (imports.find()) {
            checkedSpans.add(new int[] {imports.start(), imports.end()});
            String kind = imports.group(1);
            String name = imports.group(2).replaceAll("\\s", "");
            if (kind != null) {
                at.refuse(imports.start(), "Không được dùng 'import " + kind + "': luật chỉ dùng các kiểu dữ kiện và judge"
                        + " (import " + kind + " is refused)");
            } else if (!ALLOWED_TYPES.contains(name)) {
                at.refuse(imports.start(2), "Không được import '" + name + "': chỉ import được các kiểu trong danh sách cho phép "
                        + "(mô hình dữ kiện org.thidua.core, BigDecimal, List/Map/Set…) (import off the allow-list)");
            }
        }
        Matcher dialect = DIALECT.matcher(drl.withStrings());
        while (dialect.find()) {
            if (!dialect.group(2).equals("java")) {
                at.refuse(dialect.start(), "Chỉ dùng dialect \"java\"; dialect \"" + dialect.group(2) + "\" bị từ chối vì không"
                        + " kiểm soát được (only the java dialect is allowed)");
            }
        }
        Matcher qualified = QUALIFIED.matcher(code);
        while (qualified.find()) {
            if (inside(checkedSpans, qualified.start())) {
                continue;
            }
            String name = qualified.group(1).replaceAll("\\s", "");
            String root = name.substring(0, name.indexOf('.'));
            boolean allowed = ALLOWED_TYPES.stream().anyMatch(t -> name.equals(t) || name.startsWith(t + "."));
            if (PACKAGE_ROOTS.contains(root) && !allowed) {
                at.refuse(qualified.start(), "Không được dùng '" + name + "': chỉ dùng được các kiểu trong danh sách cho phép"
                        + " (the fully qualified name " + name + " is off the allow-list)");
                checkedSpans.add(new int[] {qualified.start(), qualified.end()});
            }
        }
        Matcher word = WORD.matcher(code);
        while (word.find()) {
            Reach reach = DENIED.get(word.group());
            if (reach != null && !inside(checkedSpans, word.start())) {
                at.refuse(word.start(), "Không được dùng '" + word.group() + "' trong luật: luật chỉ đọc dữ kiện (UnitReport…)"
                        + " và gọi judge, không với tới " + reach.vietnamese() + " (refused: '" + word.group()
                        + "' reaches outside the fact model, to " + reach.english() + ")");
            }
        }
        refused.sort(java.util.Comparator.comparingInt(RuleProblem::line).thenComparingInt(RuleProblem::column));
        return refused;
    }

    private static boolean inside(List<int[]> spans, int offset) {
        return spans.stream().anyMatch(s -> offset >= s[0] && offset < s[1]);
    }

    @FunctionalInterface
    private interface Refusals {
        void refuse(int offset, String message);
    }
}
