package dev.junction.clicktest;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The result of running one test.
 *
 * @param test the test's name
 * @param status passed, failed or skipped
 * @param failures why it failed (empty unless failed)
 * @param skipReason why it was skipped (null unless skipped)
 * @param subtests the subtests the script started, in order
 */
public record TestOutcome(String test, Status status, List<Failure> failures, String skipReason,
                          List<String> subtests) {

    /** How a test ended. */
    public enum Status {
        /** The script succeeded and every output matched. */
        PASSED,
        /** The format was bad, the script failed or timed out, or an output differed. */
        FAILED,
        /** A {@code %require} command failed. */
        SKIPPED
    }

    /** Copies the lists. */
    public TestOutcome {
        failures = List.copyOf(failures);
        subtests = List.copyOf(subtests);
    }

    /**
     * Creates a passing outcome.
     *
     * @param test the test's name
     * @param subtests the subtests started
     * @return the outcome
     */
    public static TestOutcome passed(String test, List<String> subtests) {
        return new TestOutcome(test, Status.PASSED, List.of(), null, subtests);
    }

    /**
     * Creates a failing outcome.
     *
     * @param test the test's name
     * @param failures why, at least one
     * @param subtests the subtests started
     * @return the outcome
     */
    public static TestOutcome failed(String test, List<Failure> failures, List<String> subtests) {
        return new TestOutcome(test, Status.FAILED, failures, null, subtests);
    }

    /**
     * Creates a skipped outcome.
     *
     * @param test the test's name
     * @param reason why
     * @return the outcome
     */
    public static TestOutcome skipped(String test, String reason) {
        return new TestOutcome(test, Status.SKIPPED, List.of(), reason, List.of());
    }

    /**
     * Returns the first failure's summary, the short form of what is wrong.
     *
     * @return a line, or empty if nothing failed
     */
    public String firstDifference() {
        return failures.isEmpty() ? "" : failures.getFirst().summary();
    }

    /**
     * Returns every failure in full, headed by the test's name.
     *
     * @return a multi-line report
     */
    public String report() {
        return test + ": " + failures.size() + (failures.size() == 1 ? " problem" : " problems") + "\n"
                + failures.stream().map(Failure::message).collect(Collectors.joining("\n"));
    }
}
