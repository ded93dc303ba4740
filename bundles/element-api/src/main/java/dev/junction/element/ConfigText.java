package dev.junction.element;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The character-level rules of Click's configuration strings (Click's {@code confparse.cc}): spaces, C and C++
 * comments, single and double quotes, backslash escapes and {@code \<hex>} blocks. {@link Args} and
 * {@link ArgTypes} publish what elements need of it.
 *
 * <p>Click strings are bytes; here the bytes that escapes produce are the chars U+0000 to U+00FF, so that
 * {@code s.getBytes(ISO_8859_1)} gives them back.
 */
final class ConfigText {
    private ConfigText() {
    }

    /** A space as C's {@code isspace} in the "C" locale: space, tab, newline, vertical tab, form feed, return. */
    static boolean isSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }

    /** cp_argvec: splits at commas outside quotes and comments, each argument uncommented; a final empty argument is dropped. */
    static List<String> split(String configuration) {
        List<String> arguments = new ArrayList<>();
        int length = configuration.length();
        for (int position = 0; position < length; position++) {
            Piece piece = uncomment(configuration, position, true);
            position = piece.end();
            if (!piece.text().isEmpty() || position < length) {
                arguments.add(piece.text());
            }
        }
        return arguments;
    }

    /** cp_spacevec: splits at spaces and comments outside quotes; the words keep their quotes. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (int start = skipCommentSpace(text, 0); start < text.length(); ) {
            int end = skipWord(text, start, true);
            words.add(text.substring(start, end));
            start = skipCommentSpace(text, end);
        }
        return words;
    }

    /** cp_unquote: uncomments, removes one level of quotes, and expands escapes inside double quotes and {@code \<hex>} blocks outside quotes. */
    static String unquote(String text) {
        String plain = uncomment(text, 0, false).text();
        StringBuilder result = new StringBuilder(plain.length());
        char quote = 0;
        for (int i = 0; i < plain.length(); ) {
            char c = plain.charAt(i);
            if ((c == '"' || c == '\'') && (quote == 0 || quote == c)) {
                quote = quote == 0 ? c : 0;
                i++;
            } else if (c == '\\' && i + 1 < plain.length()
                    && (quote == '"' || (quote == 0 && plain.charAt(i + 1) == '<'))) {
                i = expandBackslash(plain, i, result);
            } else {
                result.append(c);
                i++;
            }
        }
        return result.toString();
    }

    /**
     * cp_quote: always double quotes; backslash, double quote and {@code $} get a backslash, tab, return and
     * newline become {@code \t \r \n}, other control chars and chars 127 to 255 become three-digit octal
     * escapes. Chars above 255 (text, not bytes) are kept as they are.
     */
    static String quote(String text) {
        StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\', '"', '$' -> quoted.append('\\').append(c);
                case '\t' -> quoted.append("\\t");
                case '\r' -> quoted.append("\\r");
                case '\n' -> quoted.append("\\n");
                default -> {
                    if (c < 32 || (c >= 127 && c <= 255)) {
                        quoted.append('\\').append((char) ('0' + (c >> 6))).append((char) ('0' + (c >> 3 & 7)))
                                .append((char) ('0' + (c & 7)));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }

    /** cp_string: the unquoted value if {@code text} is one non-empty word (spaces only inside quotes), else null. */
    static String string(String text) {
        if (text.isEmpty() || skipWord(text, 0, false) != text.length()) {
            return null;
        }
        return unquote(text);
    }

    /** cp_is_word: non-empty, printable ASCII without spaces, quotes, backslashes or commas. */
    static boolean isWord(String text) {
        return !text.isEmpty() && text.chars().allMatch(c -> c > ' ' && c < 127 && "\"'\\,".indexOf(c) < 0);
    }

    /** cp_keyword: non-empty, made of letters, digits and {@code _ . : ? !}. */
    static boolean isKeyword(String text) {
        return !text.isEmpty() && text.chars().allMatch(c -> isAsciiAlphanumeric(c) || "_.:?!".indexOf(c) >= 0);
    }

    static boolean isAsciiLetter(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    static boolean isAsciiAlphanumeric(int c) {
        return isAsciiLetter(c) || (c >= '0' && c <= '9');
    }

    /** Text taken from a configuration and the index where taking it stopped. */
    private record Piece(String text, int end) {
    }

    /**
     * Click's partial_uncomment: from {@code start}, drops leading and trailing spaces and comments and turns
     * each comment between words into one space; spaces elsewhere are kept. Stops at the end or, if
     * {@code stopAtComma}, at a comma outside quotes.
     */
    private static Piece uncomment(String s, int start, boolean stopAtComma) {
        StringBuilder text = new StringBuilder();
        int i = skipCommentSpace(s, start);
        int left = i;
        int right = i;
        boolean afterComment = false;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (isSpace(c)) {
                i++;
            } else if (startsComment(s, i)) {
                i = skipComment(s, i);
                afterComment = true;
            } else if (c == ',' && stopAtComma) {
                break;
            } else {
                if (afterComment) {
                    text.append(s, left, right).append(' ');
                    left = i;
                    afterComment = false;
                }
                i = skipToken(s, i);
                right = i;
            }
        }
        return new Piece(text.append(s, left, right).toString(), i);
    }

    /** The end of the word at {@code start}: the first space outside quotes, or comment if {@code commentEnds}. */
    private static int skipWord(String s, int start, boolean commentEnds) {
        int i = start;
        while (i < s.length() && !isSpace(s.charAt(i)) && !(commentEnds && startsComment(s, i))) {
            i = skipToken(s, i);
        }
        return i;
    }

    /** The end of the token at {@code i}: a quoted string, a {@code \<hex>} block, or one char. */
    private static int skipToken(String s, int i) {
        char c = s.charAt(i);
        if (c == '\'') {
            int close = s.indexOf('\'', i + 1);
            return close < 0 ? s.length() : close + 1;
        } else if (c == '"') {
            return skipDoubleQuote(s, i);
        } else if (c == '\\' && i + 1 < s.length() && s.charAt(i + 1) == '<') {
            return skipBackslash(s, i);
        }
        return i + 1;
    }

    private static int skipDoubleQuote(String s, int quote) {
        for (int i = quote + 1; i < s.length(); ) {
            char c = s.charAt(i);
            if (c == '"') {
                return i + 1;
            }
            i = c == '\\' ? skipBackslash(s, i) : i + 1;
        }
        return s.length();
    }

    /** The end of the escape at {@code backslash}, as {@link #expandBackslash} will read it. */
    private static int skipBackslash(String s, int backslash) {
        if (backslash + 1 >= s.length()) {
            return backslash + 1;
        } else if (s.charAt(backslash + 1) == '<') {
            for (int i = backslash + 2; i < s.length(); ) {
                if (s.charAt(i) == '>') {
                    return i + 1;
                }
                i = startsComment(s, i) ? skipComment(s, i) : i + 1;
            }
            return s.length();
        } else if (s.startsWith("\r\n", backslash + 1)) {
            return backslash + 3;
        }
        return backslash + 2;
    }

    /**
     * Appends the expansion of the escape at {@code backslash} and returns where it ends (Click's
     * cp_process_backslash): C escapes, backslash-newline as nothing, up to three octal digits, {@code \x} with
     * any number of hex digits, {@code \<hex>} with spaces and comments ignored, any other char as itself.
     */
    private static int expandBackslash(String s, int backslash, StringBuilder out) {
        int i = backslash + 1;
        if (i == s.length()) {
            out.append('\\');
            return i;
        }
        char c = s.charAt(i);
        switch (c) {
            case '\r' -> {
                return s.startsWith("\n", i + 1) ? i + 2 : i + 1;
            }
            case '\n' -> {
                return i + 1;
            }
            case 'a' -> out.append('\u0007');
            case 'b' -> out.append('\b');
            case 'f' -> out.append('\f');
            case 'n' -> out.append('\n');
            case 'r' -> out.append('\r');
            case 't' -> out.append('\t');
            case 'v' -> out.append('\u000B');
            case 'x' -> {
                int value = 0;
                for (i++; i < s.length() && HexFormat.isHexDigit(s.charAt(i)); i++) {
                    value = value * 16 + HexFormat.fromHexDigit(s.charAt(i));
                }
                out.append((char) (value & 0xFF));
                return i;
            }
            case '<' -> {
                return expandHexBlock(s, i + 1, out);
            }
            default -> {
                if (c >= '0' && c <= '7') {
                    int value = 0;
                    for (int digits = 0; digits < 3 && i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '7';
                            digits++, i++) {
                        value = value * 8 + s.charAt(i) - '0';
                    }
                    out.append((char) (value & 0xFF));
                    return i;
                }
                out.append(c);
            }
        }
        return i + 1;
    }

    /** Expands the hex digits of a {@code \<...>} block from {@code start} to its {@code >}, two digits a byte. */
    private static int expandHexBlock(String s, int start, StringBuilder out) {
        int value = 0;
        int digits = 0;
        for (int i = start; i < s.length(); ) {
            char c = s.charAt(i);
            if (c == '>') {
                return i + 1;
            } else if (startsComment(s, i)) {
                i = skipComment(s, i);
                continue;
            }
            if (HexFormat.isHexDigit(c)) {
                value = value * 16 + HexFormat.fromHexDigit(c);
                if (++digits == 2) {
                    out.append((char) value);
                    value = 0;
                    digits = 0;
                }
            }
            i++; // anything else (spaces) is ignored, as in Click
        }
        return s.length();
    }

    private static int skipCommentSpace(String s, int i) {
        while (i < s.length()) {
            if (isSpace(s.charAt(i))) {
                i++;
            } else if (startsComment(s, i)) {
                i = skipComment(s, i);
            } else {
                break;
            }
        }
        return i;
    }

    private static boolean startsComment(String s, int i) {
        return s.charAt(i) == '/' && i + 1 < s.length() && (s.charAt(i + 1) == '/' || s.charAt(i + 1) == '*');
    }

    /** The index after the comment at {@code i}: a C++ comment ends after its newline, a C comment after its star-slash. */
    private static int skipComment(String s, int i) {
        if (s.charAt(i + 1) == '/') {
            for (int j = i + 2; j < s.length(); j++) {
                char c = s.charAt(j);
                if (c == '\n') {
                    return j + 1;
                } else if (c == '\r') {
                    return s.startsWith("\n", j + 1) ? j + 2 : j + 1;
                }
            }
            return s.length();
        }
        int close = s.indexOf("*/", i + 2);
        return close < 0 ? s.length() : close + 2;
    }
}
