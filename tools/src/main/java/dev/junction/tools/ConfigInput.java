package dev.junction.tools;

import dev.junction.engine.lang.ClickLanguage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The configuration a Click tool was asked to read and the {@code NAME=value} definitions that go with it,
 * taken from the command line as Click's tools take them: {@code -e EXPR}, {@code -f FILE}, or one
 * positional file name ({@code -} or nothing means standard input).
 */
final class ConfigInput {
    // Click's command line treats an argument as a definition if it looks like NAME=value.
    private static final Pattern DEFINITION = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*=.*", Pattern.DOTALL);

    final String text;
    final String fileName;
    final Path includeDirectory;
    final Map<String, String> definitions;

    private ConfigInput(String text, String fileName, Path includeDirectory, Map<String, String> definitions) {
        this.text = text;
        this.fileName = fileName;
        this.includeDirectory = includeDirectory;
        this.definitions = definitions;
    }

    /**
     * Reads the configuration named by {@code -e}, {@code -f} or the positional arguments.
     *
     * @throws UsageException if the configuration is given twice or the arguments are not understood
     * @throws IOException    if the file cannot be read, with a message naming it
     */
    static ConfigInput read(String expression, String file, List<String> positional, InputStream stdin)
            throws UsageException, IOException {
        Map<String, String> definitions = new LinkedHashMap<>();
        String source = file;
        for (String argument : positional) {
            if (DEFINITION.matcher(argument).matches()) {
                int equals = argument.indexOf('=');
                String name = argument.substring(0, equals);
                if (definitions.containsKey(name)) {
                    throw new UsageException("parameter '" + name + "' multiply defined");
                }
                definitions.put(name, argument.substring(equals + 1));
            } else if (source != null || expression != null) {
                throw new UsageException("router configuration specified twice");
            } else {
                source = argument;
            }
        }
        if (expression != null) {
            if (source != null) {
                throw new UsageException("router configuration specified twice");
            }
            return new ConfigInput(expression, ClickLanguage.EXPRESSION_FILE_NAME, Path.of("."), definitions);
        }
        if (source == null || source.equals("-")) {
            String text = new String(stdin.readAllBytes(), StandardCharsets.ISO_8859_1);
            return new ConfigInput(text, "<stdin>", Path.of("."), definitions);
        }
        Path path = Path.of(source);
        try {
            // Configurations are bytes; ISO-8859-1 keeps every byte as one char, as Click's strings do.
            String text = Files.readString(path, StandardCharsets.ISO_8859_1);
            Path parent = path.toAbsolutePath().getParent();
            return new ConfigInput(text, source, parent == null ? Path.of(".") : parent, definitions);
        } catch (NoSuchFileException e) {
            throw new IOException(source + ": No such file or directory", e);
        } catch (IOException e) {
            throw new IOException(source + ": " + e.getMessage(), e);
        }
    }

    /** Writes {@code text} to {@code output}; {@code -} is the tool's standard output, {@code stdout}. */
    static void write(String output, String text, PrintWriter stdout) throws IOException {
        if (output.equals("-")) {
            stdout.print(text);
            stdout.flush();
            return;
        }
        try {
            Files.write(Path.of(output), text.getBytes(StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            throw new IOException(output + ": " + e.getMessage(), e);
        }
    }

    /** A writer on {@code stream} that gives every char back as the byte it was read as (ISO-8859-1). */
    static PrintWriter byteWriter(OutputStream stream) {
        return new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.ISO_8859_1), true);
    }

    /** A command line that names the configuration wrongly; reported with the tool's usage line. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}
