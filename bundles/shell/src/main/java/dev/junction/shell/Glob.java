package dev.junction.shell;

import java.util.regex.Pattern;

/**
 * A shell glob as Click's {@code -h} option takes them: {@code *} matches any run of characters (slashes and
 * dots included, so {@code c*.count} reaches {@code compound/c1.count}), {@code ?} matches one character, and
 * everything else matches itself.
 */
final class Glob {
    private final Pattern pattern;

    private Glob(Pattern pattern) {
        this.pattern = pattern;
    }

    /** Compiles {@code glob}. */
    static Glob of(String glob) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' || c == '?') {
                regex.append(Pattern.quote(literal.toString())).append(c == '*' ? ".*" : ".");
                literal.setLength(0);
            } else {
                literal.append(c);
            }
        }
        regex.append(Pattern.quote(literal.toString()));
        return new Glob(Pattern.compile(regex.toString(), Pattern.DOTALL));
    }

    /** Whether {@code text} contains a wildcard, that is, names a set rather than one thing. */
    static boolean isPattern(String text) {
        return text.indexOf('*') >= 0 || text.indexOf('?') >= 0;
    }

    /** Whether {@code name} matches the whole glob. */
    boolean matches(String name) {
        return pattern.matcher(name).matches();
    }
}
