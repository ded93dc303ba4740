package dev.junction.engine.lang;

import java.util.ArrayList;
import java.util.List;

/**
 * Click's rules for configuration strings: splitting at unquoted commas or spaces, removing comments,
 * removing and adding one level of quoting, and recognising keywords. Double quotes allow backslash
 * escapes; single quotes are literal; {@code \<hex>} is binary data; comments inside quotes are text.
 */
public final class ConfigStrings {
    private ConfigStrings() {
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B;
    }

    private static boolean isAlnum(char c) {
        return c < 128 && Character.isLetterOrDigit(c);
    }

    /** Index just after the comment starting at {@code s} ({@code //...newline} or slash-star). */
    private static int skipComment(String str, int s, int end) {
        if (str.charAt(s + 1) == '/') {
            for (s += 2; s + 1 < end && str.charAt(s) != '\n' && str.charAt(s) != '\r'; s++) {
                // to end of line
            }
            if (s + 1 < end && str.charAt(s) == '\r' && str.charAt(s + 1) == '\n') {
                s++;
            }
            return Math.min(s + 1, end);
        }
        for (s += 2; s + 2 < end && (str.charAt(s) != '*' || str.charAt(s + 1) != '/'); s++) {
            // to star-slash
        }
        return Math.min(s + 2, end);
    }

    private static boolean commentAt(String str, int s, int end) {
        return str.charAt(s) == '/' && s + 1 < end && (str.charAt(s + 1) == '/' || str.charAt(s + 1) == '*');
    }

    private static int skipBackslash(String str, int s, int end) {
        if (s + 1 >= end) {
            return s + 1;
        } else if (str.charAt(s + 1) == '<') {
            for (s += 2; s < end; ) {
                if (str.charAt(s) == '>') {
                    return s + 1;
                } else if (commentAt(str, s, end)) {
                    s = skipComment(str, s, end);
                } else {
                    s++;
                }
            }
            return s;
        } else if (str.charAt(s + 1) == '\r' && s + 2 < end && str.charAt(s + 2) == '\n') {
            return s + 3;
        }
        return s + 2;
    }

    private static int skipDoubleQuote(String str, int s, int end) {
        for (s++; s < end; ) {
            char c = str.charAt(s);
            if (c == '\\') {
                s = skipBackslash(str, s, end);
            } else if (c == '"') {
                return s + 1;
            } else {
                s++;
            }
        }
        return end;
    }

    private static int skipSingleQuote(String str, int s, int end) {
        for (s++; s < end; s++) {
            if (str.charAt(s) == '\'') {
                return s + 1;
            }
        }
        return end;
    }

    /** Index of the first character at or after {@code s} that is neither space nor comment. */
    static int skipCommentSpace(String str, int s, int end) {
        for (; s < end; s++) {
            if (isSpace(str.charAt(s))) {
                continue;
            } else if (commentAt(str, s, end)) {
                s = skipComment(str, s, end) - 1;
            } else {
                break;
            }
        }
        return Math.min(s, end);
    }

    /** One argument from {@code start}: comments become single spaces, outer space goes; [text, endIndex]. */
    private static String partialUncomment(String str, int start, int[] commaPos) {
        int end = str.length();
        int s = skipCommentSpace(str, start, end);
        StringBuilder sb = null;
        int left = s;
        int right = s;
        boolean closed = false;
        while (s < end) {
            char c = str.charAt(s);
            if (isSpace(c)) {
                s++;
            } else if (commentAt(str, s, end)) {
                s = skipComment(str, s, end);
                closed = true;
            } else if (c == ',' && commaPos != null) {
                break;
            } else {
                if (closed) {
                    if (sb == null) {
                        sb = new StringBuilder();
                    }
                    sb.append(str, left, right).append(' ');
                    left = s;
                    closed = false;
                }
                if (c == '\'') {
                    s = skipSingleQuote(str, s, end);
                } else if (c == '"') {
                    s = skipDoubleQuote(str, s, end);
                } else if (c == '\\' && s + 1 < end && str.charAt(s + 1) == '<') {
                    s = skipBackslash(str, s, end);
                } else {
                    s++;
                }
                right = s;
            }
        }
        if (commaPos != null) {
            commaPos[0] = s;
        }
        String last = str.substring(left, Math.max(left, right));
        return sb == null ? last : sb.append(last).toString();
    }

    /** {@code str} without comments and outer space (Click's {@code cp_uncomment}). */
    public static String uncomment(String str) {
        return partialUncomment(str, 0, null);
    }

    /** Splits at unquoted commas, uncommenting each argument; a final empty argument is dropped. */
    public static List<String> argvec(String str) {
        List<String> out = new ArrayList<>();
        int len = str.length();
        int[] comma = new int[1];
        for (int pos = 0; pos < len; pos++) {
            String arg = partialUncomment(str, pos, comma);
            pos = comma[0];
            if (!arg.isEmpty() || pos < len) {
                out.add(arg);
            }
        }
        return out;
    }

    private static int skipSpacevecItem(String str, int s, int end) {
        while (s < end) {
            char c = str.charAt(s);
            switch (c) {
                case '/' -> {
                    if (commentAt(str, s, end)) {
                        return s;
                    }
                    s++;
                }
                case '"' -> s = skipDoubleQuote(str, s, end);
                case '\'' -> s = skipSingleQuote(str, s, end);
                case '\\' -> s = s + 1 < end && str.charAt(s + 1) == '<' ? skipBackslash(str, s, end) : s + 1;
                case ' ', '\f', '\n', '\r', '\t', 0x0B -> {
                    return s;
                }
                default -> s++;
            }
        }
        return s;
    }

    /** Splits at unquoted spaces (Click's {@code cp_spacevec}). */
    public static List<String> spacevec(String str) {
        List<String> out = new ArrayList<>();
        int end = str.length();
        int s = 0;
        while ((s = skipCommentSpace(str, s, end)) < end) {
            int t = skipSpacevecItem(str, s, end);
            out.add(str.substring(s, t));
            s = t;
        }
        return out;
    }

    /** The first space-separated word of {@code str} and the rest after following space: [word, rest]. */
    public static String[] shiftSpacevec(String str) {
        int end = str.length();
        int item = skipCommentSpace(str, 0, end);
        int itemEnd = skipSpacevecItem(str, item, end);
        String word = str.substring(item, itemEnd);
        int rest = skipCommentSpace(str, itemEnd, end);
        return new String[] {word, str.substring(rest)};
    }

    /** Removes one level of quoting (and comments), expanding escapes in double quotes. */
    public static String unquote(String str) {
        String x = partialUncomment(str, 0, null);
        int end = x.length();
        StringBuilder sb = new StringBuilder();
        int start = 0;
        int quote = 0;
        int s = 0;
        for (; s < end; s++) {
            char c = x.charAt(s);
            if (c == '"' || c == '\'') {
                if (quote == 0) {
                    sb.append(x, start, s);
                    start = s + 1;
                    quote = c;
                } else if (quote == c) {
                    sb.append(x, start, s);
                    start = s + 1;
                    quote = 0;
                }
            } else if (c == '\\' && s + 1 < end && (quote == '"' || (quote == 0 && x.charAt(s + 1) == '<'))) {
                sb.append(x, start, s);
                start = processBackslash(x, s, end, sb);
                s = start - 1;
            }
        }
        if (start == 0) {
            return x;
        }
        sb.append(x, Math.min(start, end), end);
        return sb.toString();
    }

    /** Appends the meaning of the backslash escape at {@code s}; returns the index after it. */
    private static int processBackslash(String x, int s, int end, StringBuilder sb) {
        char c = x.charAt(s + 1);
        switch (c) {
            case '\r' -> {
                return s + 2 < end && x.charAt(s + 2) == '\n' ? s + 3 : s + 2;
            }
            case '\n' -> {
                return s + 2;
            }
            case 'a' -> sb.append('\007');
            case 'b' -> sb.append('\b');
            case 'f' -> sb.append('\f');
            case 'n' -> sb.append('\n');
            case 'r' -> sb.append('\r');
            case 't' -> sb.append('\t');
            case 'v' -> sb.append('\013');
            case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                int v = 0;
                int t = s + 1;
                for (; t < end && t < s + 4 && x.charAt(t) >= '0' && x.charAt(t) <= '7'; t++) {
                    v = v * 8 + x.charAt(t) - '0';
                }
                sb.append((char) (v & 0xFF));
                return t;
            }
            case 'x' -> {
                int v = 0;
                int t = s + 2;
                for (; t < end && Character.digit(x.charAt(t), 16) >= 0; t++) {
                    v = v * 16 + Character.digit(x.charAt(t), 16);
                }
                sb.append((char) (v & 0xFF));
                return t;
            }
            case '<' -> {
                int t = s + 2;
                int value = 0;
                boolean half = false;
                for (; t < end && x.charAt(t) != '>'; t++) {
                    int d = Character.digit(x.charAt(t), 16);
                    if (d >= 0) {
                        value = value * 16 + d;
                        if (half) {
                            sb.append((char) value);
                            value = 0;
                        }
                        half = !half;
                    } else if (commentAt(x, t, end)) {
                        t = skipComment(x, t, end) - 1;
                    }
                }
                return Math.min(t + 1, end);
            }
            default -> sb.append(c);
        }
        return s + 2;
    }

    /** A double-quoted string that {@link #unquote} turns back into {@code str} (Click's {@code cp_quote}). */
    public static String quote(String str) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < str.length(); i++) {
            char c = str.charAt(i);
            switch (c) {
                case '\\', '"', '$' -> sb.append('\\').append(c);
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                case '\n' -> sb.append("\\n");
                default -> {
                    if (c < 32 || c >= 127) {
                        int u = c & 0xFF;
                        sb.append('\\').append((char) ('0' + (u >> 6))).append((char) ('0' + ((u >> 3) & 7)))
                            .append((char) ('0' + (u & 7)));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    /** The whole of {@code str} as one unquoted string, or null if it has unquoted space (cp_string). */
    public static String string(String str) {
        int end = str.length();
        int s = 0;
        while (s < end) {
            char c = str.charAt(s);
            if (isSpace(c)) {
                break;
            } else if (c == '"') {
                s = skipDoubleQuote(str, s, end);
            } else if (c == '\'') {
                s = skipSingleQuote(str, s, end);
            } else if (c == '\\' && s + 1 < end && str.charAt(s + 1) == '<') {
                s = skipBackslash(str, s, end);
            } else {
                s++;
            }
        }
        if (s == 0 || s != end) {
            return null;
        }
        return unquote(str);
    }

    /** {@link #string} if the result is a word (no quotes, commas, backslashes, spaces), else null. */
    public static String word(String str) {
        String w = string(str);
        if (w == null || w.isEmpty()) {
            return null;
        }
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (c == '"' || c == '\'' || c == '\\' || c == ',' || c <= 32 || c >= 127) {
                return null;
            }
        }
        return w;
    }

    /**
     * Splits {@code KEYWORD rest} (keyword: letters, digits, {@code _ . : ? !}): returns [keyword, rest] or
     * null if {@code str} does not start with a keyword.
     */
    public static String[] keyword(String str) {
        int end = str.length();
        int s = 0;
        for (; s < end; s++) {
            char c = str.charAt(s);
            if (isSpace(c)) {
                break;
            } else if (!(isAlnum(c) || c == '_' || c == '.' || c == ':' || c == '?' || c == '!')) {
                return null;
            }
        }
        if (s == 0) {
            return null;
        }
        int r = s;
        while (r < end && isSpace(str.charAt(r))) {
            r++;
        }
        return new String[] {str.substring(0, s), str.substring(r)};
    }

    /** Click's printable form of a string ({@code %#s}): control characters as {@code ^X}. */
    public static String printable(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 32) {
                sb.append('^').append((char) (c + 64));
            } else if (c == 127) {
                sb.append("^?");
            } else if (c > 127) {
                sb.append(String.format("\\%03o", c & 0xFF));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
