package dev.junction.engine.runtime;

import dev.junction.element.Element;
import dev.junction.engine.check.CheckedRouter;
import dev.junction.engine.check.Processing;
import dev.junction.engine.check.ProcessingCode;
import dev.junction.engine.graph.FlatConnection;
import dev.junction.engine.graph.FlatRouter;

/**
 * Click's default handlers of every element ({@code name}, {@code class}, {@code config}, {@code ports},
 * {@code handlers}), followed by the element's own. Writing {@code config} reconfigures the element through a
 * hot swap, so the new configuration is checked like any other and the element keeps its state.
 */
final class ElementHandlers {
    private ElementHandlers() {
    }

    /** The handler table of element {@code index} of {@code graph}, on {@code router}. */
    static HandlerTable build(Router router, Graph graph, int index) {
        Element element = graph.element(index);
        RouterElementContext context = graph.context(index);
        HandlerTable table = new HandlerTable();
        table.addRead("name", context::name, ".", false);
        table.addRead("class", context::className, ".", false);
        table.addRead("config", context::configuration, ".", false);
        table.addWrite("config", value -> router.swapFromHandler("config",
                () -> router.reconfigure(context.name(), value)), "", false);
        table.addRead("ports", () -> ports(graph, index), ".", false);
        table.addRead("handlers", table::listing, ".", false);
        element.addHandlers(table.registry());
        return table;
    }

    /** Click's {@code ports} handler: each port's processing ({@code ~} if agnostic), count, and connections. */
    static String ports(Graph graph, int index) {
        CheckedRouter checked = graph.checked();
        FlatRouter flat = checked.router();
        Element element = graph.element(index);
        ProcessingCode declared = declaredProcessing(element);
        StringBuilder text = new StringBuilder();
        int inputs = checked.inputCount(index);
        text.append(inputs).append(inputs == 1 ? " input\n" : " inputs\n");
        for (int port = 0; port < inputs; port++) {
            boolean pull = checked.input(index, port) == Processing.PULL;
            text.append(pull ? "pull" : "push");
            text.append(declared != null && declared.input(port) == Processing.AGNOSTIC ? "~\t" : "\t");
            text.append(pull ? Long.toString(element.input(port).packetCount()) : "-").append('\t');
            String separator = "";
            for (FlatConnection c : checked.connections()) {
                if (c.to() == index && c.toPort() == port) {
                    text.append(separator).append(flat.elements().get(c.from()).name())
                            .append(" [").append(c.fromPort()).append(']');
                    separator = ", ";
                }
            }
            text.append('\n');
        }
        int outputs = checked.outputCount(index);
        text.append(outputs).append(outputs == 1 ? " output\n" : " outputs\n");
        for (int port = 0; port < outputs; port++) {
            boolean push = checked.output(index, port) == Processing.PUSH;
            text.append(push ? "push" : "pull");
            text.append(declared != null && declared.output(port) == Processing.AGNOSTIC ? "~\t" : "\t");
            text.append(push ? Long.toString(element.output(port).packetCount()) : "-").append('\t');
            String separator = "";
            for (FlatConnection c : checked.connections()) {
                if (c.from() == index && c.fromPort() == port) {
                    text.append(separator).append('[').append(c.toPort()).append("] ")
                            .append(flat.elements().get(c.to()).name());
                    separator = ", ";
                }
            }
            text.append('\n');
        }
        return text.toString();
    }

    private static ProcessingCode declaredProcessing(Element element) {
        try {
            return ProcessingCode.parse(element.processing());
        } catch (RuntimeException e) {
            return null;
        }
    }
}
