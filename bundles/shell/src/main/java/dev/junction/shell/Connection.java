package dev.junction.shell;

import java.util.ArrayList;
import java.util.List;

/**
 * A connection from output {@code fromPort} of element {@code from} to input {@code toPort} of element
 * {@code to}: an edge of the graph the {@code dot} command draws and the argument of {@code connect} and
 * {@code disconnect}.
 */
record Connection(String from, int fromPort, String to, int toPort) {
    /** How the words of {@code connect} and {@code disconnect} are written, for usage errors. */
    static final String SYNTAX = "FROM[OUT] [IN]TO, or FROM OUT TO IN";

    /**
     * Reads a connection from the words of a command line, Click's port syntax with the arrow left out:
     * {@code a[1] [2]b}, {@code a [1] b}, {@code a 1 b 2}, {@code a b}. Ports may be bracketed or bare and
     * default to 0. Gogo splits {@code a[1]} into {@code a} and {@code [1]}, so the words are joined and read
     * by position: the ports between the two names are FROM's output then TO's input, and a port after TO
     * is TO's input.
     *
     * @throws ShellException if the words do not have that form
     */
    static Connection parse(List<String> words) throws ShellException {
        List<String> tokens = tokens(String.join(" ", words));
        List<String> names = new ArrayList<>();
        List<Integer> portsBetween = new ArrayList<>();
        List<Integer> portsAfter = new ArrayList<>();
        for (String token : tokens) {
            Integer port = port(token, words);
            if (port == null) {
                names.add(token);
            } else if (names.size() == 1) {
                portsBetween.add(port);
            } else if (names.size() == 2) {
                portsAfter.add(port);
            } else {
                throw usage(words);
            }
        }
        boolean fits = names.size() == 2 && portsBetween.size() <= 2 && portsAfter.size() <= 1
                && !(portsBetween.size() == 2 && portsAfter.size() == 1);
        if (!fits) {
            throw usage(words);
        }
        int fromPort = portsBetween.isEmpty() ? 0 : portsBetween.get(0);
        int toPort = portsBetween.size() == 2 ? portsBetween.get(1) : portsAfter.isEmpty() ? 0 : portsAfter.get(0);
        return new Connection(names.get(0), fromPort, names.get(1), toPort);
    }

    private static ShellException usage(List<String> words) {
        return new ShellException("cannot read a connection from '" + String.join(" ", words) + "': write "
                + SYNTAX);
    }

    /** Splits at spaces and around brackets, keeping each bracketed port as one token such as {@code [1]}. */
    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            int end = i + 1;
            if (c == '[') {
                int close = text.indexOf(']', i);
                end = close < 0 ? text.length() : close + 1;
            } else {
                while (end < text.length() && !Character.isWhitespace(text.charAt(end)) && text.charAt(end) != '['
                        && text.charAt(end) != ']') {
                    end++;
                }
            }
            tokens.add(text.substring(i, end));
            i = end;
        }
        return tokens;
    }

    /** The port a token names ({@code [3]} or {@code 3}), or null if it is an element name. */
    private static Integer port(String token, List<String> words) throws ShellException {
        boolean bracketed = token.startsWith("[");
        String digits = bracketed ? token.substring(1, token.length() - (token.endsWith("]") ? 1 : 0)).strip()
                : token;
        if (digits.matches("[0-9]{1,9}")) {
            return Integer.valueOf(digits);
        }
        if (bracketed) {
            throw usage(words); // "[x]" is neither a port nor a name
        }
        return null;
    }

    /** The connection in Click's syntax, {@code a [1] -> [0] b}. */
    @Override
    public String toString() {
        return from + " [" + fromPort + "] -> [" + toPort + "] " + to;
    }
}
