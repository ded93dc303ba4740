package dev.junction.tools;

/**
 * Click's glob patterns ({@code String::glob_match}), as {@code click -h} matches element names with them:
 * {@code *} matches any run of characters ({@code /} included), {@code ?} one character, {@code [abc]} one of
 * the listed characters and {@code [^abc]} one not listed (no ranges, as in Click), and a backslash makes the
 * next character match itself. A {@code [} without its {@code ]} matches itself.
 */
final class ClickGlob {
    private ClickGlob() {
    }

    /** Whether {@code text} holds a wildcard ({@code ?}, {@code *} or {@code [}): Click's test for a pattern. */
    static boolean isPattern(String text) {
        return text.indexOf('?') >= 0 || text.indexOf('*') >= 0 || text.indexOf('[') >= 0;
    }

    /** Whether all of {@code name} matches {@code pattern}. */
    static boolean matches(String name, String pattern) {
        return matchesFrom(name, 0, pattern, 0);
    }

    private static boolean matchesFrom(String name, int n, String pattern, int p) {
        while (p < pattern.length()) {
            char c = pattern.charAt(p);
            if (c == '*') {
                // Try every length for the star, shortest first.
                for (int rest = n; rest <= name.length(); rest++) {
                    if (matchesFrom(name, rest, pattern, p + 1)) {
                        return true;
                    }
                }
                return false;
            }
            if (n == name.length()) {
                return false;
            }
            if (c == '?') {
                p++;
            } else if (c == '[' && setEnd(pattern, p) > 0) {
                int end = setEnd(pattern, p);
                boolean negated = pattern.charAt(p + 1) == '^';
                int first = negated ? p + 2 : p + 1;
                boolean listed = pattern.substring(first, end).indexOf(name.charAt(n)) >= 0;
                if (listed == negated) {
                    return false;
                }
                p = end + 1;
            } else {
                if (c == '\\' && p + 1 < pattern.length()) {
                    c = pattern.charAt(++p);
                }
                if (c != name.charAt(n)) {
                    return false;
                }
                p++;
            }
            n++;
        }
        return n == name.length();
    }

    /** The index of the {@code ]} closing the set that opens at {@code open}, or -1 if it is not closed. */
    private static int setEnd(String pattern, int open) {
        int first = open + 1;
        if (first < pattern.length() && pattern.charAt(first) == '^') {
            first++;
        }
        // The first character of a set is listed even if it is ']'.
        return pattern.indexOf(']', first + 1);
    }
}
