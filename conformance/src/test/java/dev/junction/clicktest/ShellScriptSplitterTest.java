package dev.junction.clicktest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShellScriptSplitterTest {

    private final List<String> problems = new ArrayList<>();

    private List<ShellCommand> split(String script) {
        return ShellScriptSplitter.split(script, new Location("s", 10), problems);
    }

    private List<String> texts(String script) {
        return split(script).stream().map(ShellCommand::text).toList();
    }

    private List<Integer> lines(String script) {
        return split(script).stream().map(command -> command.location().line()).toList();
    }

    @Test
    void oneCommandPerLineSkippingBlanksAndComments() {
        assertEquals(List.of("echo a", "echo b"), texts("echo a\n\n# comment\necho b\n"));
        assertEquals(List.of(10, 13), lines("echo a\n\n# comment\necho b\n"));
    }

    @Test
    void quotesSpanLines() {
        String script = "click -e '\nA -> B\n' 2>A\nclick -e \"\nx \\\" y\n\" || true\necho done\n";
        assertEquals(List.of("click -e '\nA -> B\n' 2>A", "click -e \"\nx \\\" y\n\" || true", "echo done"),
                texts(script));
        assertEquals(List.of(10, 13, 16), lines(script));
        assertEquals(List.of(), problems);
    }

    @Test
    void bracesMakeOneCommand() {
        String script = "fix () {\n\tperl -e 'x' | sort\n}\n\nfix < A\n";
        assertEquals(List.of("fix () {\n\tperl -e 'x' | sort\n}", "fix < A"), texts(script));
    }

    @Test
    void compoundCommandsAreOneCommand() {
        String script = "if true\nthen\n  echo a\nfi\nfor i in 1 2\ndo\n  echo $i\ndone\ncase x in\nx) echo x;;\nesac\necho if\n";
        assertEquals(4, split(script).size());
        assertEquals(List.of(10, 14, 18, 21), lines(script));
    }

    @Test
    void trailingOperatorsAndBackslashesContinue() {
        assertEquals(List.of("a &&\nb", "c |\n  d", "e \\\nf", "g"), texts("a &&\nb\nc |\n  d\ne \\\nf\ng\n"));
        assertEquals(List.of("a ||\nb"), texts("a ||\nb\n"));
    }

    @Test
    void hereDocumentsStayWithTheirCommand() {
        String script = "cat <<EOF > F\nline one\n# not a comment\nEOF\ncat <<-'END'\n\tx\n\tEND\necho after\n";
        assertEquals(List.of("cat <<EOF > F\nline one\n# not a comment\nEOF", "cat <<-'END'\n\tx\n\tEND", "echo after"),
                texts(script));
        assertEquals(List.of(10, 14, 17), lines(script));
    }

    @Test
    void hashInsideAWordIsNotAComment() {
        assertEquals(List.of("echo a#b $#"), texts("echo a#b $#\n"));
    }

    @Test
    void backquotesSpanLines() {
        assertEquals(List.of("x=`echo\nhi`", "y"), texts("x=`echo\nhi`\ny\n"));
    }

    @Test
    void unterminatedQuoteIsReported() {
        split("echo \"open\n");
        assertEquals(1, problems.size());
    }

    @Test
    void lastLineWithoutNewline() {
        assertEquals(List.of("a", "b"), texts("a\nb"));
    }
}
