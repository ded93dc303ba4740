package dev.junction.shell;

import dev.junction.router.GraphEdit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The clauses of the {@code edit} command, one quoted argument each, read into graph edits that are swapped in
 * together: {@code "add NAME CLASS [CONFIG...]"}, {@code "remove NAME"}, {@code "connect FROM[OUT] [IN]TO"},
 * {@code "disconnect FROM[OUT] [IN]TO"}, {@code "reconfigure NAME [CONFIG...]"}.
 */
final class EditClauses {
    static final String SYNTAX = "\"add NAME CLASS [CONFIG...]\" \"remove NAME\" \"connect " + Connection.SYNTAX
            + "\" \"disconnect ...\" \"reconfigure NAME [CONFIG...]\"";

    private EditClauses() {
    }

    /** Reads every clause; the first malformed one is reported with the clause itself. */
    static List<GraphEdit> parse(List<String> clauses) throws ShellException {
        if (clauses.isEmpty()) {
            throw new ShellException("edit: no edits given; clauses: " + SYNTAX);
        }
        List<GraphEdit> edits = new ArrayList<>();
        for (String clause : clauses) {
            edits.add(parse(clause));
        }
        return edits;
    }

    private static GraphEdit parse(String clause) throws ShellException {
        List<String> words = Arrays.stream(clause.trim().split("\\s+")).filter(w -> !w.isEmpty()).toList();
        if (words.isEmpty()) {
            throw new ShellException("edit: empty clause");
        }
        List<String> rest = words.subList(1, words.size());
        return switch (words.getFirst()) {
            case "add" -> {
                require(clause, rest.size() >= 2);
                yield new GraphEdit.AddElement(rest.get(0), rest.get(1), String.join(" ", rest.subList(2, rest.size())));
            }
            case "remove" -> {
                require(clause, rest.size() == 1);
                yield new GraphEdit.RemoveElement(rest.getFirst());
            }
            case "connect" -> {
                Connection c = Connection.parse(rest);
                yield new GraphEdit.Connect(c.from(), c.fromPort(), c.to(), c.toPort());
            }
            case "disconnect" -> {
                Connection c = Connection.parse(rest);
                yield new GraphEdit.Disconnect(c.from(), c.fromPort(), c.to(), c.toPort());
            }
            case "reconfigure" -> {
                require(clause, !rest.isEmpty());
                yield new GraphEdit.Reconfigure(rest.getFirst(), String.join(" ", rest.subList(1, rest.size())));
            }
            default -> throw new ShellException("edit: unknown edit '" + words.getFirst() + "' in \"" + clause
                    + "\"; clauses: " + SYNTAX);
        };
    }

    private static void require(String clause, boolean wellFormed) throws ShellException {
        if (!wellFormed) {
            throw new ShellException("edit: malformed clause \"" + clause + "\"; clauses: " + SYNTAX);
        }
    }
}
