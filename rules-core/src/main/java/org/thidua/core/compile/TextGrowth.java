package org.thidua.core.compile;

import java.util.List;
import java.util.Optional;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicInterpreter;
import org.objectweb.asm.tree.analysis.BasicValue;

/**
 * How large a text an action can build, counted in pieces: a literal or a text read from the facts is one piece,
 * joining texts adds their pieces. An action without loops builds texts of a few dozen pieces; one that doubles a
 * text again and again ({@code s = s + s} thirty times: a thousand million characters) is refused, so a rule cannot
 * fill the server's memory in a few lines. Counted over the compiled code with ASM's data-flow analyzer.
 */
final class TextGrowth {
    /** More pieces than any action written by hand needs; reached in 12 doublings. */
    static final long MOST_PIECES = 4_096;

    private TextGrowth() {
    }

    /** The first instruction that builds a text of more than {@link #MOST_PIECES} pieces, if any. */
    static Optional<AbstractInsnNode> check(String owner, MethodNode method) {
        Pieces pieces = new Pieces();
        try {
            new Analyzer<>(pieces).analyze(owner, method);
        } catch (AnalyzerException e) {
            return Optional.of(e.node != null ? e.node : method.instructions.getFirst());
        }
        return Optional.ofNullable(pieces.offender);
    }

    /** A value with the number of pieces of text it holds (0 for anything that is not a text). */
    static final class Sized extends BasicValue {
        final long pieces;

        Sized(Type type, long pieces) {
            super(type);
            this.pieces = pieces;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Sized s && super.equals(other) && s.pieces == pieces;
        }

        @Override
        public int hashCode() {
            return super.hashCode() * 31 + Long.hashCode(pieces);
        }
    }

    private static final class Pieces extends BasicInterpreter {
        AbstractInsnNode offender;

        Pieces() {
            super(Opcodes.ASM9);
        }

        private BasicValue sized(BasicValue value, long pieces, AbstractInsnNode insn) {
            if (value == null || value.getType() == null || value.getType().getSort() != Type.OBJECT) {
                return value;
            }
            if (pieces > MOST_PIECES && offender == null) {
                offender = insn;
            }
            return new Sized(value.getType(), Math.min(pieces, MOST_PIECES + 1));
        }

        private static long pieces(BasicValue value) {
            return value instanceof Sized s ? s.pieces : 1;
        }

        @Override
        public BasicValue newValue(Type type) {
            BasicValue value = super.newValue(type);
            return value == BasicValue.REFERENCE_VALUE && type != null ? new Sized(type, 1) : value;
        }

        @Override
        public BasicValue newOperation(AbstractInsnNode insn) throws AnalyzerException {
            BasicValue value = super.newOperation(insn);
            if (insn instanceof LdcInsnNode ldc && ldc.cst instanceof String) {
                return new Sized(Type.getType(String.class), 1);
            }
            return value == BasicValue.REFERENCE_VALUE ? new Sized(Type.getType(Object.class), 1) : value;
        }

        @Override
        public BasicValue naryOperation(AbstractInsnNode insn, List<? extends BasicValue> values) throws AnalyzerException {
            BasicValue result = super.naryOperation(insn, values);
            if (insn instanceof InvokeDynamicInsnNode) { // string concatenation: every argument is a piece or more
                return sized(new BasicValue(Type.getType(String.class)), 1 + values.stream().mapToLong(Pieces::pieces).sum(), insn);
            }
            if (!(insn instanceof MethodInsnNode call) || result == null || result.getType() == null
                    || result.getType().getSort() != Type.OBJECT) {
                return result;
            }
            long receiverAndArguments = values.stream().mapToLong(Pieces::pieces).max().orElse(1);
            return switch (call.owner + "." + call.name) {
                case "java/lang/String.join" -> sized(result, pieces(values.get(1)) * (1 + pieces(values.get(0))), insn);
                case "java/util/List.of", "java/util/Set.of", "java/util/List.copyOf", "java/util/Set.copyOf" ->
                        sized(result, Math.max(1, values.stream().mapToLong(Pieces::pieces).sum()), insn);
                case "java/lang/String.substring", "java/lang/String.trim", "java/lang/String.strip",
                        "java/lang/String.toLowerCase", "java/lang/String.toUpperCase", "java/lang/String.valueOf",
                        "java/lang/Object.toString", "java/lang/String.toString" -> sized(result, receiverAndArguments, insn);
                default -> sized(result, 1, insn);
            };
        }

        @Override
        public BasicValue unaryOperation(AbstractInsnNode insn, BasicValue value) throws AnalyzerException {
            BasicValue result = super.unaryOperation(insn, value);
            if (insn.getOpcode() == Opcodes.CHECKCAST && value instanceof Sized s) {
                return new Sized(s.getType(), s.pieces);
            }
            return wrap(result);
        }

        @Override
        public BasicValue binaryOperation(AbstractInsnNode insn, BasicValue a, BasicValue b) throws AnalyzerException {
            return wrap(super.binaryOperation(insn, a, b));
        }

        private static BasicValue wrap(BasicValue value) {
            return value == BasicValue.REFERENCE_VALUE ? new Sized(Type.getType(Object.class), 1) : value;
        }

        @Override
        public BasicValue merge(BasicValue a, BasicValue b) {
            if (a instanceof Sized x && b instanceof Sized y && x.getType().equals(y.getType())) {
                return x.pieces >= y.pieces ? x : y;
            }
            if (a instanceof Sized x && b instanceof Sized y) {
                return new Sized(Type.getType(Object.class), Math.max(x.pieces, y.pieces));
            }
            return super.merge(a, b);
        }
    }
}
