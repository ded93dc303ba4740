package dev.junction.clicktest;

import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicNode;

/**
 * Turns clicktest files into JUnit dynamic tests: a file with one test and no subtests is one dynamic
 * test; a file with several tests ({@code %eot}) or subtests is a container whose children are made
 * while it runs, one per test or subtest.
 */
final class ConformanceNodes {

    private static final String BEFORE_SUBTESTS = "(before any subtest)";

    private final ClickTestRunner runner;
    private final ExpectedToPassList expected;

    ConformanceNodes(ClickTestRunner runner, ExpectedToPassList expected) {
        this.runner = runner;
        this.expected = expected;
    }

    /** Builds the node for one file, given its path relative to the test folder. */
    DynamicNode forFile(Path root, String relativePath) {
        Path file = root.resolve(relativePath);
        URI source = file.toUri();
        boolean listed = expected.contains(relativePath);
        List<ClickTest> tests;
        try {
            tests = ClickTestParser.parse(file, relativePath);
        } catch (IOException e) {
            return dynamicTest(relativePath, source, () -> Assertions.fail("cannot read " + file + ": " + e));
        }
        if (tests.size() == 1 && !tests.getFirst().mentionsSubtests()) {
            ClickTest test = tests.getFirst();
            return dynamicTest(relativePath, source, () -> apply(Verdict.judge(listed, runner.run(test))));
        }
        List<TestOutcome> outcomes = new ArrayList<>();
        Stream<DynamicNode> children = tests.stream().flatMap(test -> {
            TestOutcome outcome = runner.run(test);
            outcomes.add(outcome);
            return childrenOf(test, outcome, listed, source);
        });
        // Made last, after the children ran: an unlisted file whose every part passed must be listed.
        Stream<DynamicNode> listCheck = Stream.of(relativePath).flatMap(name -> listed
                || outcomes.stream().anyMatch(outcome -> outcome.status() != TestOutcome.Status.PASSED)
                ? Stream.empty()
                : Stream.of(dynamicTest("expected-to-pass list", source, () -> Assertions.fail(Verdict.PASSES_NOW))));
        return dynamicContainer(relativePath, source, Stream.concat(children, listCheck));
    }

    private Stream<DynamicNode> childrenOf(ClickTest test, TestOutcome outcome, boolean listed, URI source) {
        if (!test.mentionsSubtests() || outcome.status() == TestOutcome.Status.SKIPPED) {
            return Stream.of(dynamicTest(test.name(), source, () -> applyPart(listed, outcome)));
        }
        Map<String, List<Failure>> bySubtest = new LinkedHashMap<>();
        bySubtest.put(BEFORE_SUBTESTS, new ArrayList<>());
        outcome.subtests().forEach(name -> bySubtest.putIfAbsent(name, new ArrayList<>()));
        for (Failure failure : outcome.failures()) {
            String key = failure.subtest() == null ? BEFORE_SUBTESTS : failure.subtest();
            bySubtest.computeIfAbsent(key, name -> new ArrayList<>()).add(failure);
        }
        if (bySubtest.get(BEFORE_SUBTESTS).isEmpty()) {
            bySubtest.remove(BEFORE_SUBTESTS);
        }
        List<DynamicNode> nodes = new ArrayList<>();
        boolean earlierFailed = false;
        for (Map.Entry<String, List<Failure>> entry : bySubtest.entrySet()) {
            String name = test.name() + " subtest " + entry.getKey();
            List<Failure> failures = entry.getValue();
            if (!failures.isEmpty()) {
                TestOutcome part = TestOutcome.failed(name, failures, List.of());
                nodes.add(dynamicTest(name, source, () -> applyPart(listed, part)));
                earlierFailed = true;
            } else if (earlierFailed) {
                nodes.add(dynamicTest(name, source, () -> Assumptions.abort(
                        "not fully checked: comparing an output stops at its first difference, in an earlier subtest")));
            } else {
                nodes.add(dynamicTest(name, source, () -> { }));
            }
        }
        return nodes.stream();
    }

    /** A part of a file: an unlisted part that passes is fine; the file-level check reports the list. */
    private static void applyPart(boolean listed, TestOutcome outcome) {
        Verdict verdict = Verdict.judge(listed, outcome);
        if (verdict.kind() != Verdict.Kind.FAIL || listed) {
            apply(verdict);
        }
    }

    /** Reports a verdict to JUnit. */
    static void apply(Verdict verdict) {
        switch (verdict.kind()) {
            case PASS -> { }
            case FAIL -> Assertions.fail(verdict.message());
            case SKIP -> Assumptions.abort(verdict.message());
        }
    }
}
