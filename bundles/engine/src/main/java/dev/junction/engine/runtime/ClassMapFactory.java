package dev.junction.engine.runtime;

import dev.junction.element.Element;
import dev.junction.engine.graph.ElementClassCatalog;
import dev.junction.engine.graph.ElementClassInfo;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * An {@link ElementFactory} over a map of class names to constructors, for tests and for running routers on a
 * plain JVM. A class's port count, processing and flow code are read once from a prototype instance.
 * {@link #remove(String)} makes a class unavailable, as a bundle that stops does.
 */
public final class ClassMapFactory implements ElementFactory {
    private record Entry(Supplier<? extends Element> supplier, ElementClassInfo info) {
    }

    private final Map<String, Entry> classes = new ConcurrentHashMap<>();
    private final Set<Element> issued = ConcurrentHashMap.newKeySet();

    /** Adds (or replaces) class {@code className}, made by {@code supplier}; returns this factory. */
    public ClassMapFactory add(String className, Supplier<? extends Element> supplier) {
        Element prototype = supplier.get();
        classes.put(className, new Entry(supplier, new ElementClassInfo(className, prototype.portCount(),
                prototype.processing(), prototype.flowCode())));
        return this;
    }

    /** Makes {@code className} unavailable; running instances become orphans. Returns whether it was there. */
    public boolean remove(String className) {
        return classes.remove(className) != null;
    }

    @Override
    public ElementClassCatalog catalog() {
        return name -> {
            Entry entry = classes.get(name);
            return entry == null ? null : entry.info();
        };
    }

    @Override
    public Element create(String className) {
        Entry entry = classes.get(className);
        if (entry == null) {
            throw new IllegalArgumentException("unknown element class '" + className + "'");
        }
        Element element = entry.supplier().get();
        issued.add(element);
        return element;
    }

    @Override
    public void release(Element element) {
        issued.remove(element);
    }

    @Override
    public boolean isAvailable(String className) {
        return classes.containsKey(className);
    }

    @Override
    public List<String> classNames() {
        return classes.keySet().stream().sorted().toList();
    }

    /** Number of instances created and not yet released, for tests that check nothing is left behind. */
    public int outstanding() {
        return issued.size();
    }
}
