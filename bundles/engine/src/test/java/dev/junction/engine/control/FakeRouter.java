package dev.junction.engine.control;

import dev.junction.element.HandlerException;
import dev.junction.router.ElementStatus;
import dev.junction.router.GraphEdit;
import dev.junction.router.HandlerDescription;
import dev.junction.router.RouterControl;
import dev.junction.router.RouterSource;
import dev.junction.router.SwapReport;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A router in memory for ControlSocket tests. Elements, in order: {@code src} (count r, reset w, rate rw that
 * wants an integer), {@code q/queue} (length r, capacity rw that takes any text), {@code broken} (fail rw,
 * both sides throw two lines), {@code secret} (token w only), {@code crashy} (boom r, throws an unchecked
 * exception). Global: version r, list r, config r, hotconfig w (refuses text containing "Bogus").
 */
final class FakeRouter implements RouterControl {
    /** What a handler does when read or written. */
    private interface Reader {
        String read() throws HandlerException;
    }

    private interface Writer {
        void write(String value) throws HandlerException;
    }

    private record Handler(Reader reader, Writer writer) {
    }

    private final Map<String, Map<String, Handler>> elements = new LinkedHashMap<>();
    private final Map<String, String> values = new ConcurrentHashMap<>();
    private final List<String> writes = Collections.synchronizedList(new ArrayList<>());

    FakeRouter() {
        values.put("src.count", "42");
        values.put("src.rate", "10");
        values.put("q/queue.capacity", "1000");
        values.put("config", "src :: RatedSource -> q/queue :: Queue -> Discard;\n");
        Map<String, Handler> global = new LinkedHashMap<>();
        global.put("version", new Handler(() -> "2.1.0-junction", null));
        global.put("list", new Handler(() -> String.join("\n", elementNames()) + "\n", null));
        global.put("config", stored("config"));
        global.put("hotconfig", new Handler(null, value -> {
            if (value.contains("Bogus")) {
                throw new HandlerException("config:1: unknown element class 'Bogus'\nconfig:2: undeclared element 'x'");
            }
            values.put("config", value);
        }));
        elements.put("", global);
        elements.put("src", Map.of(
                "count", new Handler(() -> values.get("src.count"), null),
                "reset", new Handler(null, value -> values.put("src.count", "0")),
                "echo", new Handler(() -> "[]", null),
                "rate", new Handler(() -> values.get("src.rate"), value -> {
                    if (!value.strip().matches("[0-9]+")) {
                        throw new HandlerException("rate: expected integer");
                    }
                    values.put("src.rate", value.strip());
                })));
        elements.put("q/queue", Map.of(
                "length", new Handler(() -> "0", null),
                "capacity", stored("q/queue.capacity")));
        elements.put("broken", Map.of("fail", new Handler(
                () -> { throw new HandlerException("cannot read\nsecond reason"); },
                value -> { throw new HandlerException("cannot write\nsecond reason"); })));
        elements.put("secret", Map.of("token", new Handler(null, value -> values.put("secret.token", value))));
        elements.put("crashy", Map.of("boom", new Handler(() -> { throw new IllegalStateException("bug"); }, null)));
    }

    private Handler stored(String key) {
        return new Handler(() -> values.get(key), value -> values.put(key, value));
    }

    /** Every value written so far, as {@code handler=value}, in order. */
    List<String> writes() {
        synchronized (writes) {
            return List.copyOf(writes);
        }
    }

    /** The value a stored handler holds now. */
    String value(String key) {
        return values.get(key);
    }

    @Override
    public String name() {
        return "fake";
    }

    @Override
    public boolean isRunning() {
        return true;
    }

    @Override
    public List<String> elementNames() {
        return elements.keySet().stream().filter(name -> !name.isEmpty()).toList();
    }

    @Override
    public String read(String handler) throws HandlerException {
        Reader reader = find(handler).reader();
        if (reader == null) {
            throw new HandlerException("'" + handler + "' is not readable");
        }
        return reader.read();
    }

    /** {@code src.echo} takes a parameter and returns it in brackets; the other handlers take none. */
    @Override
    public String read(String handler, String parameter) throws HandlerException {
        if (handler.equals("src.echo")) {
            return "[" + parameter + "]";
        }
        return RouterControl.super.read(handler, parameter);
    }

    @Override
    public void write(String handler, String value) throws HandlerException {
        Writer writer = find(handler).writer();
        if (writer == null) {
            throw new HandlerException("'" + handler + "' is not writable");
        }
        writer.write(value);
        writes.add(handler + "=" + value);
    }

    @Override
    public List<HandlerDescription> handlers(String element) throws HandlerException {
        Map<String, Handler> handlers = elements.get(element);
        if (handlers == null) {
            throw new HandlerException("no element named '" + element + "'");
        }
        return handlers.entrySet().stream().map(entry -> new HandlerDescription(entry.getKey(),
                entry.getValue().reader() != null, entry.getValue().writer() != null)).toList();
    }

    private Handler find(String handler) throws HandlerException {
        int dot = handler.indexOf('.');
        Map<String, Handler> handlers = elements.get(dot < 0 ? "" : handler.substring(0, dot));
        Handler found = handlers == null ? null : handlers.get(handler.substring(dot + 1));
        if (found == null) {
            throw new HandlerException("no handler named '" + handler + "'");
        }
        return found;
    }

    @Override
    public String configuration() {
        return values.get("config");
    }

    @Override
    public String flatConfiguration() {
        return values.get("config");
    }

    @Override
    public SwapReport hotswap(RouterSource source) {
        throw new UnsupportedOperationException("not used by the ControlSocket");
    }

    @Override
    public SwapReport edit(List<GraphEdit> edits) {
        throw new UnsupportedOperationException("not used by the ControlSocket");
    }

    @Override
    public List<ElementStatus> status() {
        return List.of();
    }

    @Override
    public void stop() {
    }
}
