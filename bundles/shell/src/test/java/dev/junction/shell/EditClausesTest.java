package dev.junction.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.junction.router.GraphEdit;
import java.util.List;
import org.junit.jupiter.api.Test;

class EditClausesTest {
    @Test
    void readsEveryKindOfClauseInOrder() throws ShellException {
        List<GraphEdit> edits = EditClauses.parse(List.of("add t Tally", "disconnect c d", "connect c[0] [0]t",
                "connect t 0 d 1", "reconfigure q Queue 200", "remove old", "add p Paint 3"));
        assertEquals(List.of(
                new GraphEdit.AddElement("t", "Tally", ""),
                new GraphEdit.Disconnect("c", 0, "d", 0),
                new GraphEdit.Connect("c", 0, "t", 0),
                new GraphEdit.Connect("t", 0, "d", 1),
                new GraphEdit.Reconfigure("q", "Queue 200"),
                new GraphEdit.RemoveElement("old"),
                new GraphEdit.AddElement("p", "Paint", "3")), edits);
    }

    @Test
    void malformedAndUnknownClausesAreNamed() {
        ShellException unknown = assertThrows(ShellException.class, () -> EditClauses.parse(List.of("rename a b")));
        assertTrue(unknown.getMessage().startsWith("edit: unknown edit 'rename' in \"rename a b\""), unknown.getMessage());
        ShellException malformed = assertThrows(ShellException.class, () -> EditClauses.parse(List.of("add t")));
        assertTrue(malformed.getMessage().startsWith("edit: malformed clause \"add t\""), malformed.getMessage());
        assertThrows(ShellException.class, () -> EditClauses.parse(List.of()));
        assertThrows(ShellException.class, () -> EditClauses.parse(List.of("remove")));
    }
}
