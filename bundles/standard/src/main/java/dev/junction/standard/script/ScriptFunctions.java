package dev.junction.standard.script;

import dev.junction.element.ArgTypes;
import dev.junction.element.Args;
import dev.junction.element.HandlerException;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The functions a Script evaluates in {@code $(...)} (Click's Script read handlers with parameters):
 * arithmetic ({@code add sub min max mul div idiv mod rem neg abs}), comparison ({@code eq ne lt gt le ge}),
 * logic ({@code not and or nand nor if in}), {@code sprintf}, {@code first}, {@code random}, {@code now},
 * {@code length}, {@code unquote}, byte order ({@code htons htonl ntohs ntohl}) and {@code cat}/{@code catq}.
 * Numbers are 64-bit integers while every argument is one, reals otherwise, as in Click's user-level build.
 */
public final class ScriptFunctions {
    /** Every function name. */
    public static final Set<String> NAMES = Set.of("add", "sub", "min", "max", "mul", "div", "idiv", "mod", "rem",
            "neg", "abs", "eq", "ne", "gt", "ge", "lt", "le", "not", "sprintf", "first", "random", "and", "or",
            "nand", "nor", "if", "in", "now", "length", "unquote", "htons", "htonl", "ntohs", "ntohl", "cat",
            "catq");

    private ScriptFunctions() {
    }

    /**
     * Evaluates function {@code name} on {@code text} (its arguments, unexpanded words); {@code nowNanos} is
     * the router clock's time for {@code now}.
     *
     * @throws HandlerException with Click's message when the arguments are bad
     */
    public static String evaluate(String name, String text, long nowNanos) throws HandlerException {
        return switch (name) {
            case "add", "sub", "min", "max", "mul", "div", "idiv" -> arithmetic(name, text);
            case "mod", "rem" -> modRem(name, text);
            case "neg", "abs" -> negAbs(name, text);
            case "eq", "ne", "gt", "ge", "lt", "le" -> compare(name, text);
            case "not" -> bool(!parseBool(text.trim()));
            case "and", "or", "nand", "nor" -> logic(name, text);
            case "if" -> {
                String[] cond = Words.shift(text);
                String[] then = Words.shift(cond[1]);
                yield parseBool(cond[0]) ? then[0] : Words.first(then[1]);
            }
            case "in" -> {
                String[] word = Words.shift(text);
                String wanted = Args.unquote(word[0]);
                boolean found = false;
                String rest = word[1];
                while (!wanted.isEmpty() && !rest.isEmpty() && !found) {
                    String[] next = Words.shift(rest);
                    found = wanted.equals(Args.unquote(next[0]));
                    rest = next[1];
                }
                yield bool(found);
            }
            case "first" -> Words.first(text);
            case "sprintf" -> sprintf(text);
            case "random" -> random(text);
            case "now" -> timestamp(nowNanos);
            case "length" -> Integer.toString(text.length());
            case "unquote" -> Args.unquote(text);
            case "htons", "ntohs" -> Integer.toString(Short.toUnsignedInt(Short.reverseBytes((short) integer(text))));
            case "htonl", "ntohl" -> Long.toString(Integer.toUnsignedLong(Integer.reverseBytes((int) integer(text))));
            case "cat", "catq" -> {
                String file = Args.unquote(text.trim());
                if (file.isEmpty()) {
                    throw new HandlerException("bad FILE");
                }
                try {
                    String content = new String(Files.readAllBytes(Path.of(file)), StandardCharsets.ISO_8859_1);
                    yield name.equals("catq") ? Args.quote(content) : content;
                } catch (IOException | RuntimeException e) {
                    throw new HandlerException(file + ": " + e.getMessage());
                }
            }
            default -> throw new HandlerException("no function '" + name + "'");
        };
    }

    /** Click's timestamp form: seconds, a dot, nine digits of nanoseconds. */
    public static String timestamp(long nanos) {
        long seconds = Math.floorDiv(nanos, 1_000_000_000L);
        long fraction = Math.floorMod(nanos, 1_000_000_000L);
        return seconds + "." + String.format("%09d", fraction);
    }

    private static String arithmetic(String what, String text) throws HandlerException {
        boolean additive = what.equals("add") || what.equals("sub");
        long accum = additive ? 0 : 1;
        double real = accum;
        boolean useReal = what.equals("div") || what.equals("idiv");
        boolean first = true;
        String rest = text;
        while (true) {
            String[] shifted = Words.shift(rest);
            if (shifted[0].isEmpty()) {
                break;
            }
            rest = shifted[1];
            Long integer = useReal ? null : tryInteger(shifted[0]);
            if (!useReal && integer == null) {
                useReal = true;
                real = accum;
            }
            if (useReal) {
                double value = tryReal(shifted[0]);
                real = first ? value : switch (what) {
                    case "add" -> real + value;
                    case "sub" -> real - value;
                    case "min" -> Math.min(real, value);
                    case "max" -> Math.max(real, value);
                    case "mul" -> real * value;
                    default -> real / value;
                };
            } else {
                long value = integer;
                accum = first ? value : switch (what) {
                    case "add" -> accum + value;
                    case "sub" -> accum - value;
                    case "min" -> Math.min(accum, value);
                    case "max" -> Math.max(accum, value);
                    default -> accum * value;
                };
            }
            first = false;
        }
        if (what.equals("idiv")) {
            return Long.toString((long) real);
        }
        return useReal ? real(real) : Long.toString(accum);
    }

    private static String modRem(String what, String text) throws HandlerException {
        String[] a = Words.shift(text);
        String[] b = Words.shift(a[1]);
        if (!b[1].isEmpty() || a[0].isEmpty() || b[0].isEmpty()) {
            throw new HandlerException("expected two numbers");
        }
        Long x = tryInteger(a[0]);
        Long y = tryInteger(b[0]);
        if (x == null || y == null) {
            if (what.equals("mod")) {
                throw new HandlerException("expected two numbers");
            }
            return real(tryRealOr(a[0], "expected two numbers") % tryRealOr(b[0], "expected two numbers"));
        }
        if (y == 0) {
            throw new HandlerException("division by zero");
        }
        return Long.toString(x % y);
    }

    private static String negAbs(String what, String text) throws HandlerException {
        Long x = tryInteger(text.trim());
        if (x == null) {
            double d = tryRealOr(text.trim(), "expected one number");
            return real(what.equals("neg") ? -d : Math.abs(d));
        }
        return Long.toString(what.equals("neg") || x < 0 ? -x : x);
    }

    private static String compare(String what, String text) throws HandlerException {
        String[] a = Words.shift(text);
        String[] b = Words.shift(a[1]);
        if (!b[1].isEmpty() || a[0].isEmpty() || b[0].isEmpty()) {
            throw new HandlerException("expected two numbers");
        }
        int comparison;
        Long x = tryInteger(a[0]);
        Long y = tryInteger(b[0]);
        if (x != null && y != null) {
            comparison = Long.compare(x, y);
        } else {
            Double dx = tryRealOrNull(a[0]);
            Double dy = tryRealOrNull(b[0]);
            comparison = dx != null && dy != null ? Double.compare(dx, dy)
                    : Args.unquote(a[0]).compareTo(Args.unquote(b[0]));
        }
        comparison = Integer.signum(comparison);
        boolean result = switch (what) {
            case "eq" -> comparison == 0;
            case "ne" -> comparison != 0;
            case "lt" -> comparison < 0;
            case "gt" -> comparison > 0;
            case "le" -> comparison <= 0;
            default -> comparison >= 0;
        };
        return bool(result);
    }

    private static String logic(String what, String text) throws HandlerException {
        boolean zero = what.equals("and") || what.equals("nand");
        boolean value = zero;
        String rest = text;
        while (value == zero && !rest.isBlank()) {
            String[] shifted = Words.shift(rest);
            boolean x = parseBool(shifted[0]);
            value = zero ? value && x : value || x;
            rest = shifted[1];
        }
        return bool(what.startsWith("n") != value);
    }

    private static String random(String text) throws HandlerException {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        if (text.isBlank()) {
            return Integer.toString(random.nextInt(Integer.MAX_VALUE));
        }
        String[] a = Words.shift(text);
        String[] b = Words.shift(a[1]);
        if (!b[1].isEmpty()) {
            throw new HandlerException("too many arguments");
        }
        long n1 = unsigned(a[0], "N1");
        if (b[0].isEmpty()) {
            if (n1 == 0) {
                throw new HandlerException("bad N");
            }
            return Long.toString(random.nextLong(n1));
        }
        long n2 = unsigned(b[0], "N2");
        if (n2 < n1) {
            throw new HandlerException("bad N");
        }
        return Long.toString(random.nextLong(n1, n2 + 1));
    }

    private static long unsigned(String text, String keyword) throws HandlerException {
        try {
            return ArgTypes.UNSIGNED.parse(text, null);
        } catch (IllegalArgumentException e) {
            throw new HandlerException(keyword + ": " + (e.getMessage() == null ? "parse error" : e.getMessage()));
        }
    }

    /** Click's Script {@code sprintf}: a format and its arguments, with C's integer and string conversions. */
    private static String sprintf(String text) throws HandlerException {
        String[] shifted = Words.shift(text);
        String format = Args.unquote(shifted[0]);
        String rest = shifted[1];
        StringBuilder result = new StringBuilder();
        int i = 0;
        while (i < format.length()) {
            char c = format.charAt(i);
            if (c != '%') {
                result.append(c);
                i++;
                continue;
            }
            StringBuilder spec = new StringBuilder("%");
            i++;
            while (i < format.length() && "0#- +".indexOf(format.charAt(i)) >= 0) {
                spec.append(format.charAt(i++));
            }
            if (i < format.length() && format.charAt(i) == '*') {
                String[] w = Words.shift(rest);
                rest = w[1];
                spec.append(integer(w[0]));
                i++;
            } else {
                while (i < format.length() && Character.isDigit(format.charAt(i))) {
                    spec.append(format.charAt(i++));
                }
            }
            if (i < format.length() && format.charAt(i) == '.') {
                i++;
                if (i < format.length() && format.charAt(i) == '*') {
                    String[] w = Words.shift(rest);
                    rest = w[1];
                    long precision = integer(w[0]);
                    if (precision < 0) {
                        throw new HandlerException("syntax error");
                    }
                    spec.append('.').append(precision);
                    i++;
                } else {
                    spec.append('.');
                    while (i < format.length() && Character.isDigit(format.charAt(i))) {
                        spec.append(format.charAt(i++));
                    }
                }
            }
            char width = 0;
            while (i < format.length() && "hlLq".indexOf(format.charAt(i)) >= 0) {
                width = format.charAt(i) == 'h' ? 'h' : 'l';
                i++;
            }
            if (i >= format.length()) {
                throw new HandlerException("syntax error");
            }
            char conversion = format.charAt(i++);
            String specText = spec.toString();
            try {
                switch (conversion) {
                    case 'd', 'i', 'u', 'x', 'X', 'o' -> {
                        String[] w = Words.shift(rest);
                        rest = w[1];
                        long value = integer(w[0]);
                        if (width == 'h') {
                            value = conversion == 'd' || conversion == 'i' ? (short) value : value & 0xFFFF;
                        }
                        if (conversion == 'u') {
                            result.append(String.format(specText + "s",
                                    width == 'h' ? Long.toString(value) : Long.toUnsignedString(value)));
                        } else if (conversion == 'i' || conversion == 'd') {
                            result.append(String.format(specText.replace(".", "") + "d", value));
                        } else {
                            result.append(String.format(specText + conversion, value));
                        }
                    }
                    case 's' -> {
                        String[] w = Words.shift(rest);
                        rest = w[1];
                        result.append(String.format(specText + "s", Args.unquote(w[0])));
                    }
                    case '%' -> result.append('%');
                    default -> throw new HandlerException("syntax error");
                }
            } catch (java.util.IllegalFormatException e) {
                throw new HandlerException("syntax error");
            }
        }
        if (!rest.isBlank()) {
            throw new HandlerException("syntax error");
        }
        return result.toString();
    }

    // ---------------------------------------------------------------- values

    /** Click's {@code BoolArg}. */
    public static boolean parseBool(String text) throws HandlerException {
        try {
            return ArgTypes.BOOLEAN.parse(text, null);
        } catch (IllegalArgumentException e) {
            throw new HandlerException("syntax error");
        }
    }

    /** Click's {@code BoolArg::unparse}. */
    public static String bool(boolean value) {
        return value ? "true" : "false";
    }

    private static long integer(String text) throws HandlerException {
        Long value = tryInteger(text);
        if (value == null) {
            throw new HandlerException("syntax error");
        }
        return value;
    }

    /** Click's 64-bit {@code IntArg}, or {@code null}. */
    public static Long tryInteger(String text) {
        try {
            return ArgTypes.LONG.parse(text, null);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Double tryRealOrNull(String text) {
        try {
            return ArgTypes.REAL.parse(text, null);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static double tryReal(String text) throws HandlerException {
        return tryRealOr(text, "expected list of numbers");
    }

    private static double tryRealOr(String text, String message) throws HandlerException {
        Double value = tryRealOrNull(text);
        if (value == null) {
            throw new HandlerException(message);
        }
        return value;
    }

    /** A real as C's {@code %g} with Click's precision: integral values without a point, 12 significant digits. */
    static String real(double value) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        BigDecimal decimal = new BigDecimal(value).round(new MathContext(12)).stripTrailingZeros();
        return decimal.toString().replace("E+", "e+").replace("E-", "e-");
    }
}
