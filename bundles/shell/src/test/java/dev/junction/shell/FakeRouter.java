package dev.junction.shell;

import dev.junction.element.HandlerException;
import dev.junction.router.ElementStatus;
import dev.junction.router.GraphEdit;
import dev.junction.router.HandlerDescription;
import dev.junction.router.RouterControl;
import dev.junction.router.RouterException;
import dev.junction.router.RouterSource;
import dev.junction.router.SwapReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A router for the shell's tests: elements with handlers whose values live in a map, a fixed flat
 * configuration and status, and a log of the edits and swaps it was asked for.
 */
final class FakeRouter implements RouterControl {
    static final SwapReport REPORT = new SwapReport(12_345, 3, 1, 0);

    private final String name;
    private final Map<String, String> classes = new LinkedHashMap<>();
    private final Map<String, List<HandlerDescription>> handlers = new LinkedHashMap<>();
    private final Map<String, String> values = new LinkedHashMap<>();
    final List<String> calls = new ArrayList<>();
    List<ElementStatus> status = List.of();
    String flatConfiguration = "";
    RouterException nextSwapFailure;
    boolean running = true;

    FakeRouter(String name) {
        this.name = name;
        handlers.put("", List.of(new HandlerDescription("version", true, false),
                new HandlerDescription("stop", false, true)));
        values.put("version", "0.1.0\n");
    }

    /** Adds an element with handlers {@code handler=value} (a null value makes it write-only). */
    FakeRouter element(String element, String className, String... handlerValues) {
        classes.put(element, className);
        List<HandlerDescription> list = new ArrayList<>();
        for (int i = 0; i < handlerValues.length; i += 2) {
            String value = handlerValues[i + 1];
            list.add(new HandlerDescription(handlerValues[i], value != null, true));
            if (value != null) {
                values.put(element + "." + handlerValues[i], value);
            }
        }
        handlers.put(element, list);
        return this;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public List<String> elementNames() {
        return List.copyOf(classes.keySet());
    }

    @Override
    public String read(String handler) throws HandlerException {
        String value = values.get(handler);
        if (value == null) {
            throw new HandlerException("no readable handler '" + handler + "'");
        }
        return value;
    }

    /** A handler named {@code *.lookup} takes a parameter and echoes it; the others take none. */
    @Override
    public String read(String handler, String parameter) throws HandlerException {
        if (handler.endsWith(".lookup") && values.containsKey(handler)) {
            return "found " + parameter;
        }
        return RouterControl.super.read(handler, parameter);
    }

    @Override
    public void write(String handler, String value) throws HandlerException {
        if (handler.startsWith("bad")) {
            throw new HandlerException("value '" + value + "' refused");
        }
        calls.add("write " + handler + " '" + value + "'");
    }

    @Override
    public List<HandlerDescription> handlers(String element) throws HandlerException {
        List<HandlerDescription> list = handlers.get(element);
        if (list == null) {
            throw new HandlerException("no element '" + element + "'");
        }
        return list;
    }

    @Override
    public String configuration() {
        return flatConfiguration;
    }

    @Override
    public String flatConfiguration() {
        return flatConfiguration;
    }

    @Override
    public SwapReport hotswap(RouterSource source) throws RouterException {
        return swap("hotswap " + source.fileName() + " " + source.text().strip());
    }

    @Override
    public SwapReport edit(List<GraphEdit> edits) throws RouterException {
        return swap("edit " + edits);
    }

    @Override
    public SwapReport addElement(String element, String className, String configuration) throws RouterException {
        return swap("add " + element + " " + className + " '" + configuration + "'");
    }

    @Override
    public SwapReport removeElement(String element) throws RouterException {
        return swap("remove " + element);
    }

    @Override
    public SwapReport connect(String from, int fromPort, String to, int toPort) throws RouterException {
        return swap("connect " + from + " " + fromPort + " " + to + " " + toPort);
    }

    @Override
    public SwapReport disconnect(String from, int fromPort, String to, int toPort) throws RouterException {
        return swap("disconnect " + from + " " + fromPort + " " + to + " " + toPort);
    }

    @Override
    public SwapReport reconfigure(String element, String configuration) throws RouterException {
        return swap("reconfigure " + element + " '" + configuration + "'");
    }

    private SwapReport swap(String call) throws RouterException {
        if (nextSwapFailure != null) {
            throw nextSwapFailure;
        }
        calls.add(call);
        return REPORT;
    }

    @Override
    public List<ElementStatus> status() {
        return status;
    }

    @Override
    public void stop() {
        running = false;
    }
}
