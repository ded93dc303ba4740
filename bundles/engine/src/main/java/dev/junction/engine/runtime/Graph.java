package dev.junction.engine.runtime;

import dev.junction.element.Element;
import dev.junction.engine.check.CheckedRouter;
import dev.junction.engine.check.FlowCode;
import dev.junction.engine.graph.FlatConnection;
import dev.junction.engine.graph.FlatRouter;
import dev.junction.router.RouterSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One built router graph: the checked configuration, its element instances and their contexts, the tasks and
 * timers they made, and their handlers. A graph is NEW while it is built (its tasks and timers only remember
 * what they were asked), LIVE while it runs, DEAD once stopped or swapped out.
 */
final class Graph {
    enum State { NEW, LIVE, DEAD }

    private static final System.Logger LOG = System.getLogger(Graph.class.getName());

    private final RouterSource source;
    private final CheckedRouter checked;
    private final Element[] elements;
    private final RouterElementContext[] contexts;
    private final FlowCode[] flowCodes;
    private final Map<String, Integer> indexByName = new HashMap<>();
    private final List<RouterTask> tasks = Collections.synchronizedList(new ArrayList<>());
    private final List<RouterTimer> timers = Collections.synchronizedList(new ArrayList<>());
    private Map<String, List<Integer>> elementsByJavaClass;
    private HandlerTable[] handlers = new HandlerTable[0];
    private volatile State state = State.NEW;
    private final Map<String, String> names = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile Runnable stopDriver;

    Graph(RouterSource source, CheckedRouter checked) {
        this.source = source;
        this.checked = checked;
        int count = checked.router().elements().size();
        this.elements = new Element[count];
        this.contexts = new RouterElementContext[count];
        this.flowCodes = new FlowCode[count];
        for (int i = 0; i < count; i++) {
            indexByName.put(checked.router().elements().get(i).name(), i);
        }
    }

    RouterSource source() {
        return source;
    }

    CheckedRouter checked() {
        return checked;
    }

    FlatRouter flat() {
        return checked.router();
    }

    int size() {
        return elements.length;
    }

    Element element(int index) {
        return elements[index];
    }

    RouterElementContext context(int index) {
        return contexts[index];
    }

    FlowCode flowCode(int index) {
        return flowCodes[index];
    }

    /** The handlers of element {@code index}. */
    HandlerTable handlers(int index) {
        return handlers[index];
    }

    void setHandlers(HandlerTable[] tables) {
        handlers = tables;
    }

    /** Records element {@code index} and its context, as the builder creates them. */
    void setElement(int index, Element element, RouterElementContext context) {
        elements[index] = element;
        contexts[index] = context;
        FlowCode flow;
        try {
            flow = FlowCode.parse(element.flowCode());
        } catch (RuntimeException e) {
            flow = FlowCode.COMPLETE; // the checks reported it already
        }
        flowCodes[index] = flow;
    }

    boolean isLive() {
        return state == State.LIVE;
    }

    /** Index of the element called {@code name}, or -1. */
    int indexOf(String name) {
        Integer index = indexByName.get(name);
        return index == null ? -1 : index;
    }

    /**
     * Index of element {@code name} as seen from element {@code context}, as Click's {@code Router::find}: first in
     * {@code context}'s compound, then in each enclosing compound, then at the top; -1 if none.
     */
    int find(String name, String context) {
        String prefix = context;
        int slash = prefix.lastIndexOf('/');
        prefix = slash >= 0 ? prefix.substring(0, slash + 1) : "";
        while (true) {
            int found = indexOf(prefix + name);
            if (found >= 0 || prefix.isEmpty()) {
                return found;
            }
            slash = prefix.lastIndexOf('/', prefix.length() - 2);
            prefix = slash >= 0 ? prefix.substring(0, slash + 1) : "";
        }
    }

    /**
     * Defines {@code name} of {@code type} for element {@code definer}'s compound (Click's {@code NameInfo}):
     * visible to the elements of that compound and of the compounds inside it.
     */
    void defineName(String definer, String type, String name, String value) {
        names.put(type + '\0' + compoundPrefix(definer) + name, value);
    }

    /** The value of {@code name} of {@code type} seen from element {@code context}: its compound, then outward. */
    String lookupName(String type, String name, String context) {
        String prefix = compoundPrefix(context);
        while (true) {
            String value = names.get(type + '\0' + prefix + name);
            if (value != null || prefix.isEmpty()) {
                return value;
            }
            int slash = prefix.lastIndexOf('/', prefix.length() - 2);
            prefix = slash >= 0 ? prefix.substring(0, slash + 1) : "";
        }
    }

    /** The value defined for the absolute name {@code name} of {@code type}, or {@code null}. */
    String definedName(String type, String name) {
        return names.get(type + '\0' + name);
    }

    /** {@code "a/b/"} for element {@code "a/b/c"}, {@code ""} for a top-level element. */
    static String compoundPrefix(String elementName) {
        int slash = elementName.lastIndexOf('/');
        return slash >= 0 ? elementName.substring(0, slash + 1) : "";
    }

    /** Installs the driver that takes the graph's stop requests; false if one is installed already. */
    synchronized boolean setStopDriver(Runnable driver) {
        if (stopDriver != null) {
            return false;
        }
        stopDriver = driver;
        return true;
    }

    /** The driver that takes stop requests (Click's DriverManager), or {@code null}. */
    Runnable stopDriver() {
        return stopDriver;
    }

    /** Elements connected to element {@code index} in either direction. */
    Set<Integer> neighbours(int index) {
        Set<Integer> result = new LinkedHashSet<>();
        for (FlatConnection c : checked.connections()) {
            if (c.from() == index) {
                result.add(c.to());
            } else if (c.to() == index) {
                result.add(c.from());
            }
        }
        return result;
    }

    /** Element indexes by the Java class name of the element instances. */
    synchronized Map<String, List<Integer>> elementsByJavaClass() {
        if (elementsByJavaClass == null) {
            Map<String, List<Integer>> map = new HashMap<>();
            for (int i = 0; i < elements.length; i++) {
                if (elements[i] != null) {
                    map.computeIfAbsent(elements[i].getClass().getName(), k -> new ArrayList<>()).add(i);
                }
            }
            elementsByJavaClass = map;
        }
        return elementsByJavaClass;
    }

    void addTask(RouterTask task) {
        tasks.add(task);
    }

    void addTimer(RouterTimer timer) {
        timers.add(timer);
    }

    /** The tasks the elements created. */
    List<RouterTask> tasks() {
        synchronized (tasks) {
            return List.copyOf(tasks);
        }
    }

    /**
     * Makes the graph live: tasks and timers scheduled while it was built go to their threads. Called while
     * the router is paused (or before its threads start).
     */
    void activate() {
        state = State.LIVE;
        for (RouterTask task : tasks()) {
            if (task.isScheduled()) {
                task.deliver();
            }
        }
        List<RouterTimer> pending;
        synchronized (timers) {
            pending = List.copyOf(timers);
        }
        for (RouterTimer timer : pending) {
            if (timer.isScheduled()) {
                timer.deliver();
            }
        }
    }

    /**
     * Makes the graph dead and takes its tasks off the run lists and its timers off the wheels. Called while
     * the router's threads are paused or stopped, so their lists may be touched from here.
     */
    void kill() {
        state = State.DEAD;
        for (RouterTask task : tasks()) {
            if (task.heapIndex >= 0) {
                task.thread.runList().remove(task);
            }
        }
        synchronized (timers) {
            for (RouterTimer timer : timers) {
                timer.thread.timers().cancel(timer);
            }
        }
    }

    /** Cleans up every element made so far, last first, and gives them back to {@code factory}. */
    void cleanupAndRelease(ElementFactory factory) {
        state = State.DEAD;
        for (int i = elements.length - 1; i >= 0; i--) {
            Element element = elements[i];
            if (element == null) {
                continue;
            }
            try {
                element.cleanup();
            } catch (RuntimeException | LinkageError e) {
                LOG.log(System.Logger.Level.WARNING, "cleanup of " + element + " failed", e);
            }
            try {
                factory.release(element);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "release of " + element + " failed", e);
            }
            elements[i] = null;
        }
    }
}
