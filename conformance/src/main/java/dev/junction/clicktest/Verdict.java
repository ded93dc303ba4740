package dev.junction.clicktest;

/**
 * What a test framework should report for an outcome, given whether the file is expected to pass:
 * listed files must pass; unlisted files that fail are reported as skipped; unlisted files that pass
 * fail, so that the list is kept up to date.
 *
 * @param kind pass, fail or skip
 * @param message why (empty for a pass)
 */
public record Verdict(Kind kind, String message) {

    /** What to report. */
    public enum Kind {
        /** Report success. */
        PASS,
        /** Report a failure with the message. */
        FAIL,
        /** Report the test as skipped (aborted) with the message. */
        SKIP
    }

    /** The message for an unlisted test that passes. */
    public static final String PASSES_NOW = "passes now: add it to conformance/expected-to-pass.txt";
    /** The start of the message for an unlisted test that fails. */
    public static final String NOT_EXPECTED = "not expected to pass yet (not in expected-to-pass.txt): ";

    /**
     * Decides the verdict.
     *
     * @param expectedToPass true if the file is in the expected-to-pass list
     * @param outcome how the test ended
     * @return the verdict
     */
    public static Verdict judge(boolean expectedToPass, TestOutcome outcome) {
        return switch (outcome.status()) {
            case SKIPPED -> new Verdict(Kind.SKIP, outcome.skipReason());
            case PASSED -> expectedToPass ? new Verdict(Kind.PASS, "") : new Verdict(Kind.FAIL, PASSES_NOW);
            case FAILED -> expectedToPass ? new Verdict(Kind.FAIL, outcome.report())
                    : new Verdict(Kind.SKIP, NOT_EXPECTED + outcome.firstDifference());
        };
    }
}
