package dev.junction.standard.trace;

import dev.junction.element.ConfigurationException;
import dev.junction.element.ElementContext;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.FileNotFoundException;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Opening the trace files of the dump elements, with Click's error wording ({@code "FILE: reason"}). */
public final class TraceFiles {
    /** Write buffer of the dump writers: packets are gathered before they reach the file. */
    public static final int BUFFER = 1 << 16;

    private TraceFiles() {
    }

    /** Opens {@code name} for reading; a missing or unreadable file is a configuration error naming it. */
    public static InputStream openInput(String name) throws ConfigurationException {
        try {
            Path path = Path.of(name);
            if (Files.isDirectory(path)) {
                throw new ConfigurationException(name + ": Is a directory");
            }
            return Files.newInputStream(path);
        } catch (NoSuchFileException e) {
            throw new ConfigurationException(name + ": No such file or directory");
        } catch (AccessDeniedException e) {
            throw new ConfigurationException(name + ": Permission denied");
        } catch (IOException | RuntimeException e) {
            throw new ConfigurationException(name + ": " + e.getMessage());
        }
    }

    /**
     * Opens {@code name} for writing, buffered; {@code "-"} is the standard output (not closed by
     * {@link #close}). A file that cannot be created is a configuration error naming it.
     */
    public static OutputStream openOutput(String name, boolean buffered) throws ConfigurationException {
        if (name.equals("-")) {
            return buffered ? new BufferedOutputStream(new StandardOutput(), BUFFER) : new StandardOutput();
        }
        try {
            OutputStream out = new FileOutputStream(name);
            return buffered ? new BufferedOutputStream(out, BUFFER) : out;
        } catch (FileNotFoundException e) {
            String message = e.getMessage();
            int reason = message == null ? -1 : message.lastIndexOf(" (");
            throw new ConfigurationException(name + ": "
                    + (reason >= 0 ? message.substring(reason + 2, message.length() - 1) : "cannot open"));
        }
    }

    /** Closes a trace reader's input; a failure does not matter, as nothing more will be read. */
    public static void closeQuietly(Closeable in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // nothing more will be read
        }
    }

    /** Writes a dump writer's buffered output to its file; a failure is a warning naming the file. */
    public static void flush(OutputStream out, String name, ElementContext context) {
        try {
            out.flush();
        } catch (IOException e) {
            context.warning(name + ": " + e.getMessage());
        }
    }

    /** Flushes and closes a dump writer's output ({@code "-"}, the standard output, stays open). */
    public static void close(OutputStream out, String name, ElementContext context) {
        flush(out, name, context);
        try {
            if (!name.equals("-")) {
                out.close();
            }
        } catch (IOException e) {
            context.warning(name + ": " + e.getMessage());
        }
    }

    /** The standard output of the moment (System.out may be replaced, as the launcher and tests do). */
    private static final class StandardOutput extends OutputStream {
        @Override
        public void write(int b) {
            System.out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            System.out.write(b, off, len);
        }

        @Override
        public void flush() {
            System.out.flush();
        }

        @Override
        public void close() {
            System.out.flush();
        }
    }
}
