package dev.junction.engine.control;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A client of Click's ControlSocket protocol, for the shell and for tests: it reads and writes handlers of a
 * router served by a {@link ControlSocketServer} (or by Click itself). Not thread-safe; calls block until the
 * server answers, and {@link #close()} from another thread ends a blocked call.
 */
public final class ControlSocketClient implements AutoCloseable {
    /** The longest reply line and DATA block it accepts, so that a broken server cannot exhaust memory. */
    private static final int MAX_LINE_LENGTH = 64 * 1024;
    private static final int MAX_DATA_LENGTH = 64 * 1024 * 1024;

    /** A reply: its code and its lines without codes. */
    private record Reply(int code, List<String> lines) {
        boolean success() {
            return ReplyCode.isSuccess(code);
        }
    }

    private final SocketChannel channel;
    private final ControlInput input;
    private final OutputStream output;
    private final String protocolVersion;

    private ControlSocketClient(SocketChannel channel) throws IOException {
        this.channel = channel;
        this.input = new ControlInput(Channels.newInputStream(channel));
        this.output = new BufferedOutputStream(Channels.newOutputStream(channel));
        ControlInput.Line banner = input.readLine(MAX_LINE_LENGTH);
        if (banner == null || !banner.text().startsWith(ControlText.BANNER_PREFIX)) {
            throw new IOException("not a ControlSocket: the server greeted with "
                    + (banner == null ? "nothing" : "'" + ControlText.printable(banner.text()) + "'"));
        }
        this.protocolVersion = banner.text().substring(ControlText.BANNER_PREFIX.length());
    }

    /** Connects to a ControlSocket at {@code address}, TCP or UNIX-domain, and reads its banner. */
    public static ControlSocketClient connect(SocketAddress address) throws IOException {
        SocketChannel channel = SocketChannel.open(address);
        try {
            return new ControlSocketClient(channel);
        } catch (IOException | RuntimeException failure) {
            channel.close();
            throw failure;
        }
    }

    /** Connects to a ControlSocket on TCP port {@code port} of the loopback address. */
    public static ControlSocketClient connect(int port) throws IOException {
        return connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    }

    /** Connects to a ControlSocket on the UNIX-domain socket {@code file}. */
    public static ControlSocketClient connect(Path file) throws IOException {
        return connect(UnixDomainSocketAddress.of(file));
    }

    /** The protocol version the server announced, {@code 1.3} for Junction and current Click. */
    public String protocolVersion() {
        return protocolVersion;
    }

    /** Reads handler {@code handler} ({@code element.name} or a global name). */
    public String read(String handler) throws IOException, ControlSocketException {
        Reply reply = command("READ " + checkedName(handler), null);
        ControlInput.Line dataLine = input.readLine(MAX_LINE_LENGTH);
        String length = dataLine == null ? "" : dataLine.text();
        if (!length.matches("DATA [0-9]{1,10}")) {
            throw new IOException("expected 'DATA n' after " + reply.code() + ", got '"
                    + ControlText.printable(length) + "'");
        }
        ControlInput.Payload data = input.readData(Long.parseLong(length.substring(5)), MAX_DATA_LENGTH);
        if (data == null || data.tooBig()) {
            throw new IOException(data == null ? "the server closed the connection in DATA"
                    : "DATA larger than " + MAX_DATA_LENGTH + " bytes");
        }
        return data.text();
    }

    /** Writes {@code value} (any text, several lines included) to handler {@code handler}. */
    public void write(String handler, String value) throws IOException, ControlSocketException {
        byte[] bytes = ControlText.encode(value);
        command("WRITEDATA " + checkedName(handler) + " " + bytes.length, bytes);
    }

    /** Whether {@code handler} exists and can be read. */
    public boolean checkRead(String handler) throws IOException {
        return check("CHECKREAD ", handler);
    }

    /** Whether {@code handler} exists and can be written. */
    public boolean checkWrite(String handler) throws IOException {
        return check("CHECKWRITE ", handler);
    }

    /** Says QUIT, waits for the goodbye if the server is still there, and closes the connection. */
    @Override
    public void close() throws IOException {
        try (channel) {
            if (channel.isOpen()) {
                send("QUIT", null);
                readReply();
            }
        } catch (IOException alreadyGone) {
            // The server hung up first; closing the channel is all that is left to do.
        }
    }

    private boolean check(String command, String handler) throws IOException {
        send(command + checkedName(handler), null);
        return readReply().success();
    }

    /** Sends a command (and its data) and returns the reply, or throws the server's refusal. */
    private Reply command(String line, byte[] data) throws IOException, ControlSocketException {
        send(line, data);
        Reply reply = readReply();
        if (!reply.success()) {
            throw new ControlSocketException(reply.code(), reply.lines());
        }
        return reply;
    }

    private void send(String line, byte[] data) throws IOException {
        output.write(ControlText.encode(line + ControlText.LINE_END));
        if (data != null) {
            output.write(data);
        }
        output.flush();
    }

    /** Reads reply lines ({@code NNN-text} continued, {@code NNN text} last). */
    private Reply readReply() throws IOException {
        List<String> lines = new ArrayList<>();
        while (true) {
            ControlInput.Line line = input.readLine(MAX_LINE_LENGTH);
            if (line == null) {
                throw new IOException("the server closed the connection");
            }
            String text = line.text();
            if (!isReplyLine(text)) {
                throw new IOException("malformed reply line '" + ControlText.printable(text) + "'");
            }
            lines.add(text.substring(4));
            if (text.charAt(3) == ' ') {
                return new Reply(Integer.parseInt(text.substring(0, 3)), lines);
            }
        }
    }

    /** Whether {@code text} starts with a three-digit code and a space or hyphen. */
    private static boolean isReplyLine(String text) {
        return text.length() >= 4 && text.substring(0, 3).chars().allMatch(c -> c >= '0' && c <= '9')
                && (text.charAt(3) == ' ' || text.charAt(3) == '-');
    }

    /** A handler name must be one word, or the command line would mean something else. */
    private static String checkedName(String handler) {
        if (handler.isEmpty() || handler.chars().anyMatch(c -> ControlText.isSpace((char) c))) {
            throw new IllegalArgumentException("not a handler name: '" + handler + "'");
        }
        return handler;
    }
}
