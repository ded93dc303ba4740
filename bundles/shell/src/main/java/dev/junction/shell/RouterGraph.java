package dev.junction.shell;

import java.util.ArrayList;
import java.util.List;

/**
 * A router's graph as the shell draws it: elements ({@code name :: Class}) and connections, in
 * configuration order.
 *
 * <p>It is read from the flat configuration that {@code RouterControl.flatConfiguration()} returns, which is
 * click-flatten's output: {@code require}/{@code define} statements, {@code # LINE "FILE"} directives, one
 * declaration {@code name :: Class(config);} per element, then connection chains
 * {@code a [1] -> [0] b -> c;}. That is all the reader understands; configuration strings are skipped
 * whole (nested parentheses, quotes and backslash escapes included).
 */
record RouterGraph(List<Element> elements, List<Connection> connections) {
    /** One element of the graph. */
    record Element(String name, String className) {
    }

    /** Copies the lists. */
    RouterGraph {
        elements = List.copyOf(elements);
        connections = List.copyOf(connections);
    }

    /**
     * Reads the graph from a flat configuration.
     *
     * @throws ShellException if the text is not a flat configuration
     */
    static RouterGraph readFlat(String flatConfiguration) throws ShellException {
        List<Element> elements = new ArrayList<>();
        List<Connection> connections = new ArrayList<>();
        for (List<String> statement : statements(flatConfiguration)) {
            String first = statement.getFirst();
            if (first.equals("require") || first.equals("define")) {
                continue;
            }
            if (statement.size() == 3 && statement.get(1).equals("::")) {
                elements.add(new Element(first, statement.get(2)));
            } else {
                readChain(statement, connections);
            }
        }
        return new RouterGraph(elements, connections);
    }

    /** Reads {@code a [1] -> [0] b [2] -> c}: each arrow is one connection, ports 0 unless given. */
    private static void readChain(List<String> tokens, List<Connection> connections) throws ShellException {
        String from = null;
        int fromPort = 0;
        int i = 0;
        while (i < tokens.size()) {
            int inputPort = 0;
            if (from != null) {
                if (!tokens.get(i).equals("->")) {
                    throw unreadable(tokens);
                }
                i++;
                if (i < tokens.size() && isPort(tokens.get(i))) {
                    inputPort = portNumber(tokens.get(i++));
                }
            }
            if (i >= tokens.size() || isPort(tokens.get(i)) || tokens.get(i).equals("->")) {
                throw unreadable(tokens);
            }
            String name = tokens.get(i++);
            if (from != null) {
                connections.add(new Connection(from, fromPort, name, inputPort));
            }
            from = name;
            fromPort = i < tokens.size() && isPort(tokens.get(i)) ? portNumber(tokens.get(i++)) : 0;
        }
    }

    private static ShellException unreadable(List<String> tokens) {
        return new ShellException("cannot read the flat configuration at '" + String.join(" ", tokens) + "'");
    }

    private static boolean isPort(String token) {
        return token.startsWith("[");
    }

    private static int portNumber(String token) {
        return Integer.parseInt(token.substring(1, token.length() - 1).strip());
    }

    /**
     * The statements of the text as token lists: names, {@code ::}, {@code ->} and ports {@code [N]}. Line
     * directives, comments and parenthesised configuration strings are dropped.
     */
    private static List<List<String>> statements(String text) throws ShellException {
        List<List<String>> statements = new ArrayList<>();
        List<String> current = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '#' || text.startsWith("//", i)) {
                i = endOfLine(text, i);
            } else if (text.startsWith("/*", i)) {
                int close = text.indexOf("*/", i + 2);
                i = close < 0 ? text.length() : close + 2;
            } else if (c == '(') {
                i = afterParenthesis(text, i);
            } else if (c == ';') {
                if (!current.isEmpty()) {
                    statements.add(current);
                    current = new ArrayList<>();
                }
                i++;
            } else if (text.startsWith("::", i) || text.startsWith("->", i)) {
                current.add(text.substring(i, i + 2));
                i += 2;
            } else if (c == '[') {
                int close = text.indexOf(']', i);
                if (close < 0 || !text.substring(i + 1, close).strip().matches("[0-9]+")) {
                    throw new ShellException("cannot read the flat configuration: bad port at offset " + i);
                }
                current.add(text.substring(i, close + 1));
                i = close + 1;
            } else if (isNameCharacter(c)) {
                int end = i;
                while (end < text.length() && isNameCharacter(text.charAt(end))) {
                    end++;
                }
                current.add(text.substring(i, end));
                i = end;
            } else {
                throw new ShellException("cannot read the flat configuration: unexpected '" + c + "' at offset " + i);
            }
        }
        if (!current.isEmpty()) {
            statements.add(current);
        }
        return statements;
    }

    /** Click's identifier characters: element names such as {@code Counter@2} or {@code compound/inner}. */
    private static boolean isNameCharacter(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '@' || c == '/';
    }

    private static int endOfLine(String text, int from) {
        int newline = text.indexOf('\n', from);
        return newline < 0 ? text.length() : newline + 1;
    }

    /** The index just after the parenthesis that closes the one at {@code open}. */
    private static int afterParenthesis(String text, int open) throws ShellException {
        int depth = 0;
        char quote = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == '\\' && quote == '"') {
                    i++; // an escaped character, possibly a quote
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i + 1;
            }
        }
        throw new ShellException("cannot read the flat configuration: unclosed '(' at offset " + open);
    }
}
