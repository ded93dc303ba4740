package dev.junction.engine.check;

import java.util.Arrays;
import java.util.Objects;

/**
 * Click's processing code, {@code "inputs/outputs"}: one letter per port, {@code h} push, {@code l} pull,
 * {@code a} agnostic (either case). The last letter of a side applies to all further ports of that side and
 * extra letters are ignored, so {@code "a/ah"} makes output 0 agnostic and every other output push. Without a
 * slash the letters apply to both sides ({@code "h"} is {@code "h/h"}).
 *
 * <p>Click reads only as many letters as an element has ports and gives meaning to empty sides; here every
 * side must be a non-empty run of letters.
 */
public final class ProcessingCode {
    private static final String KIND = "processing code";

    /** {@code "a/a"}, Click's default. */
    public static final ProcessingCode AGNOSTIC = parse("a/a");

    private final String code;
    private final Processing[] inputs;
    private final Processing[] outputs;

    private ProcessingCode(String code, Processing[] inputs, Processing[] outputs) {
        this.code = code;
        this.inputs = inputs;
        this.outputs = outputs;
    }

    /**
     * Parses a processing code.
     *
     * @throws CodeSyntaxException if {@code code} is not a processing code
     */
    public static ProcessingCode parse(String code) {
        Objects.requireNonNull(code, "code");
        int slash = code.indexOf('/');
        String in = slash < 0 ? code : code.substring(0, slash);
        String out = slash < 0 ? code : code.substring(slash + 1);
        return new ProcessingCode(code, side(code, in, 0, "input"), side(code, out, slash + 1, "output"));
    }

    private static Processing[] side(String code, String letters, int offset, String name) {
        if (letters.isEmpty()) {
            throw new CodeSyntaxException(KIND, code, "no " + name + " letters");
        }
        Processing[] side = new Processing[letters.length()];
        for (int i = 0; i < side.length; i++) {
            side[i] = switch (letters.charAt(i)) {
                case 'h', 'H' -> Processing.PUSH;
                case 'l', 'L' -> Processing.PULL;
                case 'a', 'A' -> Processing.AGNOSTIC;
                default -> throw new CodeSyntaxException(KIND, code,
                        "invalid character '" + letters.charAt(i) + "' at position " + (offset + i));
            };
        }
        return withoutRepeatedTail(side);
    }

    /** Drops letters that only repeat the one before them at the end, so that equal codes compare equal. */
    private static Processing[] withoutRepeatedTail(Processing[] side) {
        int length = side.length;
        while (length > 1 && side[length - 1] == side[length - 2]) {
            length--;
        }
        return Arrays.copyOf(side, length);
    }

    /** The declared processing of input {@code port}. */
    public Processing input(int port) {
        return inputs[Math.min(port, inputs.length - 1)];
    }

    /** The declared processing of output {@code port}. */
    public Processing output(int port) {
        return outputs[Math.min(port, outputs.length - 1)];
    }

    /** The string as written. */
    @Override
    public String toString() {
        return code;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ProcessingCode that && Arrays.equals(inputs, that.inputs)
                && Arrays.equals(outputs, that.outputs);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(inputs) + Arrays.hashCode(outputs);
    }
}
