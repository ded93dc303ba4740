package dev.junction.clicktest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * How tests are run.
 *
 * @param binDirectory put first on the scripts' PATH: where {@code click} and {@code click-flatten} are
 * @param timeout how long one script may run before its process tree is killed
 * @param keepDirectories true to leave each test's temporary directory behind for debugging
 * @param environment extra variables for the scripts (Click's {@code VARIABLE=VALUE} arguments)
 */
public record RunnerConfig(Path binDirectory, Duration timeout, boolean keepDirectories,
                           Map<String, String> environment) {

    /** System property: the launcher directory. */
    public static final String BIN_PROPERTY = "clicktest.bin";
    /** System property: the timeout per test, in seconds. */
    public static final String TIMEOUT_PROPERTY = "clicktest.timeout";
    /** System property: {@code true} keeps the temporary directories. */
    public static final String KEEP_PROPERTY = "clicktest.keep";
    /** The default timeout per test, in seconds. */
    public static final long DEFAULT_TIMEOUT_SECONDS = 120;

    /** Copies the environment map. */
    public RunnerConfig {
        environment = Map.copyOf(environment);
    }

    /**
     * Reads the configuration from system properties, with defaults for a checkout.
     *
     * @param repositoryRoot the project's root; the launchers default to its {@code run/bin}
     * @return the configuration
     */
    public static RunnerConfig fromSystemProperties(Path repositoryRoot) {
        String bin = System.getProperty(BIN_PROPERTY);
        Path binDirectory = bin != null && !bin.isBlank() ? Path.of(bin) : repositoryRoot.resolve("run/bin");
        long seconds = Long.parseLong(System.getProperty(TIMEOUT_PROPERTY, String.valueOf(DEFAULT_TIMEOUT_SECONDS)));
        boolean keep = Boolean.getBoolean(KEEP_PROPERTY);
        return new RunnerConfig(binDirectory.toAbsolutePath(), Duration.ofSeconds(seconds), keep, Map.of());
    }

    /**
     * Returns a copy with another timeout.
     *
     * @param newTimeout the timeout
     * @return the new configuration
     */
    public RunnerConfig withTimeout(Duration newTimeout) {
        return new RunnerConfig(binDirectory, newTimeout, keepDirectories, environment);
    }
}
