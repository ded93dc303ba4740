package dev.junction.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TextTableTest {
    @Test
    void columnsAsWideAsTheirWidestCellNumbersRightAligned() {
        String table = TextTable.withColumns("NAME", "COUNT", "NOTE").alignRight(1)
                .add("src", 12345, "")
                .add("counter/long", 7, "orphaned")
                .render();
        assertEquals("""
                NAME          COUNT  NOTE
                src           12345
                counter/long      7  orphaned
                """, table);
    }

    @Test
    void aHeaderOnlyTableIsItsHeader() {
        assertEquals("A  B\n", TextTable.withColumns("A", "B").render());
    }

    @Test
    void rowsMustFitTheColumns() {
        assertThrows(IllegalArgumentException.class, () -> TextTable.withColumns("A", "B").add("x"));
    }
}
