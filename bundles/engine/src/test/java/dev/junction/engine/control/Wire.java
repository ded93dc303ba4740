package dev.junction.engine.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A raw connection to a ControlSocket for protocol tests: sends bytes as given and reads what the server sends
 * byte by byte, checking that every line ends in CRLF. The tests bound its blocking reads with timeouts.
 */
final class Wire implements AutoCloseable {
    private final SocketChannel channel;
    private final InputStream in;
    private final OutputStream out;

    Wire(SocketAddress address) throws IOException {
        channel = SocketChannel.open(address);
        in = Channels.newInputStream(channel);
        out = Channels.newOutputStream(channel);
    }

    /** Sends {@code text} as ISO-8859-1 bytes, exactly (no line ending added). */
    Wire send(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        return this;
    }

    /** The next line the server sends, without its CRLF; {@code null} at the end of the stream. */
    String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            line.write(b);
        }
        if (b < 0 && line.size() == 0) {
            return null;
        }
        String text = line.toString(StandardCharsets.ISO_8859_1);
        assertEquals('\r', text.isEmpty() ? 0 : text.charAt(text.length() - 1), "line ends in CRLF: " + text);
        return text.substring(0, text.length() - 1);
    }

    /** The lines of the next reply, with their codes, up to the one with a space after the code. */
    List<String> reply() throws IOException {
        List<String> lines = new ArrayList<>();
        String line;
        do {
            line = line();
            if (line == null) {
                throw new IOException("connection closed in a reply after " + lines);
            }
            lines.add(line);
        } while (line.length() > 3 && line.charAt(3) == '-');
        return lines;
    }

    /** The next reply, which must be a single line. */
    String oneLine() throws IOException {
        List<String> lines = reply();
        assertEquals(1, lines.size(), "a one-line reply: " + lines);
        return lines.getFirst();
    }

    /** Reads a {@code DATA n} line and the n bytes after it. */
    String data() throws IOException {
        String header = line();
        if (header == null || !header.startsWith("DATA ")) {
            throw new IOException("expected DATA, got " + header);
        }
        byte[] bytes = in.readNBytes(Integer.parseInt(header.substring(5)));
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /** Reads the banner and checks it. */
    Wire greeted() throws IOException {
        assertEquals("Click::ControlSocket/1.3", line());
        return this;
    }

    /** Whether the server has closed the connection (nothing more to read). */
    boolean atEnd() throws IOException {
        return in.read() < 0;
    }

    /** Half-closes: the server sees the end of its input but can still answer. */
    void shutdownOutput() throws IOException {
        channel.shutdownOutput();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
