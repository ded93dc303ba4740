package dev.junction.clicktest;

/**
 * One reason a test failed.
 *
 * @param subtest the subtest it belongs to, or null if it came before any subtest
 * @param summary one line saying what went wrong
 * @param details more lines (a listing, the command's stderr), or empty
 */
public record Failure(String subtest, String summary, String details) {

    /**
     * Returns the summary followed by the details.
     *
     * @return the full message
     */
    public String message() {
        return details.isEmpty() ? summary : summary + "\n" + details;
    }
}
