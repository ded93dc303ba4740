package dev.junction.clicktest;

/**
 * One command of a {@code %script} or {@code %require} section: the unit whose exit status is
 * reported when a script fails.
 *
 * @param text the command's text, possibly spanning several lines (quotes, braces, continuations)
 * @param location where the command starts in the clicktest file
 */
public record ShellCommand(String text, Location location) {
}
