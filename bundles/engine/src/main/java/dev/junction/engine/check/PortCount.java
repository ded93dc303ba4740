package dev.junction.engine.check;

import java.util.Objects;

/**
 * Click's port-count string, {@code "inputs/outputs"}: which numbers of input and output ports an element
 * class accepts.
 *
 * <p>Each side is a number ({@code 1}), a range ({@code 1-2}), a range open above ({@code 1-}) or below
 * ({@code -2}), or {@code -} (any number). Without a slash the one range applies to both sides ({@code "1"} is
 * {@code "1/1"}, {@code ""} is {@code "0/0"}); an empty output side after the slash means none. The output side
 * may instead be {@code =}, "as many outputs as inputs", followed by any number of {@code +}, each asking for
 * one more output ({@code "-/=+"}).
 *
 * <p>Click does not reject a used count outside the range: it gives the element the nearest allowed count
 * ({@link #inputCount}, {@link #outputCount}), and the checks then find connections to ports that do not exist
 * and ports left unconnected. Unlike Click, {@code =} followed by anything but {@code +} and a range whose low
 * end exceeds its high end are syntax errors here.
 */
public final class PortCount {
    private static final String KIND = "port count";

    private final String code;
    private final PortRange inputs;
    private final PortRange outputs;
    private final int outputsBeyondInputs;

    private PortCount(String code, PortRange inputs, PortRange outputs, int outputsBeyondInputs) {
        this.code = code;
        this.inputs = inputs;
        this.outputs = outputs;
        this.outputsBeyondInputs = outputsBeyondInputs;
    }

    /**
     * Parses a port-count string.
     *
     * @throws CodeSyntaxException if {@code code} is not a port-count string
     */
    public static PortCount parse(String code) {
        Objects.requireNonNull(code, "code");
        Cursor at = new Cursor(code);
        PortRange inputs = at.range();
        if (at.atEnd()) {
            return new PortCount(code, inputs, inputs, -1);
        }
        at.expect('/');
        if (at.peek() == '=') {
            at.next();
            int plus = 0;
            while (!at.atEnd()) {
                at.expect('+');
                plus++;
            }
            return new PortCount(code, inputs, null, plus);
        }
        PortRange outputs = at.range();
        if (!at.atEnd()) {
            throw at.unexpected();
        }
        return new PortCount(code, inputs, outputs, -1);
    }

    /** The range of input counts. */
    public PortRange inputs() {
        return inputs;
    }

    /** Whether the output count follows the input count ({@code =} on the output side). */
    public boolean outputsFollowInputs() {
        return outputs == null;
    }

    /**
     * The range of output counts, for a port count whose outputs do not follow its inputs.
     *
     * @throws IllegalStateException if {@link #outputsFollowInputs()}
     */
    public PortRange outputs() {
        if (outputs == null) {
            throw new IllegalStateException("outputs of '" + code + "' follow its inputs");
        }
        return outputs;
    }

    /** For {@code =} outputs, how many outputs there are beyond the inputs (the number of {@code +}); otherwise 0. */
    public int outputsBeyondInputs() {
        return Math.max(outputsBeyondInputs, 0);
    }

    /** The number of inputs an element gets when its connections use {@code used} (highest used port + 1). */
    public int inputCount(int used) {
        return inputs.clamp(used);
    }

    /**
     * The number of outputs an element gets when its connections use {@code used} outputs and it has
     * {@code inputCount} inputs (as given by {@link #inputCount}).
     */
    public int outputCount(int used, int inputCount) {
        return outputs == null ? inputCount + outputsBeyondInputs : outputs.clamp(used);
    }

    /** The string as written. */
    @Override
    public String toString() {
        return code;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PortCount that && inputs.equals(that.inputs)
                && Objects.equals(outputs, that.outputs) && outputsBeyondInputs == that.outputsBeyondInputs;
    }

    @Override
    public int hashCode() {
        return Objects.hash(inputs, outputs, outputsBeyondInputs);
    }

    /** Reads a port-count string left to right. */
    private static final class Cursor {
        private final String code;
        private int position;

        Cursor(String code) {
            this.code = code;
        }

        boolean atEnd() {
            return position == code.length();
        }

        char peek() {
            return atEnd() ? 0 : code.charAt(position);
        }

        void next() {
            position++;
        }

        void expect(char wanted) {
            if (peek() != wanted) {
                throw unexpected();
            }
            next();
        }

        CodeSyntaxException unexpected() {
            String what = atEnd() ? "unexpected end" : "unexpected '" + peek() + "'";
            return new CodeSyntaxException(KIND, code, what + " at position " + position);
        }

        /** One side: empty (at the end of the string), {@code N}, {@code N-}, {@code N-M}, {@code -M} or {@code -}. */
        PortRange range() {
            if (atEnd()) {
                return new PortRange(0, 0);
            }
            int min;
            if (peek() == '-') {
                min = 0;
            } else if (isDigit(peek())) {
                min = number();
            } else {
                throw unexpected();
            }
            if (peek() != '-') {
                return new PortRange(min, min);
            }
            next();
            int max = isDigit(peek()) ? number() : PortRange.UNLIMITED;
            if (max < min) {
                throw new CodeSyntaxException(KIND, code, "range " + min + "-" + max + " is empty");
            }
            return new PortRange(min, max);
        }

        private int number() {
            long value = 0;
            while (isDigit(peek())) {
                value = value * 10 + (peek() - '0');
                if (value >= PortRange.UNLIMITED) {
                    throw new CodeSyntaxException(KIND, code, "number too large at position " + position);
                }
                next();
            }
            return (int) value;
        }

        private static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }
    }
}
