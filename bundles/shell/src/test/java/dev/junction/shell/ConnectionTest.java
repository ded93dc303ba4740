package dev.junction.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConnectionTest {
    private static Connection parse(String... words) throws ShellException {
        return Connection.parse(List.of(words));
    }

    @Test
    void clickPortsAsGogoSplitsThem() throws ShellException {
        // Gogo turns "a[1] [2]b" into the words a, [1], [2], b
        assertEquals(new Connection("a", 1, "b", 2), parse("a", "[1]", "[2]", "b"));
        assertEquals(new Connection("a", 1, "b", 0), parse("a", "[1]", "b"));
    }

    @Test
    void clickPortsInOneQuotedWord() throws ShellException {
        assertEquals(new Connection("a", 1, "b", 2), parse("a[1]", "[2]b"));
        assertEquals(new Connection("cl/x", 3, "Counter@2", 0), parse("cl/x[3] Counter@2"));
    }

    @Test
    void barePortsAfterEachName() throws ShellException {
        assertEquals(new Connection("a", 1, "b", 2), parse("a", "1", "b", "2"));
        assertEquals(new Connection("a", 0, "b", 3), parse("a", "b", "3"));
    }

    @Test
    void portsDefaultToZero() throws ShellException {
        assertEquals(new Connection("a", 0, "b", 0), parse("a", "b"));
    }

    @Test
    void wrongShapesAreOneClearError() {
        String expected = "cannot read a connection from 'a [1] [2] b [3]': write FROM[OUT] [IN]TO, or FROM OUT TO IN";
        assertEquals(expected, assertThrows(ShellException.class, () -> parse("a", "[1]", "[2]", "b", "[3]"))
                .getMessage());
        assertThrows(ShellException.class, () -> parse("a"));
        assertThrows(ShellException.class, () -> parse("a", "b", "c"));
        assertThrows(ShellException.class, () -> parse("[1]", "a", "b"));
        assertThrows(ShellException.class, () -> parse("a", "[x]", "b"));
    }

    @Test
    void printsAsClick() {
        assertEquals("a [1] -> [0] b", new Connection("a", 1, "b", 0).toString());
    }
}
