package dev.junction.clicktest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A script's raw stderr, with the command markers {@link ScriptWriter} put there: tells which command
 * ran last, what it wrote, and what stderr looks like without the markers.
 */
final class ScriptTrace {

    private static final Pattern MARKER = Pattern.compile(
            "\\n" + Pattern.quote(ScriptWriter.MARKER_PREFIX) + "([^\\n]*)\\n");

    private final String raw;

    /**
     * Wraps raw stderr.
     *
     * @param raw the stderr file's content, one char per byte
     */
    ScriptTrace(String raw) {
        this.raw = raw;
    }

    /**
     * Returns stderr as the commands wrote it. Each marker goes away with the newline echoed before
     * it, unless that newline ended a line the previous command left unterminated.
     */
    String withoutMarkers() {
        StringBuilder out = new StringBuilder();
        Matcher matcher = MARKER.matcher(raw);
        int last = 0;
        while (matcher.find()) {
            out.append(raw, last, matcher.start());
            if (!out.isEmpty() && out.charAt(out.length() - 1) != '\n') {
                out.append('\n');
            }
            last = matcher.end();
        }
        return out.append(raw.substring(last)).toString();
    }

    /** Returns the location of the last command that started, or null if none did. */
    String lastCommandLocation() {
        Matcher matcher = MARKER.matcher(raw);
        String location = null;
        while (matcher.find()) {
            location = matcher.group(1);
        }
        return location;
    }

    /** Returns what was written to stderr after the last command started. */
    String outputOfLastCommand() {
        Matcher matcher = MARKER.matcher(raw);
        int start = 0;
        while (matcher.find()) {
            start = matcher.end();
        }
        return raw.substring(start);
    }

    /** Returns the subtests the script started, in order. */
    List<String> subtests() {
        List<String> names = new ArrayList<>();
        for (String line : OutputComparator.lines(withoutMarkers())) {
            if (line.startsWith(OutputComparator.SUBTEST_PREFIX) && line.length() > OutputComparator.SUBTEST_PREFIX.length()) {
                names.add(line.substring(OutputComparator.SUBTEST_PREFIX.length()));
            }
        }
        return names;
    }

    /** Returns the subtest running when the script stopped, or null. */
    String currentSubtest() {
        List<String> names = subtests();
        return names.isEmpty() ? null : names.getLast();
    }
}
