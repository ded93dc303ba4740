package dev.junction.clicktest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads clicktest files: a sequence of sections, each started by a line {@code %name arguments} and
 * running up to the next line that starts with {@code %}. A file may hold several tests, separated
 * by {@code %eot}. Text is handled one char per byte (ISO-8859-1) so byte lengths and binary data
 * survive.
 */
public final class ClickTestParser {

    private static final Pattern HEADER = Pattern.compile("%\\s*(\\w+)\\s*(.*?)\\s*");
    private static final Pattern SIMPLE_NAME = Pattern.compile("[-A-Za-z_0-9.]+");
    private static final Pattern PATH_NAME = Pattern.compile("[-A-Za-z_0-9./]+");
    private static final Pattern BAD_PATH = Pattern.compile("(\\A\\.\\./|/\\.\\./|/\\.\\.\\z|\\A/|//|/\\z)");
    private static final Pattern NON_BLANK_LINE = Pattern.compile("[ \\t]*\\S.*");

    private final LineSource source;
    private final Map<String, Path> includeBases = new HashMap<>();
    private TestBuilder test;

    private ClickTestParser(LineSource source) {
        this.source = source;
    }

    /**
     * Parses a clicktest file.
     *
     * @param file the file
     * @param displayName the name tests and locations carry, e.g. {@code tools/lexer-01.clicktest}
     * @return its tests, at least one
     * @throws IOException if the file cannot be read
     */
    public static List<ClickTest> parse(Path file, String displayName) throws IOException {
        ClickTestParser parser = new ClickTestParser(new LineSource(LineSource.readBytes(file), displayName));
        parser.includeBases.put(displayName, file);
        return parser.parseAll(displayName);
    }

    /**
     * Parses clicktest text ({@code %include} is then resolved against the working directory).
     *
     * @param text the file's content, one char per byte
     * @param displayName the name tests and locations carry
     * @return its tests, at least one
     */
    public static List<ClickTest> parse(String text, String displayName) {
        return new ClickTestParser(new LineSource(text, displayName)).parseAll(displayName);
    }

    private List<ClickTest> parseAll(String displayName) {
        List<ClickTest> tests = new ArrayList<>();
        Location end = new Location(displayName, 1);
        do {
            String name = tests.isEmpty() ? displayName : displayName + " <" + (tests.size() + 1) + ">";
            test = new TestBuilder(name);
            end = parseOneTest(end);
            if (tests.isEmpty() || test.hasSections()) {
                tests.add(test.build(end));
            }
        } while (source.hasMore());
        return tests;
    }

    /** Reads sections until {@code %eot} or the end; returns the last location seen. */
    private Location parseOneTest(Location last) {
        boolean afterSection = false;
        SourceLine line;
        while ((line = source.next()) != null) {
            last = line.location();
            Matcher header = HEADER.matcher(line.withoutTerminator());
            if (header.matches()) {
                String command = header.group(1).toLowerCase(Locale.ROOT);
                if (command.equals("eot")) {
                    return last;
                }
                test.sectionSeen();
                section(command, header.group(2), line.location());
                afterSection = true;
            } else if (line.startsSection()) {
                test.problem(line.location(), "bad '%' command");
            } else if (afterSection && isGarbage(line)) {
                // Only reachable after a +LEN section: other bodies run up to the next '%' line.
                test.problem(line.location(), "text outside any section");
                afterSection = false;
            }
        }
        return last;
    }

    private static boolean isGarbage(SourceLine line) {
        String text = line.text();
        return !text.isBlank() && !text.startsWith("#") && !text.startsWith("!");
    }

    private void section(String command, String arguments, Location header) {
        switch (command) {
            case "script", "test" -> test.addScript(script(arguments, header, "script"));
            case "require" -> test.addRequire(script(arguments, header, "require"));
            case "info", "desc", "cut" -> {
                if (!arguments.isEmpty() && !command.equals("cut")) {
                    test.problem(header, "arguments to '%" + command + "' ignored");
                }
                readBody();
            }
            case "file" -> data(DataKind.FILE, arguments, header, null);
            case "stdin", "input" -> data(DataKind.FILE, arguments, header, "stdin");
            case "expect" -> data(DataKind.EXPECT, arguments, header, null);
            case "stdout", "output" -> data(DataKind.EXPECT, arguments, header, "stdout");
            case "stderr" -> data(DataKind.EXPECT, arguments, header, "stderr");
            case "expectv", "expect_verbatim", "verbatim" -> data(DataKind.EXPECTV, arguments, header, null);
            case "expectx" -> data(DataKind.EXPECTX, arguments, header, null);
            case "ignore" -> data(DataKind.IGNORE, arguments, header, null);
            case "ignorev" -> data(DataKind.IGNOREV, arguments, header, null);
            case "ignorex" -> data(DataKind.IGNOREX, arguments, header, null);
            case "include" -> include(arguments, header);
            case "eof" -> source.skipAll();
            default -> {
                test.problem(header, "unrecognized command '" + command + "'");
                readBody();
            }
        }
    }

    private List<ShellCommand> script(String arguments, Location header, String section) {
        boolean quietAllowed = section.equals("require") && arguments.equals("-q");
        if (!arguments.isEmpty() && !quietAllowed) {
            test.problem(header, "arguments to '%" + section + "' ignored");
        }
        String body = readBody();
        return ShellScriptSplitter.split(body, header.plus(1), test.problems());
    }

    /** Reads a body up to the next section line; a leading backslash protects a line starting with %. */
    private String readBody() {
        StringBuilder body = new StringBuilder();
        SourceLine line;
        while ((line = source.peek()) != null && !line.startsSection()) {
            source.next();
            String text = line.text();
            body.append(text.startsWith("\\%") ? text.substring(1) : text);
        }
        return body.toString();
    }

    /** Reads exactly {@code length} bytes, section lines included; the rest of the last line is read next. */
    private String readExactly(int length, Location header) {
        StringBuilder body = new StringBuilder();
        SourceLine line;
        while (body.length() < length && (line = source.next()) != null) {
            int room = length - body.length();
            if (line.text().length() > room) {
                body.append(line.text(), 0, room);
                source.unread(new SourceLine(line.text().substring(room), line.location()));
            } else {
                body.append(line.text());
            }
        }
        if (body.length() != length) {
            test.problem(header, "file too short (+" + length + " but only " + body.length() + " bytes)");
        }
        return body.toString();
    }

    private void data(DataKind kind, String arguments, Location header, String shorthandFile) {
        SectionArguments args = SectionArguments.parse(arguments);
        args.problems().forEach(problem -> test.problem(header, problem));
        if (args.base64() && kind == DataKind.EXPECT) {
            kind = DataKind.EXPECTV;  // Base64 data has no line structure to match loosely
        }
        checkFlags(kind, args, header);
        String content = args.length() != null ? readExactly(args.length(), header) : readBody();
        content = transform(kind, args, content, header);

        List<String> names = args.names();
        if (names.isEmpty()) {
            names = List.of(shorthandFile != null ? shorthandFile : kind.defaultFile());
        }
        for (String name : names) {
            if (!isValidFileName(name)) {
                test.problem(header, "bad filename '%" + kind.sectionName() + " " + name + "'");
            } else if (!kind.accepts(name)) {
                test.problem(header, "'" + name + "' not meaningful for '%" + kind.sectionName() + "'");
            } else if (!test.define(kind, name) && !args.alternate() && !kind.allowsRepeats()) {
                test.problem(header, "'%" + kind.sectionName() + " " + name + "' already defined");
            } else {
                store(kind, name, args, content, header);
            }
        }
    }

    private void checkFlags(DataKind kind, SectionArguments args, Location header) {
        String section = "'%" + kind.sectionName();
        if (args.alternate() && !kind.allowsAlternate()) {
            test.problem(header, section + " -a' is illegal");
        }
        if (args.caseInsensitive() && !kind.allowsLooseMatching()) {
            test.problem(header, section + " -i' is illegal");
        }
        if (args.whitespace() && !kind.allowsLooseMatching()) {
            test.problem(header, section + " -w' is illegal");
        }
        if (args.base64() && !kind.allowsBase64()) {
            test.problem(header, section + " -e' is illegal");
        }
    }

    /** Applies -d, then (for ignores) -w, then -e, in Click's order. */
    private String transform(DataKind kind, SectionArguments args, String content, Location header) {
        if (args.deleteFirst()) {
            content = Pattern.compile("^[^\\n]", Pattern.MULTILINE).matcher(content).replaceAll("");
        }
        if (kind.isIgnore() && args.whitespace()) {
            content = BraceTemplate.removeWhitespace(content);
        }
        if (args.base64()) {
            try {
                byte[] decoded = Base64.getMimeDecoder().decode(content.getBytes(StandardCharsets.ISO_8859_1));
                content = new String(decoded, StandardCharsets.ISO_8859_1);
            } catch (IllegalArgumentException e) {
                test.problem(header, "bad Base64 data: " + e.getMessage());
            }
        }
        return content;
    }

    private void store(DataKind kind, String name, SectionArguments args, String content, Location header) {
        if (kind == DataKind.FILE) {
            test.addFile(new InputFile(name, content));
        } else if (kind.isExpect()) {
            test.addExpectation(new Expectation(name, kind.mode(), content, args.whitespace(),
                    args.caseInsensitive(), header.plus(1)));
        } else {
            storeIgnores(kind, name, args, content, header);
        }
    }

    private void storeIgnores(DataKind kind, String name, SectionArguments args, String content, Location header) {
        for (String line : content.split("\n")) {
            if (!NON_BLANK_LINE.matcher(line).matches()) {
                continue;
            }
            String regex = switch (kind) {
                case IGNORE -> BraceTemplate.toRegex(line, true, false).regex();
                case IGNOREV -> Pattern.quote(line);
                default -> PerlRegex.toJava(BraceTemplate.stripComments(line));
            };
            // Click allows trailing blanks after an ignored line; without them when blanks are ignored.
            String wholeLine = "(?:" + regex + ")" + (args.whitespace() ? "" : "[ \\t]*");
            try {
                test.addIgnore(new IgnoreRule(name, PerlRegex.compile(wholeLine, args.caseInsensitive()),
                        args.whitespace()));
            } catch (PatternSyntaxException e) {
                test.problem(header, "bad regular expression in '%" + kind.sectionName() + "': "
                        + e.getDescription() + " in " + line);
            }
        }
    }

    /** Accepts plain names and relative paths that stay inside the test directory. */
    static boolean isValidFileName(String name) {
        return SIMPLE_NAME.matcher(name).matches()
                || PATH_NAME.matcher(name).matches() && !BAD_PATH.matcher(name).find();
    }

    private void include(String arguments, Location header) {
        Path base = includeBases.get(header.file());
        Path target = base == null ? Path.of(arguments) : base.resolveSibling(arguments);
        String displayName = Path.of(header.file()).resolveSibling(arguments).normalize().toString();
        try {
            String text = LineSource.readBytes(target);
            includeBases.put(displayName, target);
            source.insert(LineSource.split(text, displayName));
        } catch (IOException e) {
            test.problem(header, "%include " + arguments + ": " + e);
        }
    }
}
