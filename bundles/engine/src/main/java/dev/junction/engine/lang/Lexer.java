package dev.junction.engine.lang;

import dev.junction.engine.graph.Diagnostics;
import dev.junction.engine.graph.Landmark;

/**
 * Splits one file of Click configuration into {@link Lexeme}s, as Click's tools lexer does: comments,
 * {@code #} line directives at the start of a line, words (letters, digits, {@code _}, {@code @}, and
 * {@code /} between word characters), variables, two- and three-character operators, and configuration
 * strings read raw up to the balancing parenthesis.
 *
 * <p>It keeps two notions of "where": the running line, which error messages use (Click reports errors
 * where the lexer is, not where the token was), and the landmark line, which only moves at newlines seen
 * between tokens or inside configuration strings (Click's landmark table), and which declarations get.
 */
final class Lexer {
    private static final int UNLEX_SIZE = 2;

    private final String text;
    private final int end;
    private final Diagnostics diagnostics;
    private final String originalFileName;
    private int pos;
    private String fileName;
    private int line = 1;
    private String landmarkFile;
    private int landmarkLine = 1;
    private final Lexeme[] unlexed = new Lexeme[UNLEX_SIZE];
    private int unlexCount;

    Lexer(String text, String fileName, Diagnostics diagnostics) {
        this.text = text;
        this.end = text.length();
        this.fileName = fileName;
        this.originalFileName = fileName;
        this.landmarkFile = fileName;
        this.diagnostics = diagnostics;
    }

    /** The file name errors are reported against (changed by line directives). */
    String fileName() {
        return fileName;
    }

    /** Where the lexer is now, as Click prints it in error messages. */
    Landmark here() {
        return new Landmark(fileName, line);
    }

    /** Reports an error at the lexer's current position. */
    void error(String message) {
        diagnostics.error(here(), message);
    }

    /** Reports a warning at the lexer's current position. */
    void warning(String message) {
        diagnostics.warning(here(), message);
    }

    /** The next token, taking back pushed-back tokens first. */
    Lexeme lex() {
        return unlexCount > 0 ? unlexed[--unlexCount] : nextLexeme();
    }

    /** Pushes {@code t} back; at most two tokens can wait. */
    void unlex(Lexeme t) {
        if (unlexCount == UNLEX_SIZE) {
            throw new IllegalStateException("unlex buffer full"); // a parser bug, never input-dependent
        }
        unlexed[unlexCount++] = t;
    }

    /** The landmark of the next token, without consuming it when it is already pushed back. */
    Landmark nextLandmark() {
        return unlexCount > 0 ? unlexed[unlexCount - 1].landmark() : new Landmark(landmarkFile, landmarkLine);
    }

    /**
     * Consumes the next token if it is of {@code kind}; otherwise leaves the input as it was and, unless
     * {@code quiet}, reports {@code expected KIND}.
     */
    boolean expect(int kind, boolean quiet) {
        if (unlexCount > 0) {
            if (unlexed[unlexCount - 1].is(kind)) {
                unlexCount--;
                return true;
            }
            if (!quiet) {
                error("expected " + Lexeme.describe(kind));
            }
            return false;
        }
        String oldFile = fileName;
        int oldLine = line;
        int oldPos = pos;
        String oldLandmarkFile = landmarkFile;
        int oldLandmarkLine = landmarkLine;
        if (lex().is(kind)) {
            return true;
        }
        fileName = oldFile;
        line = oldLine;
        if (!quiet) {
            error("expected " + Lexeme.describe(kind));
        }
        pos = oldPos;
        landmarkFile = oldLandmarkFile;
        landmarkLine = oldLandmarkLine;
        return false;
    }

    private boolean isNewline(char c) {
        return c == '\n' || c == '\r';
    }

    private static boolean isWordChar(char c) {
        return (c < 128 && Character.isLetterOrDigit(c)) || c == '_' || c == '@';
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B;
    }

    /** Records a new line for landmarks, as Click's landmark table does. */
    private void newLine() {
        landmarkFile = fileName;
        landmarkLine = line;
    }

    private int skipLine(int s) {
        line++;
        for (; s < end; s++) {
            char c = text.charAt(s);
            if (c == '\n') {
                return s + 1;
            } else if (c == '\r') {
                return s + 1 < end && text.charAt(s + 1) == '\n' ? s + 2 : s + 1;
            }
        }
        line--;
        return s;
    }

    /** Skips to the end of a newline at {@code s}, counting it; returns the index of its last character. */
    private int countNewline(int s) {
        if (text.charAt(s) == '\r' && s + 1 < end && text.charAt(s + 1) == '\n') {
            s++;
        }
        line++;
        return s;
    }

    private int skipSlashStar(int s) {
        for (; s < end; s++) {
            char c = text.charAt(s);
            if (isNewline(c)) {
                s = countNewline(s);
            } else if (c == '*' && s + 1 < end && text.charAt(s + 1) == '/') {
                return s + 2;
            }
        }
        return end;
    }

    private int skipBackslashAngle(int s) {
        for (; s < end; s++) {
            char c = text.charAt(s);
            if (isNewline(c)) {
                s = countNewline(s);
            } else if (c == '/' && s + 1 < end) {
                if (text.charAt(s + 1) == '/') {
                    s = skipLine(s + 2) - 1;
                } else if (text.charAt(s + 1) == '*') {
                    s = skipSlashStar(s + 2) - 1;
                }
            } else if (c == '>') {
                return s + 1;
            }
        }
        return end;
    }

    private int skipQuote(int s, char endChar) {
        for (; s < end; s++) {
            char c = text.charAt(s);
            if (isNewline(c)) {
                s = countNewline(s);
            } else if (c == '\\' && endChar == '"' && s + 1 < end) {
                if (text.charAt(s + 1) == '<') {
                    s = skipBackslashAngle(s + 2) - 1;
                } else {
                    s++;
                }
            } else if (c == endChar) {
                return s + 1;
            }
        }
        return end;
    }

    /**
     * Handles {@code # LINE "FILE"} (or {@code # line LINE}) at {@code s}; returns the position of the
     * newline that ends it, which the caller then counts.
     */
    private int processLineDirective(int s) {
        for (s++; s < end && (text.charAt(s) == ' ' || text.charAt(s) == '\t'); s++) {
            // skip blanks
        }
        if (s + 4 < end && text.startsWith("line", s) && (text.charAt(s + 4) == ' ' || text.charAt(s + 4) == '\t')) {
            for (s += 5; s < end && (text.charAt(s) == ' ' || text.charAt(s) == '\t'); s++) {
                // skip blanks
            }
        }
        if (s >= end || !isDigit(text.charAt(s))) {
            error("unknown preprocessor directive");
            return skipLine(s);
        }
        long number = 0;
        for (; s < end && isDigit(text.charAt(s)); s++) {
            number = Math.min(number * 10 + text.charAt(s) - '0', Integer.MAX_VALUE);
        }
        line = (int) number - 1; // the newline that ends the directive counts one
        for (; s < end && (text.charAt(s) == ' ' || text.charAt(s) == '\t'); s++) {
            // skip blanks
        }
        if (s < end && text.charAt(s) == '"') {
            int first = s;
            for (s++; s < end && text.charAt(s) != '"' && !isNewline(text.charAt(s)); s++) {
                if (text.charAt(s) == '\\' && s + 1 < end && !isNewline(text.charAt(s + 1))) {
                    s++;
                }
            }
            String name = ConfigStrings.unquote(text.substring(first, s) + "\"");
            fileName = name.isEmpty() ? originalFileName : name; // empty means back to the real file
        }
        for (; s < end && !isNewline(text.charAt(s)); s++) {
            // to end of line
        }
        if (s + 1 < end && text.charAt(s) == '\r' && text.charAt(s + 1) == '\n') {
            s++;
        }
        return s;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private boolean atLineStart(int s) {
        return s == 0 || isNewline(text.charAt(s - 1));
    }

    private Lexeme make(int kind, String s, int offset) {
        return new Lexeme(kind, s, new Landmark(landmarkFile, landmarkLine), offset);
    }

    private Lexeme nextLexeme() {
        int s = pos;
        while (true) {
            while (s < end && isSpace(text.charAt(s))) {
                char c = text.charAt(s);
                if (isNewline(c)) {
                    s = countNewline(s);
                    newLine();
                }
                s++;
            }
            if (s >= end) {
                pos = end;
                return make(Lexeme.EOF, "", end);
            }
            char c = text.charAt(s);
            if (c == '/' && s + 1 < end && text.charAt(s + 1) == '/') {
                s = skipLine(s + 2);
            } else if (c == '/' && s + 1 < end && text.charAt(s + 1) == '*') {
                s = skipSlashStar(s + 2);
            } else if (c == '#' && atLineStart(s)) {
                s = processLineDirective(s);
            } else {
                break;
            }
        }
        int start = s;
        char c = text.charAt(s);
        if (isWordChar(c)) {
            s++;
            while (true) {
                while (s < end && isWordChar(text.charAt(s))) {
                    s++;
                }
                if (s + 1 < end && text.charAt(s) == '/' && isWordChar(text.charAt(s + 1))) {
                    s++;
                } else {
                    break;
                }
            }
            pos = s;
            String word = text.substring(start, s);
            return make(switch (word) {
                case "elementclass" -> Lexeme.ELEMENTCLASS;
                case "require" -> Lexeme.REQUIRE;
                case "provide" -> Lexeme.PROVIDE;
                case "define" -> Lexeme.DEFINE;
                default -> Lexeme.IDENT;
            }, word, start);
        }
        if (c == '$') {
            int t = s + 1;
            while (t < end && ((text.charAt(t) < 128 && Character.isLetterOrDigit(text.charAt(t))) || text.charAt(t) == '_')) {
                t++;
            }
            if (t > s + 1) {
                pos = t;
                return make(Lexeme.VARIABLE, text.substring(s + 1, t), s);
            }
        }
        if (s + 1 < end) {
            String two = text.substring(s, s + 2);
            int kind = switch (two) {
                case "->" -> Lexeme.ARROW;
                case "=>" -> Lexeme.DOUBLE_ARROW;
                case "::" -> Lexeme.DOUBLE_COLON;
                case "||" -> Lexeme.DOUBLE_BAR;
                default -> -1;
            };
            if (kind >= 0) {
                pos = s + 2;
                return make(kind, two, s);
            }
        }
        if (s + 2 < end && text.startsWith("...", s)) {
            pos = s + 3;
            return make(Lexeme.ELLIPSIS, "...", s);
        }
        pos = s + 1;
        return make(c, String.valueOf(c), s);
    }

    /**
     * Reads a configuration string: everything up to the parenthesis that balances the one just read,
     * skipping quotes and comments, applying line directives found at line starts (they are removed from
     * the string). Leaves the closing parenthesis unread.
     */
    Lexeme lexConfig() {
        if (unlexCount > 0) {
            // Click asserts this never happens; recover by reading again from the oldest pushed-back token
            pos = unlexed[0].offset();
            unlexCount = 0;
        }
        int configStart = pos;
        int s = pos;
        int depth = 1;
        StringBuilder result = new StringBuilder();
        final Landmark at = new Landmark(landmarkFile, landmarkLine);
        for (; s < end; s++) {
            char c = text.charAt(s);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                if (--depth == 0) {
                    break;
                }
            } else if (isNewline(c)) {
                s = countNewline(s);
                newLine();
            } else if (c == '#' && s > 0 && isNewline(text.charAt(s - 1))) {
                result.append(text, configStart, s);
                s = processLineDirective(s) - 1;
                configStart = s + 1;
            } else if (c == '/' && s + 1 < end && text.charAt(s + 1) == '/') {
                s = skipLine(s + 2) - 1;
            } else if (c == '/' && s + 1 < end && text.charAt(s + 1) == '*') {
                s = skipSlashStar(s + 2) - 1;
            } else if (c == '\'' || c == '"') {
                s = skipQuote(s + 1, c) - 1;
            } else if (c == '\\' && s + 1 < end && text.charAt(s + 1) == '<') {
                s = skipBackslashAngle(s + 2) - 1;
            }
        }
        s = Math.min(s, end);
        pos = s;
        result.append(text, Math.min(configStart, s), s);
        return new Lexeme(Lexeme.CONFIG, result.toString(), at, configStart);
    }
}
