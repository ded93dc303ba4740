package dev.junction.clicktest;

/**
 * A {@code %file} section: a file written into the test directory before the script runs.
 *
 * @param name the file's path relative to the test directory ({@code stdin} feeds the script)
 * @param content the bytes to write, one char per byte (ISO-8859-1)
 */
public record InputFile(String name, String content) {
}
