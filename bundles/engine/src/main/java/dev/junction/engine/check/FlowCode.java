package dev.junction.engine.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Click's flow code, {@code "inputs/outputs"}: which inputs' packets may leave on which outputs. Each side is a
 * sequence of port codes, one per port, the last repeating for further ports. A packet may travel from an input
 * to an output when their port codes match.
 *
 * <p>A port code is a letter (case matters), {@code #}, or a bracketed set such as {@code [xy#]} or its
 * complement {@code [^x]}. Two codes match when they share a letter; {@code #} stands for the port's own number,
 * so {@code #} on input K matches {@code #} on output K only ({@code "#/#"}), and {@code "#/[^#]"} lets input K
 * reach every output but K. Without a slash the codes apply to both sides. Examples from Click: {@code "x/x"}
 * (everything flows, the default), {@code "x/y"} (nothing flows: Idle), {@code "xy/x"} (only input 0 flows:
 * ARPQuerier), {@code "xy/[xy]x"} (Bypass).
 *
 * <p>Complements behave as in Click, which keeps a code as a set of 256 characters where {@code #} on port K is
 * character 128+K: a complement also holds every character that is not a letter, so two complements always
 * match. Unlike Click, a second slash is a syntax error.
 */
public final class FlowCode {
    private static final String KIND = "flow code";
    private static final long ALL_LETTERS = (1L << 52) - 1;

    /** {@code "x/x"}: every input reaches every output, Click's default. */
    public static final FlowCode COMPLETE = parse("x/x");

    private final String code;
    private final PortCode[] inputs;
    private final PortCode[] outputs;

    private FlowCode(String code, PortCode[] inputs, PortCode[] outputs) {
        this.code = code;
        this.inputs = inputs;
        this.outputs = outputs;
    }

    /**
     * Parses a flow code. The {@linkplain CodeSyntaxException#reason() reasons} use Click's words: {@code missing
     * or bad '/'}, {@code invalid character 'c'}, {@code missing ']'}.
     *
     * @throws CodeSyntaxException if {@code code} is not a flow code
     */
    public static FlowCode parse(String code) {
        Objects.requireNonNull(code, "code");
        int slash = code.indexOf('/');
        String in = slash < 0 ? code : code.substring(0, slash);
        String out = slash < 0 ? code : code.substring(slash + 1);
        if (in.isEmpty() || out.isEmpty()) {
            throw new CodeSyntaxException(KIND, code, "missing or bad '/'");
        }
        return new FlowCode(code, side(code, in), side(code, out));
    }

    private static PortCode[] side(String code, String text) {
        List<PortCode> codes = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != '[') {
                codes.add(PortCode.single(code, c));
                i++;
                continue;
            }
            int close = text.indexOf(']', i);
            if (close < 0) {
                throw new CodeSyntaxException(KIND, code, "missing ']'");
            }
            codes.add(PortCode.bracket(code, text.substring(i + 1, close)));
            i = close + 1;
        }
        return codes.toArray(PortCode[]::new);
    }

    /** Whether packets arriving on input {@code input} may leave on output {@code output}. */
    public boolean reaches(int input, int output) {
        PortCode in = inputs[Math.min(input, inputs.length - 1)];
        PortCode out = outputs[Math.min(output, outputs.length - 1)];
        return in.matches(input, out, output);
    }

    /** The string as written. */
    @Override
    public String toString() {
        return code;
    }

    /**
     * One port code: the letters it names, whether it names {@code #}, and whether it is a complement.
     * Letters are bits 0-25 ({@code A-Z}) and 26-51 ({@code a-z}).
     */
    private record PortCode(long letters, boolean hash, boolean complement) {
        static PortCode single(String code, char c) {
            if (c == '#') {
                return new PortCode(0, true, false);
            }
            return new PortCode(letterBit(code, c), false, false);
        }

        static PortCode bracket(String code, String inside) {
            boolean complement = inside.startsWith("^");
            long letters = 0;
            boolean hash = false;
            for (int i = complement ? 1 : 0; i < inside.length(); i++) {
                char c = inside.charAt(i);
                if (c == '#') {
                    hash = true;
                } else {
                    letters |= letterBit(code, c);
                }
            }
            return new PortCode(letters, hash, complement);
        }

        private static long letterBit(String code, char c) {
            if (c >= 'A' && c <= 'Z') {
                return 1L << (c - 'A');
            }
            if (c >= 'a' && c <= 'z') {
                return 1L << (26 + c - 'a');
            }
            throw new CodeSyntaxException(KIND, code, "invalid character '" + c + "'");
        }

        /** Whether this code on port {@code port} shares a character with {@code other} on port {@code otherPort}. */
        boolean matches(int port, PortCode other, int otherPort) {
            if (complement && other.complement) {
                return true;
            }
            if (complement) {
                return other.hasOutside(otherPort, this, port);
            }
            if (other.complement) {
                return hasOutside(port, other, otherPort);
            }
            return (letters & other.letters) != 0 || (hash && other.hash && port == otherPort);
        }

        /** Whether this plain code on {@code port} holds a character that complement {@code excluded} does not remove. */
        private boolean hasOutside(int port, PortCode excluded, int excludedPort) {
            return (letters & ~excluded.letters & ALL_LETTERS) != 0
                    || (hash && !(excluded.hash && port == excludedPort));
        }
    }
}
