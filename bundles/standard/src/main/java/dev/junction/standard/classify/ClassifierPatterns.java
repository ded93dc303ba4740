package dev.junction.standard.classify;

import java.util.ArrayList;
import java.util.List;

/**
 * Click's Classifier pattern syntax: {@code OFFSET/VALUE} or {@code OFFSET/VALUE%MASK} terms, all of which must
 * match, each optionally negated by {@code !}; {@code -} matches everything. VALUE and MASK are hex digits, with
 * {@code ?} for a nibble that does not matter; offsets count from the start of packet data.
 */
public final class ClassifierPatterns {
    private ClassifierPatterns() {
    }

    /** Parses pattern {@code slot}; problems are added to {@code errors} in Click's words. */
    public static Expr parse(String pattern, int slot, List<String> errors) {
        String s = pattern;
        int len = s.length();
        int i = 0;
        Expr result = null;
        if (len == 1 && s.charAt(0) == '-') {
            i = 1;
        }
        while (i < len) {
            while (i < len && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            if (i >= len) {
                break;
            }
            boolean negated = false;
            if (s.charAt(i) == '!') {
                negated = true;
                i++;
                while (i < len && Character.isWhitespace(s.charAt(i))) {
                    i++;
                }
            }
            if (i >= len || !isDigit(s.charAt(i))) {
                errors.add("pattern " + slot + ": expected a digit");
                break;
            }
            long offset = 0;
            while (i < len && isDigit(s.charAt(i))) {
                offset = Math.min(offset * 10 + (s.charAt(i) - '0'), Integer.MAX_VALUE / 2);
                i++;
            }
            if (i >= len || s.charAt(i) != '/') {
                errors.add("pattern " + slot + ": expected '/'");
                break;
            }
            i++;
            int valuePos = i;
            while (i < len && isHexOrWild(s.charAt(i))) {
                i++;
            }
            int valueEnd = i;
            int maskPos = -1;
            int maskEnd = -1;
            if (i < len && s.charAt(i) == '%') {
                i++;
                maskPos = i;
                while (i < len && isHexOrWild(s.charAt(i))) {
                    i++;
                }
                maskEnd = i;
            }
            if (valueEnd - valuePos < 2) {
                errors.add("pattern " + slot + ": value has less than 2 hex digits");
                valueEnd = valuePos;
                maskEnd = maskPos;
            }
            if ((valueEnd - valuePos) % 2 != 0) {
                errors.add("pattern " + slot + ": value has odd number of hex digits");
                valueEnd--;
                maskEnd--;
            }
            if (maskPos >= 0 && maskEnd - maskPos != valueEnd - valuePos) {
                boolean tooMany = maskEnd - maskPos > valueEnd - valuePos;
                errors.add("pattern " + slot + ": mask has too " + (tooMany ? "many" : "few") + " hex digits");
                if (tooMany) {
                    maskEnd = maskPos + valueEnd - valuePos;
                } else {
                    valueEnd = valuePos + maskEnd - maskPos;
                }
            }
            // One word test per 4-byte word the value touches, ANDed.
            Expr term = null;
            int wordOffset = -1;
            int mask = 0;
            int value = 0;
            int at = (int) offset;
            for (; valuePos < valueEnd; valuePos += 2, at++) {
                int v = nibble(s.charAt(valuePos)) << 4 | nibble(s.charAt(valuePos + 1));
                int m = care(s.charAt(valuePos)) << 4 | care(s.charAt(valuePos + 1));
                if (maskPos >= 0) {
                    int mv = nibble(s.charAt(maskPos)) << 4 | nibble(s.charAt(maskPos + 1));
                    int mm = care(s.charAt(maskPos)) << 4 | care(s.charAt(maskPos + 1));
                    m &= mv & mm;
                    maskPos += 2;
                }
                if ((at & ~3) != wordOffset) {
                    if (wordOffset >= 0) {
                        term = Expr.and(term, new Expr.Test(Expr.Base.DATA, wordOffset, mask, value, false));
                    }
                    wordOffset = at & ~3;
                    mask = 0;
                    value = 0;
                }
                int shift = (3 - (at & 3)) * 8;
                mask |= m << shift;
                value |= (v & m) << shift;
            }
            if (wordOffset >= 0) {
                term = Expr.and(term, new Expr.Test(Expr.Base.DATA, wordOffset, mask, value, false));
            }
            if (term == null) {
                continue;
            }
            result = Expr.and(result, negated ? new Expr.Not(term) : term);
        }
        return result == null ? Expr.TRUE : result;
    }

    /** Parses all patterns, one per output. */
    public static List<DecisionTree.Rule> parseAll(List<String> patterns, List<String> errors) {
        List<DecisionTree.Rule> rules = new ArrayList<>();
        for (int slot = 0; slot < patterns.size(); slot++) {
            rules.add(new DecisionTree.Rule(parse(patterns.get(slot), slot, errors), slot));
        }
        return rules;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isHexOrWild(char c) {
        return Character.digit(c, 16) >= 0 && c < 128 || c == '?';
    }

    private static int nibble(char c) {
        return c == '?' ? 0 : Character.digit(c, 16);
    }

    private static int care(char c) {
        return c == '?' ? 0 : 0xF;
    }
}
