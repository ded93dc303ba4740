package dev.junction.clicktest;

import java.util.List;

/**
 * Turns script commands into the shell file that runs them. Before each command it writes a marker
 * line to stderr naming the command's location, so that a failure can be traced to its command;
 * {@link ScriptTrace} removes the markers again before stderr is compared.
 */
final class ScriptWriter {

    /** The prefix of a marker line; Click uses the same one. */
    static final String MARKER_PREFIX = "clicktest_lineno:";

    private static final String PRELUDE = """
            clicktest_subtest () {
                echo "clicktest_subtest $*"
                echo "clicktest_subtest $*" >&2
            }
            """;

    private ScriptWriter() {
    }

    /**
     * Writes a script.
     *
     * @param commands the commands, in order
     * @return the shell text, for {@code sh -e}
     */
    static String write(List<ShellCommand> commands) {
        StringBuilder script = new StringBuilder(PRELUDE);
        for (ShellCommand command : commands) {
            // The blank echo ends any unterminated line the previous command left on stderr.
            script.append("echo >&2; echo ").append(shellQuote(MARKER_PREFIX + command.location())).append(" >&2\n");
            script.append(command.text()).append('\n');
        }
        return script.toString();
    }

    private static String shellQuote(String text) {
        return "'" + text.replace("'", "'\"'\"'") + "'";
    }
}
