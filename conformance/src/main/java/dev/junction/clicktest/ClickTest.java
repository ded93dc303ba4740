package dev.junction.clicktest;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One test parsed from a clicktest file (a file holds several when {@code %eot} separates them).
 *
 * @param name display name: the file's relative path, with {@code <2>}, {@code <3>}... for later tests
 * @param script the {@code %script} commands, in order
 * @param require the {@code %require} commands; if they fail the test is skipped
 * @param files the {@code %file} sections, written before the script runs
 * @param expectations the {@code %expect*} sections, in file order
 * @param ignores the {@code %ignore*} lines
 * @param problems format errors found while parsing; a test with problems fails without running
 */
public record ClickTest(String name, List<ShellCommand> script, List<ShellCommand> require,
                        List<InputFile> files, List<Expectation> expectations, List<IgnoreRule> ignores,
                        List<String> problems) {

    /** The shell function a script calls to start a subtest. */
    public static final String SUBTEST_COMMAND = "clicktest_subtest";

    /** Copies the lists so a test never changes after parsing. */
    public ClickTest {
        script = List.copyOf(script);
        require = List.copyOf(require);
        files = List.copyOf(files);
        expectations = List.copyOf(expectations);
        ignores = List.copyOf(ignores);
        problems = List.copyOf(problems);
    }

    /**
     * Returns the names of the files with expectations, in the order they were first named.
     *
     * @return output file names, each once
     */
    public Set<String> expectedFiles() {
        Set<String> names = new LinkedHashSet<>();
        expectations.forEach(expectation -> names.add(expectation.fileName()));
        return names;
    }

    /**
     * Returns the alternatives for one output file, verbatim ones first, then plain, then regex
     * (the order Click tries them in; it decides which difference is reported).
     *
     * @param fileName the output file
     * @return its expectations
     */
    public List<Expectation> expectationsFor(String fileName) {
        return expectations.stream()
                .filter(expectation -> expectation.fileName().equals(fileName))
                .sorted((a, b) -> a.mode().compareTo(b.mode()))
                .toList();
    }

    /**
     * Returns the ignore rules that apply to one output file.
     *
     * @param fileName the output file
     * @return rules naming it or {@code all}
     */
    public List<IgnoreRule> ignoresFor(String fileName) {
        return ignores.stream().filter(rule -> rule.appliesTo(fileName)).toList();
    }

    /**
     * Tells whether a {@code %file} section defines a file.
     *
     * @param fileName the file's name
     * @return true if the test writes it before running
     */
    public boolean hasInputFile(String fileName) {
        return files.stream().anyMatch(file -> file.name().equals(fileName));
    }

    /**
     * Tells whether the script may start subtests, so results can be reported per subtest.
     *
     * @return true if some script command mentions {@value #SUBTEST_COMMAND}
     */
    public boolean mentionsSubtests() {
        return script.stream().anyMatch(command -> command.text().contains(SUBTEST_COMMAND));
    }
}
