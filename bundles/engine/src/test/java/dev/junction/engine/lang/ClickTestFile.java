package dev.junction.engine.lang;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The sections of a .clicktest file that the language tests need: script, files and expectations. */
record ClickTestFile(String script, Map<String, String> files, Map<String, List<String>> expectations) {
    /** Where the shared conformance tests are, relative to this module's directory. */
    static final Path CONFORMANCE = Path.of("../../../shared/conformance/click/tools");

    static ClickTestFile read(Path path) throws IOException {
        StringBuilder script = new StringBuilder();
        Map<String, String> files = new LinkedHashMap<>();
        Map<String, List<String>> expectations = new LinkedHashMap<>();
        List<String> names = List.of();
        String kind = "";
        StringBuilder body = new StringBuilder();
        for (String line : (Files.readString(path) + "\n%eof\n").split("\n", -1)) {
            if (line.startsWith("%")) {
                String text = body.toString();
                switch (kind) {
                    case "script" -> script.append(text);
                    case "file" -> names.forEach(n -> files.put(n, text));
                    case "expect" -> names.forEach(n -> expectations.put(n, List.of(text.split("\n"))));
                    default -> {
                    }
                }
                body.setLength(0);
                String[] words = line.substring(1).trim().split("\\s+");
                kind = words[0];
                List<String> n = new ArrayList<>();
                for (int i = 1; i < words.length; i++) {
                    if (!words[i].startsWith("-") && !words[i].startsWith("+")) {
                        n.add(words[i]);
                    }
                }
                names = n;
                if (kind.equals("eof")) {
                    break;
                }
            } else {
                body.append(line).append('\n');
            }
        }
        return new ClickTestFile(script.toString(), files, expectations);
    }

    /** The script's "fix" transform: join lines continued with four spaces, then sort. */
    static List<String> fix(String text) {
        String joined = text.replace("\n    ", " ");
        List<String> lines = new ArrayList<>(List.of(joined.split("\n")));
        lines.sort(null);
        return lines;
    }

    /** Whether {@code actual} matches {@code expected} as clicktest compares (ignoring '#' lines). */
    static String mismatch(List<String> expected, List<String> actual) {
        List<String> e = significant(expected, false);
        List<String> a = significant(actual, true);
        for (int i = 0; i < Math.max(e.size(), a.size()); i++) {
            String want = i < e.size() ? e.get(i) : "<nothing>";
            String got = i < a.size() ? a.get(i) : "<nothing>";
            if (i >= e.size() || i >= a.size() || !got.matches(toRegex(want))) {
                return "line " + (i + 1) + ": expected [" + want + "] got [" + got + "]\nall: " + a;
            }
        }
        return null;
    }

    private static List<String> significant(List<String> lines, boolean dropComments) {
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            String t = l.stripTrailing();
            if (!t.isBlank() && !(dropComments && t.startsWith("#"))) {
                out.add(t);
            }
        }
        return out;
    }

    private static String toRegex(String expected) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < expected.length()) {
            int open = expected.indexOf("{{", i);
            if (open < 0) {
                sb.append(java.util.regex.Pattern.quote(expected.substring(i)));
                break;
            }
            int close = expected.indexOf("}}", open + 2);
            sb.append(java.util.regex.Pattern.quote(expected.substring(i, open)));
            String re = expected.substring(open + 2, close);
            sb.append(re.startsWith("?") ? "" : "(?:" + re + ")");
            i = close + 2;
        }
        return sb.toString();
    }
}
