package org.thidua.core.compile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.thidua.core.Discipline;

/**
 * The safety gate's second half: the classes Drools compiled from a campaign's actions (then … end), read back as
 * bytecode before any of them runs. Every method they call and every field they read must be on
 * {@link RuleVocabulary}; they may not create objects, start lambdas, catch errors, lock, or jump backwards (so
 * every action ends), nor call code the campaign defined (so nothing recurses); an array is only made with a size
 * written in the rule, and a text may not grow by doubling ({@link TextGrowth}).
 */
final class CompiledActions {
    /** The two casts Drools' own template writes at the top of every action: harmless until something is called. */
    private static final Set<String> TEMPLATE_CASTS = Set.of("org/drools/core/rule/consequence/KnowledgeHelper",
            "org/kie/api/runtime/rule/RuleContext");
    private static final int LARGEST_WRITTEN_ARRAY = 64;
    /**
     * What Drools' own template wraps around a constraint's literal in the rule class ("return
     * FieldFactory.getInstance().getFieldValue(…)"): the literal itself was checked as a constraint.
     */
    private static final Set<String> TEMPLATE_CALLS = Set.of("org/drools/mvel/field/FieldFactory.getInstance",
            "org/drools/mvel/field/FieldFactory.getFieldValue");

    /** One compiled class of a rule's action, and where the rule is written. */
    record RuleClass(String className, byte[] bytecode, String rule, String file, int actionLine) {
    }

    /** A refused instruction: what, and the Java line it was compiled from. */
    record Refusal(String rule, String file, int actionLine, int javaLine, int textStartJavaLine, String word,
                   String vietnamese, String english) {
    }

    private CompiledActions() {
    }

    static List<Refusal> check(RuleClass compiled) {
        ClassNode node = new ClassNode();
        new ClassReader(compiled.bytecode()).accept(node, 0);
        List<Refusal> refused = new ArrayList<>();
        String campaignPackage = node.name.contains("/") ? node.name.substring(0, node.name.lastIndexOf('/') + 1) : "";
        for (MethodNode method : node.methods) {
            Checker checker = new Checker(compiled, method, campaignPackage, refused);
            checker.run();
            if (refused.isEmpty() && !method.name.startsWith("<")) {
                TextGrowth.check(node.name, method).ifPresent(offender -> refused.add(checker.refusal(offender,
                        "", "Không được nối chuỗi để chuỗi tự nhân đôi nhiều lần (chuỗi sẽ lớn tới hàng tỷ ký tự)",
                        "a text that doubles itself again and again is refused")));
            }
        }
        return refused;
    }

    private static final class Checker {
        private final RuleClass compiled;
        private final MethodNode method;
        private final String campaignPackage;
        private final List<Refusal> refused;
        /** The compiled line where the action's own text starts, after the template's "KnowledgeHelper drools = …". */
        private final int textStart;

        Checker(RuleClass compiled, MethodNode method, String campaignPackage, List<Refusal> refused) {
            this.compiled = compiled;
            this.method = method;
            this.campaignPackage = campaignPackage;
            this.refused = refused;
            int start = 0;
            for (AbstractInsnNode insn : method.instructions) {
                if (insn instanceof TypeInsnNode cast && cast.getOpcode() == Opcodes.CHECKCAST
                        && cast.desc.equals("org/drools/core/rule/consequence/KnowledgeHelper")) {
                    start = lineOf(insn) + 1;
                    break;
                }
            }
            this.textStart = start;
        }

        void run() {
            boolean constructor = method.name.equals("<init>");
            if (!method.tryCatchBlocks.isEmpty()) {
                refused.add(refusal(method.tryCatchBlocks.get(0).start, "try", "Không được dùng try/catch trong phần then",
                        "try/catch is refused"));
            }
            Map<LabelNode, Integer> seen = new java.util.HashMap<>();
            int index = 0;
            for (AbstractInsnNode insn : method.instructions) {
                index++;
                if (insn instanceof LabelNode label) {
                    seen.put(label, index);
                } else if (insn instanceof MethodInsnNode call) {
                    call(call, constructor);
                } else if (insn instanceof InvokeDynamicInsnNode dynamic) {
                    Handle bootstrap = dynamic.bsm;
                    if (!bootstrap.getOwner().equals("java/lang/invoke/StringConcatFactory")) {
                        refused.add(refusal(insn, "->", "Không được dùng lambda hay tham chiếu phương thức (->, ::)",
                                "lambdas and method references are refused"));
                    }
                } else if (insn instanceof FieldInsnNode field) {
                    field(field);
                } else if (insn instanceof TypeInsnNode type) {
                    type(type);
                } else if (insn instanceof IntInsnNode array && insn.getOpcode() == Opcodes.NEWARRAY) {
                    arraySize(insn, "new");
                } else if (insn.getOpcode() == Opcodes.MULTIANEWARRAY) {
                    refused.add(refusal(insn, "new", "Không được tạo mảng nhiều chiều", "multi-dimensional arrays are refused"));
                } else if (insn instanceof JumpInsnNode jump && seen.containsKey(jump.label)
                        || insn instanceof TableSwitchInsnNode table && table.labels.stream().anyMatch(seen::containsKey)
                        || insn instanceof LookupSwitchInsnNode lookup && lookup.labels.stream().anyMatch(seen::containsKey)) {
                    refused.add(refusal(insn, "", "Không được dùng vòng lặp (for, while, do): vòng lặp không dừng"
                            + " thì không ngắt được; hãy viết điều kiện trong phần when", "loops are refused"));
                } else if (insn instanceof LdcInsnNode ldc && (ldc.cst instanceof Type || ldc.cst instanceof Handle
                        || ldc.cst instanceof ConstantDynamic)) {
                    refused.add(refusal(insn, "class", "Không được dùng lớp (.class) hay tham chiếu phương thức",
                            "class literals and method handles are refused"));
                } else if (insn.getOpcode() == Opcodes.MONITORENTER || insn.getOpcode() == Opcodes.MONITOREXIT) {
                    refused.add(refusal(insn, "synchronized", "Không được dùng synchronized", "locks are refused"));
                }
            }
        }

        private void call(MethodInsnNode call, boolean constructor) {
            if (constructor && call.owner.equals("java/lang/Object") && call.name.equals("<init>")
                    || TEMPLATE_CALLS.contains(call.owner + "." + call.name)) {
                return;
            }
            String simpleOwner = call.owner.substring(call.owner.lastIndexOf('/') + 1);
            String shown = call.name.equals("<init>") ? "new " + simpleOwner : simpleOwner + "." + call.name;
            String word = call.name.equals("<init>") ? simpleOwner : call.name;
            if (call.owner.startsWith(campaignPackage) && call.owner.indexOf('/', campaignPackage.length()) < 0) {
                refused.add(refusal(call, word, "Không được gọi mã do chiến dịch tự viết (" + call.name + ")",
                        "calls into the campaign's own code are refused: " + shown));
            } else if (!RuleVocabulary.allowsCall(call.owner, call.name) || varargsBuilder(call)) {
                refused.add(refusal(call, word, "Không được dùng '" + shown + "': phần then chỉ gọi judge, đọc dữ kiện và"
                        + " tính toán với số, chuỗi (Math, String, BigDecimal…)",
                        shown + " is off the allow-list"));
            }
        }

        /** {@code String.join} and {@code List.of} over an array: the array's texts escape {@link TextGrowth}. */
        private static boolean varargsBuilder(MethodInsnNode call) {
            boolean builds = call.owner.equals("java/lang/String") && call.name.equals("join")
                    || (call.owner.equals("java/util/List") || call.owner.equals("java/util/Set"))
                    && (call.name.equals("of") || call.name.equals("copyOf"));
            return builds && call.desc.contains("[");
        }

        private void field(FieldInsnNode field) {
            String shown = field.owner.substring(field.owner.lastIndexOf('/') + 1) + "." + field.name;
            boolean read = field.getOpcode() == Opcodes.GETSTATIC || field.getOpcode() == Opcodes.GETFIELD;
            if (!read || !RuleVocabulary.allowsField(field.owner, field.name)) {
                refused.add(refusal(field, field.name, "Không được dùng '" + shown + "': chỉ đọc hằng của dữ kiện"
                        + " (Discipline.CANH_CAO…) và của số (Integer.MAX_VALUE…)", shown + " is off the allow-list"));
            }
        }

        private void type(TypeInsnNode type) {
            String shown = type.desc.substring(type.desc.lastIndexOf('/') + 1);
            switch (type.getOpcode()) {
                case Opcodes.NEW -> refused.add(refusal(type, shown, "Không được tạo đối tượng (new " + shown + ") trong"
                        + " phần then: dùng judge và giá trị có sẵn", "new " + shown + " is refused"));
                case Opcodes.ANEWARRAY -> arraySize(type, "new");
                default -> {
                    String element = Type.getObjectType(type.desc).getSort() == Type.ARRAY
                            ? Type.getObjectType(type.desc).getElementType().getInternalName() : type.desc;
                    if (!RuleVocabulary.allowsType(element) && !TEMPLATE_CASTS.contains(element)) {
                        refused.add(refusal(type, shown, "Không được dùng kiểu '" + shown + "'", shown + " is off the allow-list"));
                    }
                }
            }
        }

        /** An array only of a size written in the rule (varargs of a call), never one the rule computes. */
        private void arraySize(AbstractInsnNode insn, String word) {
            AbstractInsnNode size = insn.getPrevious();
            while (size != null && size.getOpcode() < 0) {
                size = size.getPrevious();
            }
            int written = size == null ? -1 : switch (size.getOpcode()) {
                case Opcodes.ICONST_0, Opcodes.ICONST_1, Opcodes.ICONST_2, Opcodes.ICONST_3, Opcodes.ICONST_4,
                        Opcodes.ICONST_5 -> size.getOpcode() - Opcodes.ICONST_0;
                case Opcodes.BIPUSH, Opcodes.SIPUSH -> ((IntInsnNode) size).operand;
                default -> -1;
            };
            if (written < 0 || written > LARGEST_WRITTEN_ARRAY) {
                refused.add(refusal(insn, word, "Không được tạo mảng với kích thước tính ra khi chạy",
                        "an array of a computed size is refused"));
            }
        }

        Refusal refusal(AbstractInsnNode insn, String word, String vietnamese, String english) {
            return new Refusal(compiled.rule(), compiled.file(), compiled.actionLine(), lineOf(insn), textStart, word,
                    vietnamese, english);
        }

        private static int lineOf(AbstractInsnNode insn) {
            for (AbstractInsnNode at = insn; at != null; at = at.getPrevious()) {
                if (at instanceof LineNumberNode number) {
                    return number.line;
                }
            }
            return 0;
        }
    }
}
