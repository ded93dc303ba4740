package dev.junction.engine.control;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The reading side of a ControlSocket connection, shared by server and client: lines ended by CR, LF or CRLF,
 * counted data, and data up to a terminator line, each with a cap so that no peer can make it hold more than
 * a bounded number of bytes. Bytes become chars one to one (see {@link ControlText}).
 *
 * <p>A line ended by a CR that arrives alone in a read may be followed by the LF of a CRLF in the next read.
 * That LF is dropped when it arrives instead of waiting for it, because a peer waiting for our reply to a
 * CR-ended line would never send it.
 */
final class ControlInput {
    /** A line without its ending; {@code tooLong} if bytes beyond the cap were discarded. */
    record Line(String text, boolean tooLong, String ending) {
        /** Whether the stream ended before the line did. */
        boolean unterminated() {
            return ending.isEmpty();
        }
    }

    /** Data read for a command; {@code tooBig} if it exceeded the cap and was discarded (text is then empty). */
    record Payload(String text, boolean tooBig) {
    }

    private final InputStream in;
    private final byte[] buffer = new byte[8192];
    private int position;
    private int limit;
    private boolean lineFeedMayFollow;

    /** Reads from {@code in}, which it buffers itself. */
    ControlInput(InputStream in) {
        this.in = in;
    }

    /**
     * The next line, keeping at most {@code maxLength} chars of it, or {@code null} if the stream has ended.
     * The last line of a stream may have no ending.
     */
    Line readLine(int maxLength) throws IOException {
        int b = next();
        if (b < 0) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        boolean tooLong = false;
        while (b >= 0 && b != '\r' && b != '\n') {
            if (text.length() < maxLength) {
                text.append((char) b);
            } else {
                tooLong = true;
            }
            b = next();
        }
        String ending = switch (b) {
            case '\n' -> "\n";
            case '\r' -> finishCarriageReturn();
            default -> "";
        };
        return new Line(text.toString(), tooLong, ending);
    }

    /**
     * Exactly {@code length} bytes, or {@code null} if the stream ends first. More than {@code maxLength}
     * bytes are read and discarded, so the stream stays in step with the peer.
     */
    Payload readData(long length, int maxLength) throws IOException {
        consumePendingLineFeed();
        boolean keep = length <= maxLength;
        StringBuilder data = new StringBuilder(keep ? (int) Math.min(length, buffer.length) : 0);
        long remaining = length;
        while (remaining > 0) {
            if (position == limit && !fill()) {
                return null;
            }
            int chunk = (int) Math.min(remaining, limit - position);
            if (keep) {
                data.append(new String(buffer, position, chunk, StandardCharsets.ISO_8859_1));
            }
            position += chunk;
            remaining -= chunk;
        }
        return new Payload(data.toString(), !keep);
    }

    /**
     * The lines before the first line equal to {@code terminator} (trailing white space ignored on both sides),
     * with their endings, as Click's READUNTIL takes them; {@code null} if the stream ends first. Data beyond
     * {@code maxLength} is discarded, and a line too long to keep never counts as the terminator.
     */
    Payload readUntil(String terminator, int maxLength) throws IOException {
        String wanted = ControlText.stripTrailingSpace(terminator);
        consumePendingLineFeed(); // a LF still to come belongs to the command line, not to the data
        StringBuilder data = new StringBuilder();
        boolean tooBig = false;
        while (true) {
            Line line = readLine(maxLength);
            if (line == null || line.unterminated()) {
                return null;
            }
            if (!line.tooLong() && ControlText.stripTrailingSpace(line.text()).equals(wanted)) {
                return new Payload(data.toString(), tooBig);
            }
            data.append(line.text()).append(line.ending());
            if (consumePendingLineFeed()) {
                data.append('\n');
            }
            if (line.tooLong() || data.length() > maxLength) {
                tooBig = true;
                data.setLength(0);
            }
        }
    }

    private String finishCarriageReturn() {
        if (position == limit) {
            lineFeedMayFollow = true;
            return "\r";
        }
        if (buffer[position] == '\n') {
            position++;
            return "\r\n";
        }
        return "\r";
    }

    /** Drops the LF that completes a CRLF split across reads; returns whether there was one. */
    private boolean consumePendingLineFeed() throws IOException {
        if (!lineFeedMayFollow) {
            return false;
        }
        lineFeedMayFollow = false;
        if (position == limit && !fill()) {
            return false;
        }
        if (buffer[position] == '\n') {
            position++;
            return true;
        }
        return false;
    }

    private int next() throws IOException {
        consumePendingLineFeed();
        if (position == limit && !fill()) {
            return -1;
        }
        return buffer[position++] & 0xFF;
    }

    /** Refills the empty buffer; false at the end of the stream. */
    private boolean fill() throws IOException {
        int count;
        do {
            count = in.read(buffer, 0, buffer.length);
        } while (count == 0);
        if (count < 0) {
            return false;
        }
        position = 0;
        limit = count;
        return true;
    }
}
