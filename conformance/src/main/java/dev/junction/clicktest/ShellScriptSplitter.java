package dev.junction.clicktest;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits a script section into commands, so that a failing exit status can be traced to the command
 * that caused it. A command ends at a newline unless that newline is quoted, escaped, inside braces or
 * backquotes, inside an {@code if}/{@code case}/loop, inside a here-document, or follows
 * {@code &&}, {@code ||} or {@code |}.
 */
final class ShellScriptSplitter {

    private static final Set<String> OPENERS = Set.of("if", "case", "for", "while", "until");
    private static final Set<String> CLOSERS = Set.of("fi", "esac", "done");
    private static final Set<String> LEAD_INS = Set.of("if", "then", "else", "elif", "do", "while", "until", "!");
    private static final String OPERATORS = ";&|()";

    private final String text;
    private final Location firstLine;
    private final List<ShellCommand> commands = new ArrayList<>();
    private final List<String> problems;

    private int position;
    private int commandStart;
    private int line;
    private int commandLine;
    private int braceDepth;
    private int keywordDepth;
    private boolean inBackquote;
    private boolean commandPosition = true;
    private final StringBuilder word = new StringBuilder();
    private boolean wordQuoted;
    private final StringBuilder code = new StringBuilder();
    private final List<HereDocument> pendingHereDocuments = new ArrayList<>();

    private record HereDocument(String delimiter, boolean stripTabs) {
    }

    private ShellScriptSplitter(String text, Location firstLine, List<String> problems) {
        this.text = text;
        this.firstLine = firstLine;
        this.problems = problems;
        this.line = firstLine.line();
        this.commandLine = line;
    }

    /**
     * Splits a script section.
     *
     * @param text the section's body
     * @param firstLine where the body starts
     * @param problems receives messages about unterminated quotes
     * @return the non-blank commands, each with its starting line
     */
    static List<ShellCommand> split(String text, Location firstLine, List<String> problems) {
        ShellScriptSplitter splitter = new ShellScriptSplitter(text, firstLine, problems);
        splitter.scan();
        return splitter.commands;
    }

    private void scan() {
        while (position < text.length()) {
            char c = text.charAt(position);
            switch (c) {
                case '\\' -> escaped();
                case '\'' -> quoted('\'', false);
                case '"' -> quoted('"', true);
                case '`' -> {
                    inBackquote = !inBackquote;
                    take(1);
                }
                case '#' -> {
                    if (word.isEmpty() && !wordQuoted) {
                        comment();
                    } else {
                        wordChar(c);
                    }
                }
                case '\n' -> newline();
                case '<' -> {
                    if (text.startsWith("<<", position) && !text.startsWith("<<<", position)) {
                        hereDocumentOperator();
                    } else {
                        separator(1);
                    }
                }
                default -> {
                    if (Character.isWhitespace(c) || OPERATORS.indexOf(c) >= 0 || c == '>') {
                        separator(1);
                    } else {
                        if (c == '{') {
                            braceDepth++;
                        } else if (c == '}') {
                            braceDepth--;
                        }
                        wordChar(c);
                    }
                }
            }
        }
        endWord(false);
        finishCommand(text.length());
        if (inBackquote) {
            problems.add(where() + ": unmatched backquote in script");
        }
    }

    private void escaped() {
        int length = Math.min(2, text.length() - position);
        wordQuoted = true;
        if (length == 2 && text.charAt(position + 1) == '\n') {
            line++;
        }
        take(length);
    }

    private void quoted(char quote, boolean backslashEscapes) {
        int end = position + 1;
        while (end < text.length() && text.charAt(end) != quote) {
            end += backslashEscapes && text.charAt(end) == '\\' ? 2 : 1;
        }
        if (end >= text.length()) {
            problems.add(where() + ": unmatched " + (quote == '"' ? "double" : "single") + " quote in script");
            end = text.length() - 1;
        }
        wordQuoted = true;
        String quotedText = text.substring(position, Math.min(end + 1, text.length()));
        line += (int) quotedText.chars().filter(ch -> ch == '\n').count();
        take(quotedText.length());
    }

    private void comment() {
        int end = text.indexOf('\n', position);
        position = end < 0 ? text.length() : end;
    }

    private void hereDocumentOperator() {
        endWord(false);
        int start = position;
        position += 2;
        boolean stripTabs = position < text.length() && text.charAt(position) == '-';
        if (stripTabs) {
            position++;
        }
        while (position < text.length() && (text.charAt(position) == ' ' || text.charAt(position) == '\t')) {
            position++;
        }
        int delimiterStart = position;
        while (position < text.length() && !Character.isWhitespace(text.charAt(position))
                && OPERATORS.indexOf(text.charAt(position)) < 0 && text.charAt(position) != '<'
                && text.charAt(position) != '>') {
            position++;
        }
        String delimiter = text.substring(delimiterStart, position).replaceAll("[\"'\\\\]", "");
        if (!delimiter.isEmpty()) {
            pendingHereDocuments.add(new HereDocument(delimiter, stripTabs));
        }
        code.append(text, start, position);
        commandPosition = false;
    }

    private void newline() {
        endWord(true);
        take(1);
        line++;
        readHereDocuments();
        if (!inBackquote && braceDepth <= 0 && keywordDepth <= 0 && !endsWithOperator()) {
            finishCommand(position);
        }
    }

    private void readHereDocuments() {
        for (HereDocument document : pendingHereDocuments) {
            while (position < text.length()) {
                int end = text.indexOf('\n', position);
                end = end < 0 ? text.length() : end + 1;
                String bodyLine = text.substring(position, end).replaceFirst("\n$", "");
                position = end;
                line++;
                if ((document.stripTabs() ? bodyLine.replaceFirst("^\t+", "") : bodyLine).equals(document.delimiter())) {
                    break;
                }
            }
        }
        pendingHereDocuments.clear();
    }

    private boolean endsWithOperator() {
        String significant = code.toString().strip();
        return significant.endsWith("|") && !significant.endsWith("\\|")
                || significant.endsWith("&&") && !significant.endsWith("\\&&");
    }

    private void separator(int length) {
        char c = text.charAt(position);
        endWord(OPERATORS.indexOf(c) >= 0);
        take(length);
    }

    private void wordChar(char c) {
        word.append(c);
        take(1);
    }

    /** Ends the current word; a keyword at the start of a command opens or closes a compound command. */
    private void endWord(boolean operatorFollows) {
        if (!word.isEmpty() || wordQuoted) {
            String finished = wordQuoted ? "" : word.toString();
            if (commandPosition) {
                if (OPENERS.contains(finished)) {
                    keywordDepth++;
                } else if (CLOSERS.contains(finished)) {
                    keywordDepth--;
                }
            }
            commandPosition = LEAD_INS.contains(finished);
            word.setLength(0);
            wordQuoted = false;
        }
        if (operatorFollows) {
            commandPosition = true;
        }
    }

    private void take(int length) {
        code.append(text, position, position + length);
        position += length;
    }

    private void finishCommand(int end) {
        String command = text.substring(commandStart, end);
        if (command.endsWith("\n")) {
            command = command.substring(0, command.length() - 1);
        }
        if (!code.toString().isBlank()) {
            commands.add(new ShellCommand(command, new Location(firstLine.file(), commandLine)));
        }
        code.setLength(0);
        commandStart = end;
        commandLine = line;
        commandPosition = true;
        braceDepth = 0;
        keywordDepth = 0;
    }

    private String where() {
        return new Location(firstLine.file(), commandLine).toString();
    }
}
