package dev.junction.shell;

/**
 * Writes a router graph in Graphviz's DOT language: one box per element labelled {@code name :: Class}, one
 * edge per connection labelled with its output port at the tail and its input port at the head, so that
 * {@code dot -Tsvg} draws it as Click's diagrams do (left to right).
 */
final class DotWriter {
    private DotWriter() {
    }

    /** The DOT text of {@code graph}, a digraph called {@code routerName}. */
    static String write(String routerName, RouterGraph graph) {
        StringBuilder dot = new StringBuilder();
        dot.append("digraph ").append(quote(routerName)).append(" {\n");
        dot.append("  rankdir=LR;\n");
        dot.append("  node [shape=box];\n");
        for (RouterGraph.Element element : graph.elements()) {
            dot.append("  ").append(quote(element.name()))
                    .append(" [label=").append(quote(element.name() + " :: " + element.className())).append("];\n");
        }
        for (Connection connection : graph.connections()) {
            dot.append("  ").append(quote(connection.from())).append(" -> ").append(quote(connection.to()))
                    .append(" [taillabel=\"").append(connection.fromPort())
                    .append("\", headlabel=\"").append(connection.toPort()).append("\"];\n");
        }
        return dot.append("}\n").toString();
    }

    /** A DOT string literal: element names may hold characters DOT IDs may not ({@code /}, {@code @}). */
    private static String quote(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
