package org.thidua.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The public API is small, stable and free of the libraries behind it: integrators never see a Drools, KIE, Jackson
 * or SnakeYAML type. Adding or removing a public class is a decision, so it has to be made here too.
 */
class PublicApiTest {
    private static final Path CLASSES = Path.of("target/classes/org/thidua/core");
    private static final List<String> HIDDEN_PACKAGES = List.of("org.kie.", "org.drools.", "com.fasterxml.", "org.yaml.");

    private static final List<String> PUBLIC_CLASSES = List.of(
            "AreaFinding", "AreaFinding.Basis",
            "Campaign", "Campaign.AreaTarget", "Campaign.BonusPenalty", "Campaign.Criterion", "Campaign.Criterion.Kind", "Campaign.Criterion.Shown", "Campaign.GradeBand", "Campaign.GradeCap", "Campaign.Indicator",
            "Campaign.MemberCriterion", "Campaign.RankingGroup", "Campaign.Title", "Campaign.Title.Subject", "Commendation",
            "CommuneOfficials", "Discipline", "Dossiers",
            "Evaluation", "EvaluationException", "EvaluationRequest", "EvaluationResult",
            "Finding", "GroupTotal", "InputProblem", "InvalidInputException",
            "Judge", "Judgement", "MalformedInputException",
            "Member", "MemberDossiers", "MemberOrder", "MemberResult", "MemberRole",
            "Ranks", "RuleLibrary", "RuleProblem", "RuleSet", "RuleSet.Limits", "RuleSetException",
            "RuleTests", "RuleTests.CaseResult", "RuleTests.Report", "RuleTests.Run",
            "Satisfaction", "StaffTraining", "Standing", "Status", "TaskGrade",
            "TitleDecision", "TitleJudgement", "TitleResult", "Unit", "UnitKind", "UnitReport", "VietnameseNumbers");

    /** What a result carries is API too: a new part (such as an evaluation's exact points) is decided here. */
    private static final List<String> EVALUATION_PARTS = List.of("unitId", "unitName", "kind", "score", "grade", "rank",
            "findings", "members", "titles", "groups", "rankingGroup", "gradeNote", "points", "maxPoints");
    /** The area's scorecard (issue 18) is the one part a result gained: an additive field of contract v1. */
    private static final List<String> RESULT_PARTS = List.of("campaign", "ruleSetVersion", "evaluations", "commendations", "area");
    private static final List<String> AREA_FINDING_PARTS = List.of("criterion", "title", "status", "actual", "target", "basis",
            "part", "whole", "units", "unitsWithoutData", "message");
    private static final List<String> FINDING_PARTS = List.of("criterion", "status", "actual", "target", "points",
            "maxPoints", "title", "message", "rule", "part", "whole");

    /** Every compiled class of the package that code outside it can use. */
    private static List<Class<?>> publicClasses() throws IOException, ClassNotFoundException {
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<Path> files = Files.list(CLASSES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                String name = file.getFileName().toString().replaceFirst("\\.class$", "");
                Class<?> type = Class.forName("org.thidua.core." + name, false, PublicApiTest.class.getClassLoader());
                if (isVisible(type)) {
                    classes.add(type);
                }
            }
        }
        return classes;
    }

    private static boolean isVisible(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
            if (!Modifier.isPublic(c.getModifiers()) || c.isAnonymousClass() || c.isLocalClass()) {
                return false;
            }
        }
        return true;
    }

    private static boolean isApi(Member member) {
        return (Modifier.isPublic(member.getModifiers()) || Modifier.isProtected(member.getModifiers())) && !member.isSynthetic();
    }

    /** Every type a public class shows: its supertypes and the types of its public and protected members. */
    private static List<String> exposedTypes(Class<?> type) {
        List<Type> shown = new ArrayList<>();
        shown.add(type.getGenericSuperclass());
        shown.addAll(Arrays.asList(type.getGenericInterfaces()));
        for (Constructor<?> constructor : type.getDeclaredConstructors()) {
            if (isApi(constructor)) {
                addSignature(constructor, shown);
            }
        }
        for (Method method : type.getDeclaredMethods()) {
            if (isApi(method) && !method.isBridge()) {
                shown.add(method.getGenericReturnType());
                addSignature(method, shown);
            }
        }
        for (Field field : type.getDeclaredFields()) {
            if (isApi(field)) {
                shown.add(field.getGenericType());
            }
        }
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                shown.add(component.getGenericType());
            }
        }
        List<String> names = new ArrayList<>();
        shown.forEach(t -> collectClassNames(t, names));
        return names;
    }

    private static void addSignature(Executable executable, List<Type> shown) {
        shown.addAll(Arrays.asList(executable.getGenericParameterTypes()));
        shown.addAll(Arrays.asList(executable.getGenericExceptionTypes()));
    }

    private static void collectClassNames(Type type, List<String> names) {
        if (type instanceof Class<?> c) {
            names.add(c.isArray() ? c.componentType().getName() : c.getName());
        } else if (type instanceof ParameterizedType p) {
            collectClassNames(p.getRawType(), names);
            Arrays.stream(p.getActualTypeArguments()).forEach(t -> collectClassNames(t, names));
        } else if (type instanceof WildcardType w) {
            Stream.concat(Arrays.stream(w.getUpperBounds()), Arrays.stream(w.getLowerBounds())).forEach(t -> collectClassNames(t, names));
        } else if (type instanceof GenericArrayType a) {
            collectClassNames(a.getGenericComponentType(), names);
        } else if (type instanceof TypeVariable<?> v) {
            Arrays.stream(v.getBounds()).forEach(t -> collectClassNames(t, names));
        }
    }

    @Test
    void the_public_classes_are_exactly_the_agreed_ones() throws Exception {
        List<String> names = publicClasses().stream()
                .map(c -> c.getName().substring("org.thidua.core.".length()).replace('$', '.'))
                .sorted().toList();

        assertThat(names).containsExactlyElementsOf(PUBLIC_CLASSES.stream().sorted().toList());
    }

    @Test
    void no_public_signature_shows_a_drools_kie_jackson_or_yaml_type() throws Exception {
        List<String> leaks = new ArrayList<>();
        for (Class<?> type : publicClasses()) {
            exposedTypes(type).stream()
                    .filter(name -> HIDDEN_PACKAGES.stream().anyMatch(name::startsWith))
                    .distinct()
                    .forEach(name -> leaks.add(type.getSimpleName() + " shows " + name));
        }

        assertThat(leaks).isEmpty();
    }

    @Test
    void the_check_sees_types_inside_generic_signatures() {
        Set<String> shown = Set.copyOf(exposedTypes(RuleLibrary.class));

        assertThat(shown).contains("java.util.Map", "org.thidua.core.RuleSet", "org.thidua.core.RuleProblem");
    }

    @Test
    void an_evaluation_and_a_finding_carry_exactly_the_agreed_parts() {
        assertThat(Arrays.stream(Evaluation.class.getRecordComponents()).map(RecordComponent::getName))
                .containsExactlyElementsOf(EVALUATION_PARTS);
        assertThat(Arrays.stream(Finding.class.getRecordComponents()).map(RecordComponent::getName))
                .containsExactlyElementsOf(FINDING_PARTS);
    }

    @Test
    void a_result_and_an_area_finding_carry_exactly_the_agreed_parts() {
        assertThat(Arrays.stream(EvaluationResult.class.getRecordComponents()).map(RecordComponent::getName))
                .containsExactlyElementsOf(RESULT_PARTS);
        assertThat(Arrays.stream(AreaFinding.class.getRecordComponents()).map(RecordComponent::getName))
                .containsExactlyElementsOf(AREA_FINDING_PARTS);
    }

    @Test
    void the_evaluation_in_chunks_is_pinned() throws Exception {
        Method chunked = RuleSet.class.getMethod("evaluateInChunks", java.util.Iterator.class, int.class,
                java.util.function.Consumer.class);

        assertThat(chunked.getReturnType()).isEqualTo(int[].class);
        assertThat(chunked.getGenericParameterTypes()[0].getTypeName()).isEqualTo("java.util.Iterator<org.thidua.core.UnitReport>");
        assertThat(chunked.getGenericParameterTypes()[2].getTypeName())
                .isEqualTo("java.util.function.Consumer<org.thidua.core.EvaluationResult>");
        assertThat(Arrays.stream(RuleSet.class.getMethods()).filter(m -> m.getName().startsWith("evaluate")).map(Method::getName))
                .containsExactlyInAnyOrder("evaluate", "evaluateInChunks");
    }
}
