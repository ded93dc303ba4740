package dev.junction.engine.check;

import dev.junction.engine.graph.ElementClassCatalog;
import dev.junction.engine.graph.ElementClassInfo;
import java.util.HashMap;
import java.util.Map;

/**
 * A catalog of real Click classes with the port-count, processing and flow-code strings their Click sources
 * declare (elements/standard, elements/userlevel, elements/ethernet, elements/etherswitch), plus a few broken
 * classes for the error paths.
 */
final class ClickClasses {
    private static final Map<String, ElementClassInfo> CLASSES = new HashMap<>();

    static {
        add("Idle", "-/-", "a/a", "x/y");
        add("InfiniteSource", "0/1", "a/a", "x/x");
        add("TimedSource", "0/1", "h", "x/x");
        add("Print", "1", "a/a", "x/x");
        add("Counter", "1", "a/a", "x/x");
        add("Paint", "1", "a/a", "x/x");
        add("Null", "1", "a/a", "x/x");
        add("PushNull", "1", "h", "x/x");
        add("PullNull", "1", "l", "x/x");
        add("Discard", "1/0", "a/a", "x/x");
        add("Queue", "1/1-2", "h/lh", "x/x");
        add("Unqueue", "1", "l/h", "x/x");
        add("Tee", "1/1-", "h", "x/x");
        add("PullTee", "1/1-", "l/lh", "x/x");
        add("Classifier", "1/-", "h", "x/x");
        add("RoundRobinSched", "-/1", "l", "x/x");
        add("PrioSched", "-/1", "l", "x/x");
        add("ToDevice", "1/0-2", "l/h", "x/x");
        add("FromDevice", "0/1-2", "h", "x/x");
        add("ARPQuerier", "2/1-2", "h", "xy/x");
        add("Suppressor", "-/=", "a/a", "#/#");
        add("Hub", "-/=", "h", "#/[^#]");
        add("EtherSwitch", "2-/=", "h", "#/[^#]");
        add("ListenEtherSwitch", "-/=+", "h", "#/[^#]");
        add("Bypass", "1-2/1-2", "a/a", "xy/[xy]x");
        // not Click classes: a "-/=" class whose packets flow everywhere, and broken declarations
        add("AnyToAny", "-/=", "a/a", "x/x");
        add("BadPortCount", "1/x", "a/a", "x/x");
        add("BadProcessing", "1/1", "h/q", "x/x");
        add("BadFlow", "1/1", "a/a", "x/[y");
    }

    private ClickClasses() {
    }

    private static void add(String name, String portCount, String processing, String flowCode) {
        CLASSES.put(name, new ElementClassInfo(name, portCount, processing, flowCode));
    }

    /** The catalog. */
    static final ElementClassCatalog CATALOG = CLASSES::get;
}
