package org.thidua.core.compile;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.thidua.core.CommuneOfficials;
import org.thidua.core.Discipline;
import org.thidua.core.Dossiers;
import org.thidua.core.Judge;
import org.thidua.core.Judgement;
import org.thidua.core.Member;
import org.thidua.core.MemberDossiers;
import org.thidua.core.MemberOrder;
import org.thidua.core.MemberRole;
import org.thidua.core.Satisfaction;
import org.thidua.core.StaffTraining;
import org.thidua.core.Standing;
import org.thidua.core.Status;
import org.thidua.core.TaskGrade;
import org.thidua.core.TitleDecision;
import org.thidua.core.TitleJudgement;
import org.thidua.core.Unit;
import org.thidua.core.UnitKind;
import org.thidua.core.UnitReport;

/**
 * The safety gate's allow-list: everything a campaign's rules may reach. Rules read the fact model, call the judge
 * and compute with plain values; nothing else is on the list, so nothing else passes, however it is spelt.
 *
 * <p>Two readers use it: the structure check asks which types a file may import and which names a constraint may
 * use (constraints are interpreted by MVEL, which resolves names at run time); the compiled-code check asks whether
 * a method or field that the compiled actions reference is on the list.
 */
public final class RuleVocabulary {
    /** The facts rules match and read; every public member they declare is allowed. */
    public static final List<Class<?>> FACT_TYPES = List.of(
            UnitReport.class, Unit.class, UnitKind.class, Satisfaction.class, Dossiers.class, StaffTraining.class,
            CommuneOfficials.class, Status.class, Member.class, MemberDossiers.class, MemberRole.class, TaskGrade.class,
            Discipline.class, MemberOrder.class, TitleDecision.class, Standing.class);
    /** The judge and what it returns: the only way a rule says something. */
    public static final List<Class<?>> JUDGE_TYPES = List.of(Judge.class, Judgement.class, TitleJudgement.class);

    /**
     * Plain values and what may be done with them: methods that only compute, on a bounded input, and never build
     * a string, a number or a collection of a size the rule chooses ({@code repeat}, {@code pow} or
     * {@code setScale} of {@link BigDecimal}, {@code format} are not here).
     */
    private static final Map<Class<?>, Set<String>> VALUE_METHODS = Map.ofEntries(
            Map.entry(String.class, Set.of("length", "isEmpty", "isBlank", "charAt", "substring", "indexOf", "lastIndexOf",
                    "startsWith", "endsWith", "contains", "equals", "equalsIgnoreCase", "compareTo", "compareToIgnoreCase",
                    "toLowerCase", "toUpperCase", "trim", "strip", "valueOf", "join", "hashCode", "toString")),
            Map.entry(CharSequence.class, Set.of("length", "charAt", "isEmpty", "toString")),
            Map.entry(Integer.class, Set.of("valueOf", "intValue", "longValue", "doubleValue", "compare", "compareTo", "equals",
                    "hashCode", "toString", "parseInt", "min", "max", "sum", "signum")),
            Map.entry(Long.class, Set.of("valueOf", "intValue", "longValue", "doubleValue", "compare", "compareTo", "equals",
                    "hashCode", "toString", "parseLong", "min", "max", "sum", "signum")),
            Map.entry(Double.class, Set.of("valueOf", "intValue", "longValue", "doubleValue", "compare", "compareTo", "equals",
                    "hashCode", "toString", "parseDouble", "min", "max", "sum", "isNaN", "isInfinite", "isFinite")),
            Map.entry(Boolean.class, Set.of("valueOf", "booleanValue", "equals", "hashCode", "toString", "parseBoolean",
                    "logicalAnd", "logicalOr", "logicalXor", "compare", "compareTo")),
            Map.entry(Number.class, Set.of("intValue", "longValue", "doubleValue")),
            Map.entry(Math.class, Set.of("min", "max", "abs", "floor", "ceil", "round", "rint", "signum", "sqrt", "pow",
                    "floorDiv", "floorMod", "addExact", "subtractExact", "multiplyExact", "toIntExact", "negateExact")),
            Map.entry(BigDecimal.class, Set.of("valueOf", "compareTo", "signum", "doubleValue", "longValue", "intValue",
                    "min", "max", "abs", "negate", "equals", "hashCode")),
            Map.entry(Objects.class, Set.of("equals", "isNull", "nonNull", "requireNonNullElse", "hashCode")),
            Map.entry(Collection.class, Set.of("size", "isEmpty", "contains", "containsAll", "equals", "hashCode")),
            Map.entry(List.class, Set.of("size", "isEmpty", "contains", "containsAll", "get", "indexOf", "equals", "hashCode",
                    "of", "copyOf")),
            Map.entry(Set.class, Set.of("size", "isEmpty", "contains", "containsAll", "equals", "hashCode", "of", "copyOf")),
            Map.entry(Map.class, Set.of("size", "isEmpty", "get", "getOrDefault", "containsKey", "containsValue", "equals",
                    "hashCode")),
            Map.entry(Object.class, Set.of("equals", "hashCode", "toString")),
            Map.entry(Enum.class, Set.of("name", "ordinal", "compareTo", "equals", "hashCode", "toString")),
            Map.entry(Record.class, Set.of("equals", "hashCode", "toString")),
            Map.entry(Comparable.class, Set.of("compareTo")));

    /** Constants of plain values a rule may read. */
    private static final Map<Class<?>, Set<String>> VALUE_FIELDS = Map.of(
            Integer.class, Set.of("MAX_VALUE", "MIN_VALUE"),
            Long.class, Set.of("MAX_VALUE", "MIN_VALUE"),
            Double.class, Set.of("MAX_VALUE", "MIN_VALUE"),
            Boolean.class, Set.of("TRUE", "FALSE"),
            BigDecimal.class, Set.of("ZERO", "ONE", "TEN"));

    /** The types a DRL file may import, by name. */
    public static final Map<String, Class<?>> IMPORTABLE = importable();
    /** By internal (bytecode) name, every type a compiled rule may reference. */
    private static final Map<String, Class<?>> BY_INTERNAL_NAME = byInternalName();
    /** Names a constraint may use: members that are safe on every allowed type that has one by that name. */
    public static final Set<String> CONSTRAINT_NAMES = constraintNames(true);
    /** Names of members of the allowed types that are not allowed ({@code getClass}, {@code class}, {@code repeat} …). */
    static final Set<String> REFUSED_NAMES = constraintNames(false);

    private RuleVocabulary() {
    }

    /** The type a DRL file names by its simple or full name, when it is on the list. */
    static Optional<Class<?>> type(String name) {
        Class<?> byFullName = IMPORTABLE.get(name);
        if (byFullName != null) {
            return Optional.of(byFullName);
        }
        return IMPORTABLE.values().stream().filter(c -> c.getSimpleName().equals(name)).findFirst();
    }

    static boolean isFactType(String name) {
        return type(name).filter(FACT_TYPES::contains).isPresent();
    }

    /** Whether compiled code may reference this type at all (a cast, a parameter, a constant). */
    static boolean allowsType(String internalName) {
        return BY_INTERNAL_NAME.containsKey(internalName);
    }

    /** Whether compiled code may call {@code owner.name}, the owner given as bytecode names it. */
    static boolean allowsCall(String owner, String name) {
        Class<?> type = BY_INTERNAL_NAME.get(owner);
        return type != null && !name.startsWith("<") && allowedMethods(type).contains(name);
    }

    /** Whether compiled code may read the static or instance field {@code owner.name}. */
    static boolean allowsField(String owner, String name) {
        Class<?> type = BY_INTERNAL_NAME.get(owner);
        if (type == null) {
            return false;
        }
        if (VALUE_FIELDS.getOrDefault(type, Set.of()).contains(name)) {
            return true;
        }
        if (!isModelType(type)) {
            return false;
        }
        try {
            Field field = type.getField(name);
            return Modifier.isFinal(field.getModifiers()) && field.getDeclaringClass() == type;
        } catch (NoSuchFieldException e) {
            return false;
        }
    }

    private static boolean isModelType(Class<?> type) {
        return FACT_TYPES.contains(type) || JUDGE_TYPES.contains(type);
    }

    /**
     * Public members a rule may call on a type: every one the model type declares itself; for plain values, those
     * listed; and, on any type, the harmless ones it inherits ({@code equals}, {@code name} of an enum …).
     */
    public static Set<String> allowedMethods(Class<?> type) {
        Set<String> allowed = new HashSet<>(VALUE_METHODS.getOrDefault(type, Set.of()));
        for (Method m : type.getMethods()) {
            Class<?> declaring = m.getDeclaringClass();
            boolean own = declaring == type && isModelType(type) && !m.isSynthetic();
            if (own || VALUE_METHODS.getOrDefault(declaring, Set.of()).contains(m.getName())) {
                allowed.add(m.getName());
            }
        }
        return allowed;
    }

    /** The public methods of a type that are not allowed: their names may not be used in a constraint either. */
    private static Set<String> refusedMethods(Class<?> type) {
        Set<String> allowed = allowedMethods(type);
        Set<String> refused = new HashSet<>();
        for (Method m : type.getMethods()) {
            if (!allowed.contains(m.getName())) {
                refused.add(m.getName());
            }
        }
        return refused;
    }

    private static Map<String, Class<?>> importable() {
        Map<String, Class<?>> types = new HashMap<>();
        FACT_TYPES.forEach(t -> types.put(t.getName(), t));
        JUDGE_TYPES.forEach(t -> types.put(t.getName(), t));
        for (Class<?> t : List.of(String.class, Integer.class, Long.class, Double.class, Boolean.class, Number.class,
                Math.class, BigDecimal.class, List.class, Set.class, Map.class, Collection.class, Objects.class)) {
            types.put(t.getName(), t);
        }
        return Map.copyOf(types);
    }

    private static Map<String, Class<?>> byInternalName() {
        Map<String, Class<?>> types = new HashMap<>();
        IMPORTABLE.values().forEach(t -> types.put(t.getName().replace('.', '/'), t));
        for (Class<?> t : VALUE_METHODS.keySet()) {
            types.put(t.getName().replace('.', '/'), t);
        }
        return Map.copyOf(types);
    }

    private static Set<String> constraintNames(boolean allowedOnes) {
        Set<String> allowed = new HashSet<>();
        Set<String> refused = new HashSet<>();
        for (Class<?> type : BY_INTERNAL_NAME.values()) {
            allowed.addAll(allowedMethods(type));
            refused.addAll(refusedMethods(type));
            for (Method m : type.getMethods()) {
                String property = property(m.getName());
                if (property != null) {
                    (allowed.contains(m.getName()) ? allowed : refused).add(property);
                }
            }
            if (type.isEnum()) {
                for (Object constant : type.getEnumConstants()) {
                    allowed.add(((Enum<?>) constant).name());
                }
            }
            if (isModelType(type) && type.isRecord()) {
                for (var component : type.getRecordComponents()) {
                    allowed.add(component.getName());
                }
            }
        }
        if (!allowedOnes) {
            return Set.copyOf(refused);
        }
        allowed.removeAll(refused);
        return Set.copyOf(allowed);
    }

    /** The bean property a getter stands for in MVEL: {@code getName}/{@code isEmpty} → {@code name}/{@code empty}. */
    private static String property(String method) {
        for (String prefix : List.of("get", "is")) {
            if (method.length() > prefix.length() && method.startsWith(prefix)
                    && Character.isUpperCase(method.charAt(prefix.length()))) {
                String rest = method.substring(prefix.length());
                return Character.toLowerCase(rest.charAt(0)) + rest.substring(1);
            }
        }
        return null;
    }
}
