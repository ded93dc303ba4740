package dev.junction.engine.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The reader alone, fed one byte per read so that every CRLF is split. */
class ControlInputTest {
    /** A stream that hands out one byte per read, as the worst network would. */
    private static InputStream trickle(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)) {
            @Override
            public synchronized int read(byte[] buffer, int offset, int length) {
                return super.read(buffer, offset, Math.min(length, 1));
            }
        };
    }

    @Test
    void splitCrlfCountsAsOneLineEnd() throws IOException {
        ControlInput input = new ControlInput(trickle("A\r\nB\r\n\r\nC"));
        assertEquals("A", input.readLine(100).text());
        assertEquals("B", input.readLine(100).text());
        assertEquals("", input.readLine(100).text());
        ControlInput.Line last = input.readLine(100);
        assertEquals("C", last.text());
        assertTrue(last.unterminated());
        assertNull(input.readLine(100));
    }

    @Test
    void dataAfterASplitCrlfStartsAfterTheLf() throws IOException {
        ControlInput input = new ControlInput(trickle("WRITEDATA x 3\r\nabcNEXT\n"));
        input.readLine(100);
        assertEquals("abc", input.readData(3, 100).text());
        assertEquals("NEXT", input.readLine(100).text());
    }

    @Test
    void untilKeepsEveryLineEndOfTheData() throws IOException {
        ControlInput input = new ControlInput(trickle("W x END\r\none\r\ntwo\rthree\nEND \r\nafter\n"));
        input.readLine(100);
        assertEquals("one\r\ntwo\rthree\n", input.readUntil("END", 100).text());
        assertEquals("after", input.readLine(100).text());
    }

    @Test
    void capsAreHonouredAndTheStreamStaysInStep() throws IOException {
        ControlInput input = new ControlInput(trickle("x".repeat(50) + "\n" + "y".repeat(30) + "zabc\n\nlast\n"));
        ControlInput.Line longLine = input.readLine(10);
        assertTrue(longLine.tooLong());
        assertEquals("x".repeat(10), longLine.text());
        ControlInput.Payload skipped = input.readData(31, 8);
        assertTrue(skipped.tooBig());
        assertEquals("", skipped.text());
        ControlInput.Payload until = input.readUntil("", 8);
        assertFalse(until.tooBig());
        assertEquals("abc\n", until.text());
        assertEquals("last", input.readLine(10).text());
    }

    @Test
    void endOfStreamInDataIsNull() throws IOException {
        assertNull(new ControlInput(trickle("ab")).readData(3, 10));
        assertNull(new ControlInput(trickle("ab\ncd")).readUntil("END", 10));
    }
}
