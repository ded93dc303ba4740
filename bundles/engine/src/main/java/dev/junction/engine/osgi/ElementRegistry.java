package dev.junction.engine.osgi;

import dev.junction.element.Element;
import dev.junction.element.ElementClass;
import dev.junction.element.ElementDocs;
import dev.junction.engine.graph.ElementClassCatalog;
import dev.junction.engine.graph.ElementClassInfo;
import dev.junction.engine.runtime.ElementFactory;
import dev.junction.router.ElementClassSummary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.component.annotations.ReferenceScope;

/**
 * The element classes the framework offers: every prototype-scope {@link Element} service with the
 * {@value ElementClass#PROPERTY} property, tracked as bundles come and go.
 *
 * <p>A bundle that starts adds its classes; one that stops removes them, and elements already made from them
 * keep running as orphans (the router asks {@link #isAvailable}). When several bundles offer one class name,
 * the highest-ranked service wins, as OSGi ranks services. Listeners hear of classes that arrive, so the
 * engine can swap running instances onto an updated bundle's classes.
 */
@Component(service = ElementRegistry.class)
public final class ElementRegistry implements ElementFactory {
    /** Told when element classes arrive or leave. */
    public interface Listener {
        /** Classes {@code names} became available (a bundle started, or was updated). */
        void classesArrived(Set<String> names);

        /** Classes {@code names} are no longer available; their running instances are orphans now. */
        void classesLeft(Set<String> names);
    }

    /** One service offering a class, with what the checks need to know of it, read once from a prototype. */
    private record Provider(String className, ComponentServiceObjects<Element> objects, ElementClassInfo info,
            String bundle, String documentation, int ranking, long serviceId) {
    }

    private final Map<String, List<Provider>> providers = new LinkedHashMap<>();
    private final Map<Element, ComponentServiceObjects<Element>> issued = new IdentityHashMap<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    @Reference(service = Element.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
            scope = ReferenceScope.PROTOTYPE_REQUIRED, target = "(" + ElementClass.PROPERTY + "=*)",
            unbind = "removeElementClass")
    void addElementClass(ComponentServiceObjects<Element> objects) {
        Provider provider = describe(objects);
        if (provider == null) {
            return;
        }
        synchronized (this) {
            List<Provider> offers = providers.computeIfAbsent(provider.className(), name -> new ArrayList<>());
            offers.add(provider);
            // Highest ranking first, then the oldest service, as the framework ranks services.
            offers.sort(Comparator.comparingInt(Provider::ranking).reversed().thenComparingLong(Provider::serviceId));
        }
        listeners.forEach(listener -> listener.classesArrived(Set.of(provider.className())));
    }

    void removeElementClass(ComponentServiceObjects<Element> objects) {
        String left = null;
        synchronized (this) {
            for (var entry : providers.entrySet()) {
                if (entry.getValue().removeIf(provider -> provider.objects() == objects) && entry.getValue().isEmpty()) {
                    left = entry.getKey();
                }
            }
            if (left != null) {
                providers.remove(left);
            }
            // Instances from this service stay with their routers as orphans; nothing to give back any more.
            issued.values().removeIf(issuer -> issuer == objects);
        }
        if (left != null) {
            Set<String> names = Set.of(left);
            listeners.forEach(listener -> listener.classesLeft(names));
        }
    }

    /** Reads a class's name, codes and documentation from one prototype instance, given back at once. */
    private static Provider describe(ComponentServiceObjects<Element> objects) {
        ServiceReference<Element> reference = objects.getServiceReference();
        Object name = reference.getProperty(ElementClass.PROPERTY);
        Element prototype = objects.getService();
        if (prototype == null || !(name instanceof String className)) {
            return null;
        }
        try {
            ElementClassInfo info = new ElementClassInfo(className, prototype.portCount(), prototype.processing(),
                    prototype.flowCode());
            Bundle bundle = reference.getBundle();
            String bundleName = bundle == null ? "?" : bundle.getSymbolicName() + " " + bundle.getVersion();
            Object ranking = reference.getProperty(Constants.SERVICE_RANKING);
            long serviceId = (Long) reference.getProperty(Constants.SERVICE_ID);
            return new Provider(className, objects, info, bundleName, ElementDocs.format(prototype.getClass()),
                    ranking instanceof Integer r ? r : 0, serviceId);
        } finally {
            objects.ungetService(prototype);
        }
    }

    /** Registers {@code listener}. */
    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    /** Unregisters {@code listener}. */
    public void removeListener(Listener listener) {
        listeners.remove(listener);
    }

    @Override
    public ElementClassCatalog catalog() {
        return name -> {
            Provider provider = current(name);
            return provider == null ? null : provider.info();
        };
    }

    @Override
    public Element create(String className) {
        ComponentServiceObjects<Element> objects;
        synchronized (this) {
            Provider provider = current(className);
            if (provider == null) {
                throw new IllegalArgumentException("unknown element class '" + className + "'");
            }
            objects = provider.objects();
        }
        Element element = objects.getService();
        if (element == null) {
            throw new IllegalStateException("element class '" + className + "' could not be instantiated");
        }
        synchronized (this) {
            issued.put(element, objects);
        }
        return element;
    }

    @Override
    public void release(Element element) {
        ComponentServiceObjects<Element> objects;
        synchronized (this) {
            objects = issued.remove(element);
        }
        if (objects != null) {
            try {
                objects.ungetService(element);
            } catch (IllegalStateException | IllegalArgumentException e) {
                // The providing bundle went away meanwhile: nothing is left to give back.
            }
        }
    }

    @Override
    public synchronized boolean isAvailable(String className) {
        return providers.containsKey(className);
    }

    @Override
    public synchronized List<String> classNames() {
        return providers.keySet().stream().sorted().toList();
    }

    /** Every class available now, by name. */
    public synchronized List<ElementClassSummary> summaries() {
        List<ElementClassSummary> summaries = new ArrayList<>();
        providers.keySet().stream().sorted().forEach(name -> {
            Provider provider = providers.get(name).get(0);
            summaries.add(new ElementClassSummary(name, provider.bundle(), provider.info().portCount(),
                    provider.info().processing(), provider.documentation()));
        });
        return summaries;
    }

    private synchronized Provider current(String className) {
        List<Provider> offers = providers.get(className);
        return offers == null || offers.isEmpty() ? null : offers.get(0);
    }
}
