package dev.junction.clicktest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Collects the sections of one test while its file is parsed. */
final class TestBuilder {

    private final String name;
    private final List<ShellCommand> script = new ArrayList<>();
    private final List<ShellCommand> require = new ArrayList<>();
    private final List<InputFile> files = new ArrayList<>();
    private final List<Expectation> expectations = new ArrayList<>();
    private final List<IgnoreRule> ignores = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private final Set<String> definedFiles = new HashSet<>();
    private boolean hasSections;
    private boolean hasScript;

    TestBuilder(String name) {
        this.name = name;
    }

    /** Notes that a section was read, so an empty trailer after {@code %eot} can be told apart. */
    void sectionSeen() {
        hasSections = true;
    }

    boolean hasSections() {
        return hasSections;
    }

    void addScript(List<ShellCommand> commands) {
        hasScript = true;
        script.addAll(commands);
    }

    void addRequire(List<ShellCommand> commands) {
        require.addAll(commands);
    }

    void addFile(InputFile file) {
        files.add(file);
    }

    void addExpectation(Expectation expectation) {
        expectations.add(expectation);
    }

    void addIgnore(IgnoreRule rule) {
        ignores.add(rule);
    }

    /** Records a format error at a location. */
    void problem(Location where, String message) {
        problems.add(where + ": " + message);
    }

    /** Returns the list problems are collected in (for helpers that report by themselves). */
    List<String> problems() {
        return problems;
    }

    /**
     * Registers a file name for a kind of section.
     *
     * @return false if the name was already defined for that kind
     */
    boolean define(DataKind kind, String fileName) {
        return definedFiles.add(kind.duplicateGroup() + ":" + fileName);
    }

    ClickTest build(Location end) {
        if (!hasScript) {
            problem(end, "no %script section");
        }
        return new ClickTest(name, script, require, files, expectations, ignores, problems);
    }
}
