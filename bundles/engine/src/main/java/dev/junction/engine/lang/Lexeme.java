package dev.junction.engine.lang;

import dev.junction.engine.graph.Landmark;

/**
 * One token of a Click configuration: its kind (a character for punctuation, or one of the constants
 * here), its text, and the landmark Click gives things declared at it.
 *
 * @param kind     {@link #EOF}, a punctuation character, or {@link #IDENT} and the following constants
 * @param text     the token's text (for a variable, its name without {@code $})
 * @param landmark where it was written, as Click's landmark tables place it
 * @param offset   index of its first character in the file's text
 */
record Lexeme(int kind, String text, Landmark landmark, int offset) {
    /** End of input. */
    static final int EOF = 0;
    /** A word: element or class name, port number, keyword-like word. */
    static final int IDENT = 256;
    /** {@code $name}. */
    static final int VARIABLE = 257;
    /** A configuration string (what is between parentheses). */
    static final int CONFIG = 258;
    /** {@code ->}. */
    static final int ARROW = 259;
    /** {@code =>}. */
    static final int DOUBLE_ARROW = 260;
    /** {@code ::}. */
    static final int DOUBLE_COLON = 261;
    /** {@code ||}. */
    static final int DOUBLE_BAR = 262;
    /** {@code ...}. */
    static final int ELLIPSIS = 263;
    /** The keyword {@code elementclass}. */
    static final int ELEMENTCLASS = 264;
    /** The keyword {@code require}. */
    static final int REQUIRE = 265;
    /** The keyword {@code provide}. */
    static final int PROVIDE = 266;
    /** The keyword {@code define}. */
    static final int DEFINE = 267;

    /** Whether this token is of {@code k}. */
    boolean is(int k) {
        return kind == k;
    }

    /** How Click names a kind of token in "expected ..." messages. */
    static String describe(int kind) {
        return switch (kind) {
            case IDENT -> "identifier";
            case VARIABLE -> "variable";
            case ARROW -> "'->'";
            case DOUBLE_ARROW -> "'=>'";
            case DOUBLE_COLON -> "'::'";
            case DOUBLE_BAR -> "'||'";
            case ELLIPSIS -> "'...'";
            case ELEMENTCLASS -> "'elementclass'";
            case REQUIRE -> "'require'";
            case PROVIDE -> "'provide'";
            case DEFINE -> "'define'";
            default -> kind >= 32 && kind < 127 ? "'" + (char) kind + "'" : String.format("'\\%03d'", kind);
        };
    }
}
