package org.thidua.core.compile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.drools.drl.ast.descr.AnnotatedBaseDescr;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.thidua.core.RuleProblem;

/**
 * The annotations of a DRL file ({@code @Name(…)}), on the gate's allow-list before Drools compiles the file. Drools
 * acts on its own annotations as it compiles: {@code @Direct} fires a rule at once at the highest salience,
 * {@code @Propagation}, {@code @ActivationListener} and {@code @All} change how a rule fires, {@code @watch} what
 * wakes a pattern, and declarations carry theirs. A file carries exactly two, only on a rule, each once and with one
 * plain value: {@code @criterion(ID)} and {@code @title(ID)}, which name what the rule judges ({@code RuleIndex}).
 * <p>
 * Two readings agree on it. The tree from Drools' parser holds each annotation where Drools will see it, whatever
 * the text around it looks like (a string over two lines hides what follows it from a reader of the text); the text
 * holds every {@code @} outside comments and strings, so an annotation the tree keeps nowhere (a Java annotation in an
 * action, one in a constraint) is refused too. An annotation the tree holds is refused at its {@code @} in the text.
 */
final class DrlAnnotations {
    /** The rule metadata thidua reads: what a rule judges, when its name is not that id. */
    private static final Set<String> ALLOWED = Set.of("criterion", "title");
    /** A metadata value Drools would evaluate as MVEL: only a plain word, a number or a plain quoted text. */
    private static final Pattern PLAIN_VALUE = Pattern.compile("[\\p{L}\\p{N}_]*|\"[^\"\\\\]*\"");
    /** An {@code @} and the name after it, in the text with comments and strings blanked. */
    private static final Pattern AT_NAME = Pattern.compile("@\\s*([\\p{L}_$][\\p{L}\\p{N}_$]*(?:\\s*\\.\\s*[\\p{L}_$][\\p{L}\\p{N}_$]*)*)?");

    /** A place in the file, as a person reads it: line and column from 1. */
    private record At(int line, int column) {
    }

    /** One {@code @name} of the text, and whether the tree has accounted for it. */
    private static final class Written {
        final int offset;
        final String name;
        boolean seen;

        Written(int offset, String name) {
            this.offset = offset;
            this.name = name;
        }
    }

    private final String campaign;
    private final String file;
    private final DrlText text;
    private final List<Written> written = new ArrayList<>();
    private final List<RuleProblem> refused;

    /** The annotations of {@code drl}; every refusal goes to {@code refused}. */
    DrlAnnotations(String campaign, String file, String drl, List<RuleProblem> refused) {
        this.campaign = campaign;
        this.file = file;
        this.text = DrlText.of(drl);
        this.refused = refused;
        for (int at = text.code().indexOf('@'); at >= 0; at = text.code().indexOf('@', at + 1)) {
            written.add(new Written(at, nameAt(text.code(), at)));
        }
    }

    /** The name of the annotation whose {@code @} is at {@code at}, white space left out ({@code @ org. Foo} is org.Foo). */
    static String nameAt(String code, int at) {
        Matcher m = AT_NAME.matcher(code).region(at, code.length());
        return m.lookingAt() && m.group(1) != null ? m.group(1).replaceAll("\\s", "") : "";
    }

    /** The words of a refusal of {@code @name}, {@code where} in Vietnamese and in English: one wording everywhere. */
    static String vietnamese(String name, String where) {
        return "Không được gắn thẻ @" + name + (where.isEmpty() ? "" : " " + where)
                + ": chỉ gắn @criterion(MÃ) hoặc @title(MÃ) cho luật, ngay dưới dòng rule, mỗi thẻ một lần";
    }

    static String english(String name, String where) {
        return "annotation @" + name + (where.isEmpty() ? "" : " " + where)
                + " is off the allow-list: only @criterion or @title, on a rule, once each";
    }

    /** A rule's annotations: {@code @criterion} and {@code @title} once, with one plain value; any other refused. */
    void onRule(RuleDescr rule) {
        for (AnnotationDescr annotation : rule.getAnnotations()) {
            String name = annotation.getName();
            if (!ALLOWED.contains(name)) {
                refuse(rule, annotation, vietnamese(name, "cho luật"), english(name, "on a rule"));
                continue;
            }
            Map<String, Object> values = annotation.getValueMap();
            if (values.size() != 1 || !values.containsKey(AnnotationDescr.VALUE)) {
                refuse(rule, annotation, "Không được viết thẻ @" + name + " với " + values.size() + " giá trị: thẻ nhận đúng"
                        + " một mã, ví dụ @" + name + "(HAI_LONG)", "annotation @" + name + " takes exactly one value");
            } else if (!PLAIN_VALUE.matcher(String.valueOf(values.get(AnnotationDescr.VALUE)).trim()).matches()) {
                refuse(rule, annotation, "Không được viết biểu thức trong thẻ @" + name + ": thẻ chỉ nhận một từ, một số hoặc"
                        + " một chuỗi trong ngoặc kép, ví dụ @title(LAO_DONG_TIEN_TIEN) (" + values.values() + ")",
                        "metadata values are plain words, numbers or quoted text");
            } else {
                place(rule, annotation, false); // allowed: its @ in the text is accounted for
            }
            if (annotation.isDuplicated()) { // the parser keeps the first; the second is the one to remove
                refuse(rule, annotation, "Không được viết thẻ @" + name + " hai lần cho một luật",
                        "annotation @" + name + " is written twice");
            }
        }
    }

    /**
     * Every annotation of a descr other than a rule (a pattern, and/or, a declared type or field), refused;
     * {@code atEnd} when they follow what they annotate (a pattern's come after its constraints).
     */
    void refuseAll(AnnotatedBaseDescr owner, String whereVietnamese, String whereEnglish, boolean atEnd) {
        for (AnnotationDescr annotation : owner.getAnnotations()) {
            add(place(owner, annotation, atEnd), vietnamese(annotation.getName(), whereVietnamese), english(annotation.getName(), whereEnglish));
        }
    }

    /**
     * Every {@code @} of the text the tree has not accounted for (in an action, in a constraint, hidden from the
     * tree), refused where it stands, unless a refusal on its line already names it (a constraint's).
     */
    void refuseTheRest() {
        for (Written w : written) {
            if (w.seen) {
                continue;
            }
            int line = text.line(w.offset);
            boolean named = refused.stream().anyMatch(p -> p.file().equals(file) && p.line() == line
                    && p.message().contains("@" + w.name));
            if (!named) {
                add(new At(line, text.column(w.offset)), vietnamese(w.name, ""), english(w.name, ""));
            }
        }
    }

    private void refuse(BaseDescr owner, AnnotationDescr annotation, String vietnamese, String english) {
        add(place(owner, annotation, false), vietnamese, english);
    }

    private void add(At at, String vietnamese, String english) {
        refused.add(new RuleProblem(campaign, file, at.line(), at.column(), vietnamese + " (" + english + ")"));
    }

    /**
     * The line and column (from 1) of an annotation's {@code @}, marking it accounted for: where the parser says when it
     * says (it does for an annotation without arguments), else the first (or last) {@code @name} of the text within
     * its owner not yet accounted for, else the owner's own place.
     */
    private At place(BaseDescr owner, AnnotationDescr annotation, boolean last) {
        if (annotation.getLine() > 0 && annotation.getColumn() >= 0) {
            int offset = text.lineStart(annotation.getLine()) + annotation.getColumn();
            written.stream().filter(w -> w.offset == offset).forEach(w -> w.seen = true);
            return new At(annotation.getLine(), annotation.getColumn() + 1);
        }
        int from = owner.getStartCharacter() >= 0 ? owner.getStartCharacter()
                : owner.getLine() > 0 ? text.lineStart(owner.getLine()) + Math.max(owner.getColumn(), 0) : 0;
        int to = owner.getEndCharacter() >= from ? owner.getEndCharacter() : text.original().length();
        Written found = null;
        for (Written w : written) {
            if (!w.seen && w.name.equals(annotation.getName()) && w.offset >= from && w.offset <= to
                    && (found == null || last)) {
                found = w;
            }
        }
        if (found != null) {
            found.seen = true;
            return new At(text.line(found.offset), text.column(found.offset));
        }
        Matcher hidden = Pattern.compile("@\\s*" + Pattern.quote(annotation.getName())).matcher(text.original());
        if (hidden.find(Math.min(from, text.original().length()))) { // behind what the text reading took for a string
            return new At(text.line(hidden.start()), text.column(hidden.start()));
        }
        int line = Math.max(owner.getLine(), 0);
        return new At(line, line > 0 && owner.getColumn() >= 0 ? owner.getColumn() + 1 : 0);
    }
}
